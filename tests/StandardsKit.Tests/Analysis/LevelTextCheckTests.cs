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
    public void An_amount_changed_beside_its_own_text_that_still_states_the_old_one_is_warned()
    {
        // Shanghai's 65-69 allowance raised from 75 to 100 while the item's own text still says 75 (issue 10).
        var file = Path.Combine(standards, "local", "310000-shanghai", "2021.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("- {when: age >= 65, value: 75}", "- {when: age >= 65, value: 100}", StringComparison.Ordinal));

        var found = LevelTextCheck.Check(Load());

        // The text also says "100周岁" (an age): only numbers written with the unit (75元) count as amounts.
        var d = found.Should().ContainSingle().Subject;
        d.Code.Should().Be("SK0217");
        d.Message.Should().Contain("allowance to 100 CNY/month where age >= 65").And.Contain("states 75, 150, 180, 350, 600 and not 100");
        d.Span!.File.Should().EndWith("2021.yaml");
    }

    [Fact]
    public void A_text_about_something_else_or_stating_every_amount_passes()
    {
        var file = Path.Combine(standards, "local", "310000-shanghai", "2021.yaml");
        var original = File.ReadAllText(file);
        const string Stated = """text: {zh: 65–69周岁每人每月75元，70–79周岁150元，80–89周岁180元，90–99周岁350元，100周岁及以上600元, en: "Per person per month: 65–69: 75 yuan; 70–79: 150; 80–89: 180; 90–99: 350; 100 and over: 600"}""";
        original.Should().Contain(Stated);

        File.WriteAllText(file, original.Replace(Stated, """text: {zh: 按年龄段每月发放，2016年起, en: "Monthly by age band, since 2016"}""", StringComparison.Ordinal)
            .Replace("value: 75}", "value: 100}", StringComparison.Ordinal));
        LevelTextCheck.Check(Load()).Should().BeEmpty("the text states no amount of the quantity (2016 is a year, not an amount)");

        File.WriteAllText(file, original.Replace(Stated, Stated.Replace("75元", "100元", StringComparison.Ordinal).Replace("75 yuan", "100 yuan", StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace("value: 75}", "value: 100}", StringComparison.Ordinal));
        LevelTextCheck.Check(Load()).Should().BeEmpty("the text states every amount");
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
