using StandardsKit.Tests.Cli;
using StandardsKit.Tests.TestSupport;

namespace StandardsKit.Tests.Analysis;

/// <summary>
/// A local amount that stays undetermined although the resident has given every fact — only the division data
/// (an attribute with no value for their place) leave it open — is not "proved" at or above the parent's amount:
/// the obligation ends unsupported with that resident. An amount that waits only for a fact the resident can still
/// give is the resident's to settle (docs/analysis.md) and does not block the proof.
/// </summary>
public sealed class AmountUndeterminedByDataTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private CliResult Validate(params string[] tiers)
    {
        _temp.CopyFrom(Path.Combine(Repo.Standards, "national"), "national");
        var level = $$"""
                level:
                  quantities:
                    - name: antenatalChecks
                      unit: times
                      tiers:
            {{string.Join("\n", tiers.Select(t => "              - " + t))}}
                  provenance: {evidence: secondary, sources: [X]}
            """;
        _temp.Write("o.yaml", Yaml.MaternalHealthOverlay("cn-o", "310000", "cn-national@2023", "o-mh", "pregnant or postpartum", level: level));
        return CliHarness.Run("validate", _temp.Path);
    }

    [Fact]
    public void An_amount_only_the_division_data_leave_open_is_not_proved()
    {
        var result = Validate("{when: 'attribute(residence, \"fiscalBand\") >= 4', value: 9}", "{when: 'attribute(residence, \"fiscalBand\") < 4', value: 7}");

        result.OutLines.Should().Contain("floor proofs: 0 proved, 0 violated, 1 unsupported", result.Out);
        var warning = result.OutLines.Single(l => l.Contains("warning SK0304", StringComparison.Ordinal));
        warning.Should().Contain("the local 'antenatalChecks' is undetermined for resident").And.Contain("although every fact is given")
            .And.Contain("where the parent gives 5 times");

        // The resident named is real: the evaluator leaves the amount open for them.
        var resident = System.Text.RegularExpressions.Regex.Match(warning, @"resident (\{[^}]*\}) in (\d{6})");
        resident.Success.Should().BeTrue(warning);
        var eval = CliHarness.RunWithInput(resident.Groups[1].Value, "eval", "--standards", _temp.Path, "--county", resident.Groups[2].Value,
            "--on", "2024-06-01", "--resident", "-", "--item", "maternal-health", "--format", "text", "--lang", "en");
        eval.Out.Should().Contain("antenatalChecks: attribute(residence, \"fiscalBand\") >= 4 = ?", eval.Out + eval.Err);
    }

    [Fact]
    public void An_attribute_read_only_where_the_data_give_it_is_proved()
    {
        // Outside Shanghai the first tier is false, not open; inside, every code reads Shanghai's band.
        var result = Validate("{when: 'within(residence, \"310000\") and attribute(residence, \"fiscalBand\") >= 4', value: 9}", "{when: 'true', value: 7}");

        result.OutLines.Should().Contain("floor proofs: 1 proved, 0 violated, 0 unsupported", result.Out);
    }

    [Fact]
    public void An_amount_that_waits_for_a_fact_the_resident_can_give_is_still_proved()
    {
        var result = Validate("{when: 'pregnancyWeeks >= 12', value: 9}", "{when: 'pregnancyWeeks < 12', value: 7}");

        result.OutLines.Should().Contain("floor proofs: 1 proved, 0 violated, 0 unsupported", result.Out);
    }
}
