using System.Text.Json;
using FluentAssertions;
using Xunit;

namespace StandardsKit.Tests.Cli;

public sealed class ReportCommandTests
{
    [Fact]
    public void Report_shows_national_and_local_levels_and_marks_items_above_the_floor()
    {
        var result = CliHarness.Run("report", "--county", "310104", "--on", "2024-06-01");
        result.ExitCode.Should().Be(0, result.Err);
        var maternal = result.OutLines.SkipWhile(l => !l.Contains(" maternal-health ", StringComparison.Ordinal)).Take(4).ToList();
        maternal[0].Should().StartWith("above-floor");
        maternal[1].Should().Contain("national: antenatalChecks 5 times");
        maternal[2].Should().Contain("local:    antenatalChecks 9 times");
        result.Out.Should().Contain("local-only  sh-elderly-allowance");
    }

    [Fact]
    public void Report_json_and_markdown_carry_the_same_statuses()
    {
        var json = CliHarness.Run("report", "--county", "310104", "--on", "2024-06-01", "--format", "json");
        using var doc = JsonDocument.Parse(json.Out);
        var statuses = doc.RootElement.GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("item").GetString()!, i => i.GetProperty("status").GetString());
        statuses["maternal-health"].Should().Be("above-floor");
        statuses["veteran-employment-services"].Should().Be("at-floor", "Shanghai's ≥2 job fairs equal the national floor");
        statuses["immunisation"].Should().Be("national");

        var markdown = CliHarness.Run("report", "--county", "310104", "--on", "2024-06-01", "--format", "markdown");
        markdown.Out.Should().Contain("| `maternal-health` | 孕产妇健康服务 | 310000 | above-floor |");
    }

    [Fact]
    public void Report_for_an_unknown_county_is_a_one_line_usage_error()
    {
        var result = CliHarness.Run("report", "--county", "999998");
        result.ExitCode.Should().Be(2);
        result.Err.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain("unknown county code '999998'");
    }
}
