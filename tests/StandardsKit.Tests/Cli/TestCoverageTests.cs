using System.Text.Json.Nodes;
using StandardsKit.Tests.TestSupport;
using static StandardsKit.Tests.Cli.CliHarness;

namespace StandardsKit.Tests.Cli;

/// <summary>
/// <c>test --coverage</c>: a case covers only what it asserts — its eligible: for the rule that decided it, each
/// level quantity for the tier and dated value that produced it, and the editions layered into the item.
/// Cases run against the embedded standards, where the national family-planning special assistance has two
/// tiered quantities with dated values in 2021 and undated ones in 2023 (Guizhou, 520102, does not overlay it).
/// </summary>
public sealed class TestCoverageTests : IDisposable
{
    private const string Item = "family-planning-special-assistance";

    private readonly TempFolder _folder = new();

    private string Cases(string cases) => _folder.Write("cases.yaml", "tests:\n" + cases);

    private const string DisabledGrade2In2024 = """
          - name: an only child disabled, grade-2 complication, 2024
            county: "520102"
            on: 2024-06-01
            resident: {onlyChildDeceased: false, onlyChildDisabled: true, familyPlanningComplication: grade2}
            expect:
              - {item: family-planning-special-assistance, eligible: true, level: {allowance: 460, complicationAllowance: 390}}

        """;

    private static Dictionary<string, bool> Goals(CliResult r, string jurisdiction, string item)
    {
        var row = JsonNode.Parse(r.Out)!["coverage"]!["rows"]!.AsArray()
            .Single(x => x!["jurisdiction"]!.GetValue<string>() == jurisdiction && x["item"]!.GetValue<string>() == item)!;
        return row["details"]!.AsArray().ToDictionary(g => g!["label"]!.GetValue<string>(), g => g!["covered"]!.GetValue<bool>());
    }

    [Fact]
    public void A_case_covers_the_outcome_tiers_and_edition_it_asserts_and_nothing_else()
    {
        var r = Run("test", "--coverage", "--format", "json", Cases(DisabledGrade2In2024));

        r.ExitCode.Should().Be(0, r.Err);
        var goals = Goals(r, "000000", Item);
        goals.Should().Contain(new Dictionary<string, bool>
        {
            ["eligible"] = true,
            ["not eligible"] = false,
            ["allowance when onlyChildDisabled"] = true,
            ["allowance when onlyChildDeceased"] = false,
            ["complicationAllowance when familyPlanningComplication == \"grade2\""] = true,
            ["complicationAllowance when familyPlanningComplication == \"grade1\""] = false,
            ["edition cn-national@2023 (from 2023-08-09)"] = true,
            ["edition cn-national@2021 (from 2021-03-30)"] = false,
        });
        Goals(r, "000000", "maternal-health").Values.Should().OnlyContain(c => !c, "no case asserts maternal health");
    }

    [Fact]
    public void Dated_values_are_goals_of_their_own_covered_by_a_case_in_their_period()
    {
        var r = Run("test", "--coverage", "--format", "json", Cases("""
              - name: an only child deceased, after the 2022 raise, before the 2023 edition
                county: "520102"
                on: 2022-08-01
                resident: {onlyChildDeceased: true}
                expect:
                  - {item: family-planning-special-assistance, level: {allowance: 590}}
            """));

        r.ExitCode.Should().Be(0, r.Err);
        var goals = Goals(r, "000000", Item);
        goals["allowance when onlyChildDeceased from 2022-07-01"].Should().BeTrue();
        goals["allowance when onlyChildDeceased from 2021-03-30"].Should().BeFalse();
        goals["edition cn-national@2021 (from 2021-03-30)"].Should().BeTrue();
        goals["eligible"].Should().BeFalse("the case does not assert eligible:");
    }

    [Fact]
    public void Not_eligible_is_covered_by_a_case_that_asserts_it()
    {
        var r = Run("test", "--coverage", "--format", "json", Cases("""
              - name: a family with no claim
                county: "520102"
                on: 2024-06-01
                resident: {onlyChildDeceased: false, onlyChildDisabled: false, familyPlanningComplication: none}
                expect:
                  - {item: family-planning-special-assistance, eligible: false}
            """));

        r.ExitCode.Should().Be(0, r.Err);
        Goals(r, "000000", Item)["not eligible"].Should().BeTrue();
        Goals(r, "000000", Item)["eligible"].Should().BeFalse();
    }

    [Fact]
    public void An_overlay_s_row_is_covered_where_its_layer_decides()
    {
        // In Chengdu in 2024 Sichuan's item sets the allowance; the national tier is not exercised there.
        var r = Run("test", "--coverage", "--format", "json", Cases("""
              - name: an only child deceased in Jinjiang, 2024
                county: "510104"
                on: 2024-06-01
                resident: {birthDate: 1960-05-05, onlyChildDeceased: true, familyPlanningComplication: none}
                expect:
                  - {item: family-planning-special-assistance, level: {allowance: 1000}}
            """));

        r.ExitCode.Should().Be(0, r.Out + r.Err);
        var sichuan = JsonNode.Parse(r.Out)!["coverage"]!["rows"]!.AsArray()
            .Single(x => x!["jurisdiction"]!.GetValue<string>() == "510000" && x["implements"]?.GetValue<string>() == Item)!;
        sichuan["covered"]!.GetValue<int>().Should().BeGreaterThanOrEqualTo(2, "the allowance tier and the Sichuan edition");
        Goals(r, "000000", Item)["allowance when onlyChildDeceased"].Should().BeFalse();
        Goals(r, "000000", Item)["edition cn-national@2023 (from 2023-08-09)"].Should().BeTrue("the national edition is a layer of the item there");
    }

    [Fact]
    public void Text_coverage_comes_before_the_closing_line_and_names_what_no_case_exercises()
    {
        var r = Run("test", "--coverage", Cases(DisabledGrade2In2024));

        r.ExitCode.Should().Be(0, r.Err);
        r.OutLines[^1].Should().Be("1 passed, 0 failed");
        r.OutLines.Should().Contain(l => l.StartsWith("coverage ", StringComparison.Ordinal) && l.EndsWith(" goals)", StringComparison.Ordinal));
        r.OutLines.Should().Contain(l => l.Trim().StartsWith(Item + ": 4 of ", StringComparison.Ordinal) && l.Contains("no case for: not eligible;", StringComparison.Ordinal));
    }

    [Fact]
    public void Min_coverage_fails_below_the_bar_with_the_figures_and_passes_at_it()
    {
        var full = Run("test", "--format", "json", "--coverage");
        var percent = JsonNode.Parse(full.Out)!["coverage"]!["percent"]!.GetValue<decimal>();
        percent.Should().BeInRange(1, 99.99m, "the embedded cases leave some goals uncovered, so both sides of the bar are testable");

        var below = Run("test", "--min-coverage", "100");
        var at = Run("test", "--min-coverage", Math.Floor(percent).ToString(System.Globalization.CultureInfo.InvariantCulture));

        below.ExitCode.Should().Be(1);
        below.Err.Should().MatchRegex(@"coverage \d+\.\d% \(\d+ of \d+ goals\) is below --min-coverage 100");
        below.OutLines[^1].Should().MatchRegex(@"^\d+ passed, 0 failed$");
        at.ExitCode.Should().Be(0, at.Err);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("101")]
    [InlineData("-5")]
    public void Min_coverage_that_is_not_a_percentage_is_a_usage_error(string value)
    {
        var r = Run("test", "--min-coverage", value);

        r.ExitCode.Should().Be(2);
        r.Err.Should().Contain("is not a percentage");
    }

    public void Dispose() => _folder.Dispose();
}
