using System.Text.Json;
using FluentAssertions;
using Xunit;

namespace StandardsKit.Tests.Cli;

public sealed class ReportCommandTests
{
    [Fact]
    public void Report_shows_national_and_local_levels_and_marks_items_above_the_floor()
    {
        var result = CliHarness.Run("report", "--county", "310104", "--on", "2024-06-01", "--lang", "en");
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

public sealed class ListAndShowCommandTests
{
    [Fact]
    public void List_without_a_county_shows_the_national_standard_alone()
    {
        var result = CliHarness.Run("list", "--on", "2022-06-01", "--lang", "en");
        result.ExitCode.Should().Be(0, result.Err);
        result.OutLines[0].Should().StartWith("000000").And.EndWith("cn-national@2021");
        result.OutLines[^1].Should().Be("80 items");
    }

    [Fact]
    public void List_for_a_Shanghai_district_marks_the_items_Shanghai_defines()
    {
        var result = CliHarness.Run("list", "--county", "310104", "--on", "2024-06-01");
        result.Out.Should().Contain("maternal-health").And.Contain("孕产妇健康服务 / 孕产期保健  [310000]");
    }

    [Fact]
    public void Show_prints_every_layer_with_its_evidence_and_dated_values()
    {
        var result = CliHarness.Run("show", "family-planning-special-assistance", "--county", "510104", "--on", "2024-06-01");
        result.ExitCode.Should().Be(0, result.Err);
        result.Out.Should().Contain("== cn-national@2023 (000000)").And.Contain("== cn-51@2022 (510000)").And.Contain("1000");
        CliHarness.Run("show", "family-planning", "--county", "510104").Err.Should().Contain("did you mean 'family-planning-special-assistance'?");
    }
}
