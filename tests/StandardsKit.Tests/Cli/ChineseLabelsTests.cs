using System.Text.Json;
using StandardsKit.Cli.Output;
using StandardsKit.Tests.TestSupport;
using static StandardsKit.Tests.Cli.CliHarness;

namespace StandardsKit.Tests.Cli;

/// <summary>zh text output labels every quantity and unit the standards use: the table is the one place, and nothing in standards/ escapes it.</summary>
public sealed class ChineseLabelsTests
{
    [Fact]
    public void Every_quantity_in_the_standards_has_a_zh_label()
    {
        var names = Catalog.Default.Documents.SelectMany(d => d.Items).SelectMany(i => i.Level?.Quantities ?? []).Select(q => q.Name).Distinct().ToList();

        names.Should().NotBeEmpty();
        names.Where(n => !ChineseLabels.Quantities.ContainsKey(n)).Should().BeEmpty("add a UI label to Output/ChineseLabels.cs");
        ChineseLabels.Quantities.Keys.Except(names).Should().BeEmpty("a label for a quantity no standard has is dead");
    }

    [Fact]
    public void Every_unit_of_the_schema_and_of_facts_yaml_has_a_zh_label()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Root, "schemas", "standard.schema.json")));
        var units = schema.RootElement.GetProperty("definitions").GetProperty("unit").GetProperty("enum").EnumerateArray().Select(u => u.GetString()!)
            .Concat(Catalog.Default.Facts.Facts.Select(f => f.Unit).OfType<string>()).Distinct();

        units.Where(u => !ChineseLabels.Units.ContainsKey(u)).Should().BeEmpty();
    }

    [Fact]
    public void Zh_text_names_quantities_by_their_label_and_en_by_their_name()
    {
        const string Pregnant = """{"birthDate": "1995-03-01", "pregnant": true, "hukou": "310104"}""";
        var zh = RunWithInput(Pregnant, "eval", "--county", "310104", "--on", "2024-06-01", "--resident", "-", "--format", "text", "--item", "maternal-health");
        var en = RunWithInput(Pregnant, "eval", "--county", "310104", "--on", "2024-06-01", "--resident", "-", "--format", "text", "--item", "maternal-health", "--lang", "en");

        zh.Out.Should().Contain("产前检查 9 次").And.NotContain("antenatalChecks").And.NotContain("times");
        en.Out.Should().Contain("antenatalChecks 9 times").And.NotContain("产前检查 9");
        Run("report", "--county", "310104", "--on", "2024-06-01").Out.Should().Contain("地方: 产前检查 9 次").And.NotContain("CNY/month");
        Run("show", "maternal-health", "--county", "310104", "--on", "2024-06-01").Out.Should().Contain("产前检查（antenatalChecks） (次): 9");
    }
}
