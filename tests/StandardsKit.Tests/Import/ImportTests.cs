using FluentAssertions;
using StandardsKit.Import;
using StandardsKit.Model;
using StandardsKit.Tests.Cli;
using StandardsKit.Tests.TestSupport;
using Xunit;

namespace StandardsKit.Tests.Import;

public sealed class ImportTests
{
    private static string Fixture => Path.Combine(Repo.Root, "tests", "StandardsKit.Tests", "Fixtures", "official-2021-excerpt.txt");

    [Fact]
    public void Official_text_layout_is_parsed_across_wrapped_lines_and_page_numbers()
    {
        var items = OfficialText.Parse(File.ReadAllText(Fixture));
        items.Select(i => i.Number).Should().Equal(1, 68, 69, 70);
        items[1].Area.Should().Be("优军服务保障");
        items[1].Category.Should().Be("优军优抚服务");
        items[1].Fields[ItemFieldNames.ServiceObject].Should().Be(
            "现役军人、服现役或者退出现役的残疾军人以及复员军人、退伍军人、离退休军人、烈士遗属、因公牺牲军人遗属、病故军人遗属、现役军人家属。");
        items[2].Fields[ItemFieldNames.ServiceStandard].Should().EndWith("及国家有关规定执行。", "a field wrapped over a page break is joined");
        items[3].Name.Should().Be("退役军人就业创业服务");
        items[3].Fields.Should().HaveCount(5);
    }

    [Fact]
    public void The_verbatim_fields_of_the_2021_edition_match_the_official_text()
    {
        var edition = Catalog.Default.Documents.Single(d => d.Key == "cn-national@2021");
        var findings = EditionImporter.Compare(edition, OfficialText.Parse(File.ReadAllText(Fixture)));
        findings.Where(f => f.Kind is ImportFindingKind.Differs or ImportFindingKind.Missing or ImportFindingKind.UnmatchedOfficialItem)
            .Should().BeEmpty();
        findings.Count(f => f.Kind == ImportFindingKind.Matches).Should().Be(16);
    }

    [Fact]
    public void A_changed_character_is_reported_as_a_difference_not_overwritten()
    {
        using var temp = new TempFolder();
        var text = File.ReadAllText(Fixture).Replace("每年至少组织2次", "每年至少组织3次", StringComparison.Ordinal);
        var official = temp.Write("official.txt", text);
        var edition = Path.Combine(Repo.Standards, "national", "2021.yaml");
        var before = File.ReadAllText(edition);

        var result = CliHarness.Run("import", official, "--edition", edition, "--fill", "--source", "S2");
        result.ExitCode.Should().Be(1);
        result.Out.Should().Contain("differs: veteran-employment-services serviceStandard").And.Contain("[-2-]{+3+}");
        File.ReadAllText(edition).Should().Be(before);
    }

    [Fact]
    public void Fill_adds_missing_fields_as_verbatim_and_the_file_still_validates()
    {
        using var temp = new TempFolder();
        var standards = temp.CopyFrom(Repo.Standards, "standards");
        var edition = Path.Combine(standards, "national", "2021.yaml");
        var lines = File.ReadAllLines(edition).ToList();
        var start = lines.FindIndex(l => l.Contains("id: veteran-employment-services", StringComparison.Ordinal));
        var removed = lines.FindIndex(start, l => l.TrimStart().StartsWith("serviceContent:", StringComparison.Ordinal));
        var indent = lines[removed].Length - lines[removed].TrimStart().Length;
        var end = lines.FindIndex(removed + 1, l => l.Length - l.TrimStart().Length <= indent);
        lines.RemoveRange(removed, end - removed);
        File.WriteAllLines(edition, lines);

        var result = CliHarness.Run("import", Fixture, "--edition", edition, "--fill", "--source", "S2");
        result.ExitCode.Should().Be(0, result.Out + result.Err);
        result.Out.Should().Contain("filled 1 fields");

        var reloaded = Catalog.LoadDirectory(standards);
        reloaded.Diagnostics.Where(d => d.Severity == Diagnostics.Severity.Error).Should().BeEmpty();
        var field = reloaded.Documents.Single(d => d.Key == "cn-national@2021").Items.Single(i => i.Id == "veteran-employment-services")
            .Fields[ItemFieldNames.ServiceContent];
        field.Provenance.Evidence.Should().Be(Evidence.Verbatim);
        field.Text.Zh.Should().StartWith("提供退役军人专场招聘活动服务。");
        CliHarness.Run("import", Fixture, "--edition", edition).ExitCode.Should().Be(0, "nothing differs or is missing after filling");
    }

    [Fact]
    public void Text_without_items_is_a_usage_error()
    {
        using var temp = new TempFolder();
        var result = CliHarness.Run("import", temp.Write("x.txt", "not a standard"), "--edition", Path.Combine(Repo.Standards, "national", "2021.yaml"));
        result.ExitCode.Should().Be(2);
        result.Err.Should().Contain("no items found");
    }
}
