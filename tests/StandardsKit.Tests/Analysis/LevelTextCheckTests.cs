using StandardsKit.Analysis;
using StandardsKit.Tests.TestSupport;
using static StandardsKit.Tests.Cli.CliHarness;

namespace StandardsKit.Tests.Analysis;

/// <summary>SK0217: an overlay that changes a quantity but inherits a level text stating the old number is flagged.</summary>
public sealed class LevelTextCheckTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly string standards;

    public LevelTextCheckTests() => standards = folder.CopyFrom(Repo.Standards, "standards");

    public void Dispose() => folder.Dispose();

    /// <summary>A Pudong overlay of Shanghai's maternal care (whose level text says "9次产前检查") with its own amount and, optionally, its own text.</summary>
    private string Pudong(int antenatalChecks, string? text = null) => folder.Write(Path.Combine("standards", "local", "310115-pudong", "2022.yaml"), $$"""
        id: cn-310115
        jurisdiction: "310115"
        edition: "2022"
        title: {zh: 浦东新区基本公共服务标准（测试）, en: Pudong test overlay}
        extends: cn-31@2021
        effectiveFrom: 2022-06-01
        provenance: {evidence: reconstructed, note: "A test overlay."}
        sources:
          - {id: T1, title: A test source, kind: secondary}
        items:
          - id: pd-maternal-care
            implements: sh-maternal-care
            name: {zh: 孕产期保健, en: Maternal care}
            provenance: {evidence: reconstructed, note: "test"}
            level:
        {{(text is null ? "" : $"      text: {{zh: {text}}}\n")}}      quantities:
                - {name: antenatalChecks, unit: times, value: {{antenatalChecks}}}
              provenance: {evidence: reconstructed, note: "test"}
        """);

    private Catalog Load()
    {
        var result = Catalog.LoadDirectory(standards);
        result.Diagnostics.Where(d => d.Severity == Diagnostics.Severity.Error).Should().BeEmpty();
        return result.Catalog!;
    }

    [Fact]
    public void An_overlay_that_raises_a_quantity_under_an_inherited_text_stating_the_old_number_is_warned_with_both_values()
    {
        Pudong(10);

        var found = LevelTextCheck.Check(Load());

        var d = found.Should().ContainSingle().Subject;
        d.Code.Should().Be("SK0217");
        d.Severity.Should().Be(Diagnostics.Severity.Warning);
        d.Message.Should().Contain("antenatalChecks to 10").And.Contain("which states 9").And.Contain("cn-31@2021");
        d.Span!.File.Should().EndWith("2022.yaml");
        d.Span.Line.Should().Be(17, "the quantity's line");
    }

    [Fact]
    public void An_overlay_with_its_own_text_or_the_same_amount_passes()
    {
        Pudong(10, "10次产前检查");
        LevelTextCheck.Check(Load()).Should().BeEmpty("the overlay states its own amount");

        Pudong(9);
        LevelTextCheck.Check(Load()).Should().BeEmpty("the amount is the one the inherited text states");
    }

    [Fact]
    public void The_embedded_standards_have_no_stale_level_text()
    {
        LevelTextCheck.Check(Catalog.Default).Should().BeEmpty();
    }

    [Fact]
    public void Validate_reports_it_as_a_warning_and_still_exits_0()
    {
        Pudong(10);

        var r = Run("validate", standards);

        r.ExitCode.Should().Be(0, r.Out);
        r.OutLines.Should().Contain(l => l.Contains("warning SK0217: 'pd-maternal-care' sets antenatalChecks to 10 times", StringComparison.Ordinal));
    }
}
