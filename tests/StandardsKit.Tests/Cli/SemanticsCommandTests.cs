using StandardsKit.Tests.TestSupport;
using static StandardsKit.Tests.Cli.CliHarness;

namespace StandardsKit.Tests.Cli;

/// <summary>The reproducers of one semantics, re-run through the CLI.</summary>
public sealed class SemanticsCommandTests
{
    private static string Probes(params (string Id, string Rule)[] items) =>
        Yaml.LocalHeader("cn-31", "310000") + string.Concat(items.Select(i =>
            $"  - {{id: {i.Id}, kind: local, area: childcare, category: pregnancy-care, name: {{zh: 探针}}, provenance: {{evidence: secondary, sources: [X]}}, " +
            $"eligibility: {{when: '{i.Rule}', provenance: {{evidence: secondary, sources: [X]}}}}}}\n"));

    private static Dictionary<string, bool?> Eval(string on, string residentJson, params (string Id, string Rule)[] items)
    {
        using var temp = new TempFolder();
        temp.CopyFrom(Path.Combine(Repo.Standards, "national"), "national");
        temp.Write("local.yaml", Probes(items));
        var resident = temp.Write("resident.json", residentJson);
        var args = new List<string> { "eval", "--standards", temp.Path, "--county", "310104", "--on", on, "--resident", resident };
        args.AddRange(items.SelectMany(i => new[] { "--item", i.Id }));
        var r = Run([.. args]);
        r.ExitCode.Should().Be(0, r.Err);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Out);
        return doc.RootElement.GetProperty("decisions").EnumerateArray().ToDictionary(
            d => d.GetProperty("item").GetString()!,
            d => d.GetProperty("eligible").ValueKind == System.Text.Json.JsonValueKind.Null ? (bool?)null : d.GetProperty("eligible").GetBoolean());
    }

    [Fact]
    public void Not_equal_not_of_equal_and_not_in_agree_on_an_absent_disability_grade()
    {
        var eligible = Eval("2024-06-01", "{}",
            ("probe-ne", "disabilityGrade != 1"), ("probe-not-eq", "not (disabilityGrade == 1)"), ("probe-not-in", "disabilityGrade not in [1]"));

        eligible.Values.Should().AllSatisfy(v => v.Should().BeTrue());
    }

    [Theory]
    [InlineData("2025-02-28", true)]
    [InlineData("2025-02-27", false)]
    public void Age_and_addYears_agree_for_a_29_February_birth(string on, bool expected)
    {
        var eligible = Eval(on, """{"birthDate": "1960-02-29"}""",
            ("probe-age", "age >= 65"), ("probe-add-years", "addYears(birthDate, 65) <= evaluationDate()"));

        eligible["probe-age"].Should().Be(expected);
        eligible["probe-add-years"].Should().Be(expected);
    }

    [Theory]
    [InlineData("1799-12-31")]
    [InlineData("2400-01-01")]
    public void Eval_on_a_date_outside_the_supported_range_is_a_one_line_usage_error(string on)
    {
        var r = Run("eval", "--county", "310104", "--on", on, "--resident", "-");

        r.ExitCode.Should().Be(2);
        r.Err.TrimEnd().Should().Be($"standardskit: --on {on} is outside the supported range 1800-01-01..2399-12-31");
    }

    [Fact]
    public void Eval_of_a_resident_born_before_1800_is_a_one_line_usage_error()
    {
        var r = RunWithInput("""{"birthDate": "1700-01-01"}""", "eval", "--county", "310104", "--on", "2024-06-01", "--resident", "-");

        r.ExitCode.Should().Be(2);
        r.Err.TrimEnd().Should().EndWith("fact 'birthDate' is 1700-01-01, outside the supported range 1800-01-01..2399-12-31");
        r.Err.TrimEnd().Should().NotContain("\n");
    }
}
