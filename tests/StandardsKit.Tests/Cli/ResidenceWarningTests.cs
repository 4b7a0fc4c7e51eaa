using System.Text.Json;
using StandardsKit.Engine;
using StandardsKit.Tests.TestSupport;

namespace StandardsKit.Tests.Cli;

public sealed class ResidenceWarningTests
{
    private static readonly DateOnly On = new(2024, 6, 1);

    [Fact]
    public void A_resident_evaluated_where_they_neither_hold_hukou_nor_live_gets_a_warning()
    {
        var resident = Resident.Empty.With("hukou", "510104").With("residence", "520102");
        var warning = Catalog.Default.Evaluate(resident, "310104", On).Warnings.Should().ContainSingle().Subject;
        warning.Code.Should().Be(EvaluationWarning.OutsideHukouAndResidence);
        warning.Message.Should().Contain("310104").And.Contain("510104").And.Contain("520102");
    }

    [Theory]
    [InlineData("310104", "520102")] // evaluated in the hukou county
    [InlineData("510104", "310104")] // evaluated where they live
    [InlineData("310000", "520102")] // a hukou given as the province contains the county
    public void No_warning_where_the_county_is_the_hukou_or_the_residence(string hukou, string residence) =>
        Catalog.Default.Evaluate(Resident.Empty.With("hukou", hukou).With("residence", residence), "310104", On).Warnings.Should().BeEmpty();

    [Fact]
    public void No_warning_when_residence_or_hukou_is_not_stated()
    {
        Catalog.Default.Evaluate(Resident.Empty.With("hukou", "510104"), "310104", On).Warnings.Should().BeEmpty("residence defaults to the county");
        Catalog.Default.Evaluate(Resident.Empty.With("residence", "510104"), "310104", On).Warnings.Should().BeEmpty("the hukou may be this county");
    }

    [Fact]
    public void Eval_json_carries_the_warning_as_an_extra_field_and_text_output_prints_it()
    {
        const string resident = """{"hukou": "510104", "residence": "520102", "pregnant": true}""";
        var json = CliHarness.RunWithInput(resident, "eval", "--county", "310104", "--on", "2024-06-01", "--resident", "-", "--item", "maternal-health");
        json.ExitCode.Should().Be(0, json.Err);
        using var doc = JsonDocument.Parse(json.Out);
        var warning = doc.RootElement.GetProperty("warnings").EnumerateArray().Should().ContainSingle().Subject;
        warning.GetProperty("code").GetString().Should().Be("outside-hukou-and-residence");
        doc.RootElement.GetProperty("decisions")[0].GetProperty("eligible").GetBoolean().Should().BeTrue("the answer is still computed");

        var text = CliHarness.RunWithInput(resident, "eval", "--county", "310104", "--on", "2024-06-01", "--resident", "-", "--format", "text", "--lang", "en");
        text.OutLines.Should().Contain(l => l.StartsWith("warning: evaluated in 310104, which is neither", StringComparison.Ordinal));
    }

    [Fact]
    public void Eval_json_without_a_warning_has_no_warnings_field()
    {
        var json = CliHarness.RunWithInput("""{"pregnant": true}""", "eval", "--county", "310104", "--on", "2024-06-01", "--resident", "-");
        using var doc = JsonDocument.Parse(json.Out);
        doc.RootElement.TryGetProperty("warnings", out _).Should().BeFalse("the §6 output stays as it was when there is nothing to say");
    }
}
