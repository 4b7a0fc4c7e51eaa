using FluentAssertions;
using StandardsKit.Tests.TestSupport;
using Xunit;

namespace StandardsKit.Tests.Cli;

/// <summary>Rules that read division attributes, through validate (the floor proof) and eval.</summary>
public sealed class AttributeRuleCliTests
{
    private static TempFolder Root(string localRule)
    {
        var folder = new TempFolder();
        folder.Write("national.yaml", Yaml.National(Yaml.Item("maternal-health", "pregnant")));
        folder.Write("local.yaml", Yaml.Local("test-shanghai", "310000", $$"""
              - id: local-maternal
                implements: maternal-health
                provenance: {evidence: secondary, sources: [L1]}
                eligibility:
                  when: '{{localRule}}'
                  provenance: {evidence: secondary, sources: [L1]}
            """));
        return folder;
    }

    [Fact]
    public void Widening_by_a_division_attribute_is_proved_to_keep_the_floor()
    {
        using var root = Root("pregnant or hasAttribute(residence, \"ethnicAutonomous\")");

        var r = CliHarness.Run("validate", root.Path);

        r.ExitCode.Should().Be(0, r.Out + r.Err);
        r.Out.Should().Contain("floor proofs: 1 proved, 0 violated, 0 unsupported").And.Contain("info SK0303").And.Contain("eligibility widened");
    }

    [Fact]
    public void Narrowing_by_an_attribute_that_is_true_false_or_unknown_is_refuted_with_a_resident_who_loses()
    {
        // Tautological in two-valued logic, but the key-assistance list is unknown beyond what S33 names: a
        // resident with a hukou there is undetermined, and so loses against the national rule.
        using var root = Root("pregnant and present(hukou) and (hasAttribute(hukou, \"keyAssistanceCounty\") or not hasAttribute(hukou, \"keyAssistanceCounty\"))");

        var r = CliHarness.Run("validate", root.Path);

        r.ExitCode.Should().Be(1, r.Out + r.Err);
        r.OutLines.Should().Contain(l => l.Contains("error SK0302", StringComparison.Ordinal) && l.Contains("\"pregnant\": true", StringComparison.Ordinal));
    }

    [Fact]
    public void Narrowing_to_residents_of_band_5_is_refuted_even_though_every_county_of_Shanghai_is_band_5()
    {
        // residence defaults to the county (band 5 throughout Shanghai); a resident who states another residence loses.
        using var root = Root("pregnant and attribute(residence, \"fiscalBand\") == 5");

        var r = CliHarness.Run("validate", root.Path);

        r.ExitCode.Should().Be(1, r.Out + r.Err);
        r.OutLines.Should().Contain(l => l.Contains("error SK0302", StringComparison.Ordinal) && l.Contains("\"residence\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_misspelt_attribute_is_reported_at_its_position_with_a_suggestion()
    {
        using var root = Root("pregnant or hasAttribute(residence, \"ethnicAutonomus\")");

        var r = CliHarness.Run("validate", root.Path);

        r.ExitCode.Should().Be(1);
        var line = r.OutLines.Single(l => l.Contains("error SK0503", StringComparison.Ordinal));
        line.Should().Contain("local.yaml:").And.Contain("unknown division attribute 'ethnicAutonomus'").And.Contain("ethnicAutonomous");
    }

    [Fact]
    public void Eval_of_an_attribute_the_sources_leave_open_is_undetermined_without_asking_for_a_fact()
    {
        using var root = Root("pregnant or attribute(hukou, \"fiscalBand\") <= 2");

        var r = CliHarness.RunWithInput("""{"pregnant": false, "hukou": "659001"}""",
            "eval", "--standards", root.Path, "--county", "310104", "--on", "2031-01-01", "--item", "maternal-health", "--resident", "-", "--format", "json");

        r.ExitCode.Should().Be(0, r.Err);
        using var json = System.Text.Json.JsonDocument.Parse(r.Out);
        var decision = json.RootElement.GetProperty("decisions").EnumerateArray().Single();
        decision.GetProperty("eligible").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        decision.GetProperty("missingFacts").GetArrayLength().Should().Be(0, "asking the resident cannot help");
    }
}
