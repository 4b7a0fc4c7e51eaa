using StandardsKit.Tests.TestSupport;
using static StandardsKit.Tests.Cli.CliHarness;

namespace StandardsKit.Tests.Cli;

public class TestCommandTests
{
    [Fact]
    public void Test_runs_the_embedded_cases_and_ends_with_the_count()
    {
        var r = Run("test");

        r.ExitCode.Should().Be(0, r.Out);
        r.OutLines[^1].Should().Be($"{Catalog.Default.Tests.Length} passed, 0 failed");
        r.OutLines.Should().NotContain(l => l.StartsWith("FAIL", StringComparison.Ordinal));
    }

    [Fact]
    public void Test_with_a_path_runs_only_those_cases()
    {
        var r = Run("test", Path.Combine(Repo.Standards, "tests", "shanghai.yaml"));

        r.ExitCode.Should().Be(0, r.Out + r.Err);
        r.OutLines[^1].Should().MatchRegex(@"^[1-9]\d* passed, 0 failed$");
        r.OutLines.Where(l => l.StartsWith("PASS", StringComparison.Ordinal)).Should().OnlyContain(l => l.Contains("shanghai.yaml"));
    }

    [Fact]
    public void Failing_case_is_reported_and_exits_1()
    {
        using var folder = new TempFolder();
        var path = folder.Write("wrong.yaml", """
            tests:
              - name: a deliberately wrong expectation
                county: "310104"
                on: 2024-06-01
                resident: {birthDate: 1995-03-01, pregnant: true}
                expect:
                  - item: maternal-health
                    eligible: true
                    level: {antenatalChecks: 5}
            """);

        var r = Run("test", path);

        r.ExitCode.Should().Be(1);
        r.OutLines.Should().Contain(l => l.StartsWith("FAIL a deliberately wrong expectation", StringComparison.Ordinal));
        r.Out.Should().Contain("antenatalChecks");
        r.OutLines[^1].Should().Be("0 passed, 1 failed");
    }

    [Fact]
    public void No_cases_is_an_error_that_still_ends_with_the_count()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "empty"));

        var r = Run("test", Path.Combine(folder.Path, "empty"));

        r.ExitCode.Should().Be(2, "nothing to run is a mistake in the input, never a green run");
        r.Err.Should().Contain("no test cases in").And.Contain("empty");
        r.OutLines[^1].Should().Be("0 passed, 0 failed");
    }

    [Fact]
    public void Standards_with_errors_end_with_zero_passed_and_each_error_counted_as_failed()
    {
        using var folder = new TempFolder();
        var root = folder.CopyFrom(Repo.Standards, "standards");
        var file = Path.Combine(root, "national", "2023.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("when: pregnant or postpartum", "when: isPregnant or postpartum", StringComparison.Ordinal));

        var r = Run("test", Path.Combine(root, "tests"));

        r.ExitCode.Should().Be(1);
        r.Err.Should().Contain("isPregnant").And.Contain("no case was run");
        r.OutLines[^1].Should().MatchRegex(@"^0 passed, [1-9]\d* failed$");
    }

    [Fact]
    public void A_test_file_with_errors_ends_with_zero_passed_and_its_errors_failed()
    {
        using var folder = new TempFolder();
        var path = folder.Write("bad.yaml", """
            tests:
              - name: a misspelled key
                county: "310104"
                on: 2024-06-01
                resident: {birthDate: 1995-03-01}
                expekt:
                  - item: maternal-health
            """);

        var r = Run("test", path);

        r.ExitCode.Should().Be(1);
        r.Err.Should().Contain("bad.yaml:");
        r.OutLines[^1].Should().MatchRegex(@"^0 passed, [1-9]\d* failed$");
    }
}
