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
}
