using System.Text.Json.Nodes;
using System.Xml.Linq;
using NJsonSchema;
using StandardsKit.Tests.TestSupport;
using static StandardsKit.Tests.Cli.CliHarness;

namespace StandardsKit.Tests.Cli;

/// <summary><c>test --format junit|json</c> and <c>-o</c>: reports CI tools read, with the closing count kept on stderr.</summary>
public sealed class TestReportTests : IDisposable
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(Repo.Root, "schemas", "test-output.schema.json"))).GetAwaiter().GetResult());

    private readonly TempFolder _folder = new();

    /// <summary>Two cases in one file, the second failing twice; one passing case in another.</summary>
    private (string Mixed, string Passing) Files()
    {
        var mixed = _folder.Write("mixed.yaml", """
            tests:
              - name: a pregnant Xuhui resident gets 9 checks
                county: "310104"
                on: 2024-06-01
                resident: {birthDate: 1995-03-01, pregnant: true, hukou: "310104"}
                expect:
                  - {item: maternal-health, eligible: true, level: {antenatalChecks: 9}}
              - name: "wrong on purpose: <5 checks> & a \"quoted\" jurisdiction"
                county: "310104"
                on: 2024-06-01
                resident: {birthDate: 1995-03-01, pregnant: true, hukou: "310104"}
                expect:
                  - {item: maternal-health, eligible: true, jurisdiction: "000000", level: {antenatalChecks: 5}}
            """);
        var passing = _folder.Write("passing.yaml", """
            tests:
              - name: nobody known in Xuhui is not known to be pregnant
                county: "310104"
                on: 2024-06-01
                resident: {}
                expect:
                  - {item: maternal-health, eligible: null}
            """);
        return (mixed, passing);
    }

    [Fact]
    public void Junit_has_one_testcase_per_case_with_its_file_as_classname_and_failures_with_messages()
    {
        var (mixed, passing) = Files();

        var r = Run("test", "--format", "junit", mixed, passing);

        r.ExitCode.Should().Be(1);
        r.Err.TrimEnd().Split('\n')[^1].Should().Be("2 passed, 1 failed", "the closing line moves to stderr when stdout is XML");
        var root = XDocument.Parse(r.Out).Root!;
        root.Name.LocalName.Should().Be("testsuites");
        root.Attribute("tests")!.Value.Should().Be("3");
        root.Attribute("failures")!.Value.Should().Be("1");
        root.Attribute("errors")!.Value.Should().Be("0");
        double.Parse(root.Attribute("time")!.Value, System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(0);

        var suites = root.Elements("testsuite").ToList();
        suites.Select(s => s.Attribute("name")!.Value).Should().Equal(mixed, passing);
        foreach (var suite in suites)
        {
            suite.Attribute("tests")!.Value.Should().Be(suite.Elements("testcase").Count().ToString(System.Globalization.CultureInfo.InvariantCulture));
            suite.Attribute("failures")!.Value.Should().Be(suite.Elements("testcase").Count(c => c.Element("failure") is not null).ToString(System.Globalization.CultureInfo.InvariantCulture));
            suite.Elements("testcase").Should().OnlyContain(c => c.Attribute("classname")!.Value == suite.Attribute("name")!.Value && c.Attribute("time") != null);
        }

        var failed = root.Descendants("testcase").Single(c => c.Element("failure") is not null);
        failed.Attribute("name")!.Value.Should().Be("wrong on purpose: <5 checks> & a \"quoted\" jurisdiction");
        var failure = failed.Element("failure")!;
        failure.Attribute("message")!.Value.Should().Contain("expected jurisdiction 000000");
        failure.Value.Split('\n').Should().HaveCount(2).And.Contain(l => l.Contains("expected antenatalChecks = 5", StringComparison.Ordinal));
    }

    [Fact]
    public void Junit_of_the_embedded_cases_has_one_testcase_per_case()
    {
        var r = Run("test", "--format", "junit");

        r.ExitCode.Should().Be(0, r.Err);
        var cases = XDocument.Parse(r.Out).Descendants("testcase").ToList();
        cases.Should().HaveCount(Catalog.Default.Tests.Length);
        cases.Select(c => (c.Attribute("classname")!.Value, c.Attribute("line")!.Value)).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Junit_reports_load_errors_as_errors()
    {
        var bad = _folder.Write("bad.yaml", "tests:\n  - name: x\n    county: \"310104\"\n    on: 2024-06-01\n    resident: {}\n    expekt: []\n");

        var r = Run("test", "--format", "junit", bad);

        r.ExitCode.Should().Be(1);
        var root = XDocument.Parse(r.Out).Root!;
        var errors = int.Parse(root.Attribute("errors")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        errors.Should().BePositive();
        root.Descendants("error").Should().HaveCount(errors);
        r.Err.TrimEnd().Split('\n')[^1].Should().Be($"0 passed, {errors} failed");
    }

    [Fact]
    public void Json_validates_against_the_test_output_schema_and_counts_what_the_closing_line_says()
    {
        var (mixed, passing) = Files();

        var r = Run("test", "--format", "json", mixed, passing);

        r.ExitCode.Should().Be(1);
        Schema.Value.Validate(r.Out).Should().BeEmpty();
        var doc = JsonNode.Parse(r.Out)!;
        doc["cases"]!.AsArray().Should().HaveCount(3);
        doc["cases"]![1]!["passed"]!.GetValue<bool>().Should().BeFalse();
        doc["cases"]![1]!["failures"]!.AsArray().Should().HaveCount(2);
        doc["summary"]!["passed"]!.GetValue<int>().Should().Be(2);
        doc["summary"]!["failed"]!.GetValue<int>().Should().Be(1);
        doc.AsObject().ContainsKey("coverage").Should().BeFalse("coverage is reported only when asked for");
        r.Err.TrimEnd().Split('\n')[^1].Should().Be("2 passed, 1 failed");
    }

    [Fact]
    public void Json_with_coverage_and_json_with_load_errors_validate_against_the_schema()
    {
        var withCoverage = Run("test", "--format", "json", "--coverage");
        var bad = _folder.Write("bad.yaml", "tests:\n  - name: x\n    county: \"310104\"\n    on: 2024-06-01\n    resident: {}\n    expekt: []\n");
        var withErrors = Run("test", "--format", "json", bad);

        withCoverage.ExitCode.Should().Be(0, withCoverage.Err);
        Schema.Value.Validate(withCoverage.Out).Should().BeEmpty();
        JsonNode.Parse(withCoverage.Out)!["coverage"]!["rows"]!.AsArray().Should().NotBeEmpty();
        withErrors.ExitCode.Should().Be(1);
        Schema.Value.Validate(withErrors.Out).Should().BeEmpty();
        JsonNode.Parse(withErrors.Out)!["errors"]!.AsArray().Should().NotBeEmpty();
    }

    public static TheoryData<string, Action<JsonObject>> Breakages => new()
    {
        { "summary missing", doc => doc.Remove("summary") },
        { "passed as text", doc => doc["cases"]![0]!["passed"] = "yes" },
        { "unknown member", doc => doc["cases"]![0]!["score"] = 1 },
        { "county not 6 digits", doc => doc["cases"]![0]!["county"] = "3101" },
        { "unknown coverage kind", doc => doc["coverage"]!["rows"]![0]!["details"]![0]!["kind"] = "tier" },
        { "percent above 100", doc => doc["coverage"]!["percent"] = 101 },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void A_broken_test_report_does_not_validate(string what, Action<JsonObject> breakIt)
    {
        var doc = JsonNode.Parse(Run("test", "--format", "json", "--coverage").Out)!.AsObject();

        breakIt(doc);

        Schema.Value.Validate(doc.ToJsonString()).Should().NotBeEmpty(what);
    }

    [Fact]
    public void Output_file_gets_the_report_and_stderr_the_closing_line()
    {
        var (mixed, _) = Files();
        var target = Path.Combine(_folder.Path, "report.xml");

        var r = Run("test", "--format", "junit", "-o", target, mixed);

        r.ExitCode.Should().Be(1);
        r.Out.Should().BeEmpty();
        r.Err.TrimEnd().Split('\n')[^1].Should().Be("1 passed, 1 failed");
        XDocument.Load(target).Descendants("testcase").Should().HaveCount(2);
        Directory.EnumerateFiles(_folder.Path, "*.tmp", SearchOption.AllDirectories).Should().BeEmpty();
    }

    [Fact]
    public void Text_to_a_file_still_ends_with_the_count_there_and_on_stderr()
    {
        var (_, passing) = Files();
        var target = Path.Combine(_folder.Path, "report.txt");

        var r = Run("test", "-o", target, passing);

        r.ExitCode.Should().Be(0, r.Err);
        File.ReadAllLines(target)[^1].Should().Be("1 passed, 0 failed");
        r.Err.TrimEnd().Split('\n')[^1].Should().Be("1 passed, 0 failed");
    }

    public void Dispose() => _folder.Dispose();
}
