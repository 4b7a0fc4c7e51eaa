using StandardsKit.Tests.TestSupport;

namespace StandardsKit.Tests.Cli;

/// <summary>
/// `diff` reads each side as evaluation does: what a local item inherits comes from the editions in force along
/// its jurisdiction chain, so an added item shows the rule and level it really has, and an amount a revision stops
/// stating is compared with the parent's amount it falls back to.
/// </summary>
public sealed class DiffInheritanceTests : IDisposable
{
    private const string Chongqing = "local/500000-chongqing/2022.yaml";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Copy(string name)
    {
        var standards = _temp.CopyFrom(Repo.Standards, name);
        Directory.Delete(Path.Combine(standards, "tests"), recursive: true);
        return standards;
    }

    [Fact]
    public void An_added_local_item_shows_the_rule_and_level_it_inherits()
    {
        var old = Copy("old");
        var @new = Copy("new");
        File.AppendAllText(Path.Combine(@new, Chongqing), """
              - id: cq-elderly-health
                implements: elderly-health-management
                name: {zh: 老年人健康管理, en: Health management for older people}
                provenance: {evidence: reconstructed, sources: [N5]}
              - id: cq-prepregnancy
                implements: rural-prepregnancy-check
                name: {zh: 孕前检查, en: Pre-pregnancy check}
                provenance: {evidence: reconstructed, sources: [N5]}
                eligibility:
                  when: planningPregnancy
                  provenance: {evidence: reconstructed, sources: [N5]}

            """.Replace("\r\n", "\n", StringComparison.Ordinal));

        var result = CliHarness.Run("diff", Path.Combine(old, "local"), Path.Combine(@new, "local"), "--lang", "en");

        result.ExitCode.Should().Be(0, result.Err);
        result.Out.Should().Contain("""
            cq-elderly-health Health management for older people [added]
              rule: age >= 65 (inherited from cn-national@2021)
              level: healthManagement 1 times/year (inherited from cn-national@2021)
            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        result.Out.Should().Contain("""
            cq-prepregnancy Pre-pregnancy check [added]
              rule: planningPregnancy
              level: checksPerChild 1 times (inherited from cn-national@2021)
            """.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void An_amount_a_revision_stops_stating_is_lowered_to_the_inherited_one_not_removed()
    {
        var old = Copy("old");
        var @new = Copy("new");
        var file = Path.Combine(@new, Chongqing);
        var text = File.ReadAllText(file);
        File.WriteAllText(file, text[..text.IndexOf("    level:", StringComparison.Ordinal)]);

        var result = CliHarness.Run("diff", Path.Combine(old, "local"), Path.Combine(@new, "local"), "--fail-on", "removed", "--lang", "en");

        result.ExitCode.Should().Be(0, "nothing is removed: the national amount applies instead; " + result.Err);
        result.Out.Should().Contain("allowance when onlyChildDeceased: 1000 → 590 CNY/month (lowered) — the new side inherits it from cn-national@2021")
            .And.Contain("allowance when onlyChildDisabled: 800 → 460 CNY/month (lowered)");
        CliHarness.Run("diff", Path.Combine(old, "local"), Path.Combine(@new, "local"), "--fail-on", "lowered").ExitCode.Should().Be(1);
    }
}
