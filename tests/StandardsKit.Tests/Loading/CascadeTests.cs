using FluentAssertions;
using StandardsKit.Tests.TestSupport;
using Xunit;

namespace StandardsKit.Tests.Loading;

public sealed class CascadeTests
{
    [Fact]
    public void A_broken_national_edition_does_not_make_every_local_standard_report_its_parent_missing()
    {
        using var temp = new TempFolder();
        var standards = temp.CopyFrom(Repo.Standards, "standards");
        var national = Path.Combine(standards, "national", "2023.yaml");
        File.WriteAllText(national, File.ReadAllText(national).Replace("      when: pregnant or postpartum\n", "      when: pregnant or postpartum\n      wen: x\n", StringComparison.Ordinal));

        var result = Catalog.LoadDirectory(standards);
        var errors = result.Diagnostics.Where(d => d.Severity == Diagnostics.Severity.Error).ToList();
        errors.Should().ContainSingle().Which.Message.Should().Be("unknown property 'wen'");
        errors[0].Span!.File.Should().EndWith("national/2023.yaml");
    }

    [Fact]
    public void Provenance_without_sources_asks_for_sources_unless_it_is_reconstructed()
    {
        using var temp = new TempFolder();
        var file = temp.Write("n.yaml", Yaml.National(Yaml.Item("a", "pregnant")).Replace(
            "    provenance: {evidence: secondary, sources: [S1]}\n    eligibility", "    provenance: {evidence: secondary}\n    eligibility", StringComparison.Ordinal));
        var result = Catalog.LoadDirectory(temp.Path);
        result.Diagnostics.Should().ContainSingle(d => d.Code == "SK0002").Which.Message.Should().Be("missing required property 'sources'");

        File.WriteAllText(file, File.ReadAllText(file).Replace("{evidence: secondary}", "{evidence: reconstructed}", StringComparison.Ordinal));
        Catalog.LoadDirectory(temp.Path).Diagnostics.Should().NotContain(d => d.Code == "SK0002");
    }
}

public sealed class HostileYamlRegressionTests
{
    [Fact]
    public void An_escape_YamlDotNet_cannot_decode_is_a_diagnostic_not_a_crash()
    {
        using var temp = new TempFolder();
        temp.Write("bad.yaml", "id: \"\\UFFFFFFFF\"\n");
        var result = Catalog.LoadDirectory(temp.Path);
        result.Diagnostics.Should().Contain(d => d.Code == "SK0001" && d.Span!.File.EndsWith("bad.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_wrong_everywhere_lists_a_hundred_errors_and_counts_the_rest()
    {
        using var temp = new TempFolder();
        temp.Write("wide.yaml", "id: x\nitems:\n" + string.Concat(Enumerable.Range(0, 500).Select(i => $"  - {{bogus{i}: 1}}\n")));
        var diagnostics = Catalog.LoadDirectory(temp.Path).Diagnostics.Where(d => d.Span?.File.EndsWith("wide.yaml", StringComparison.Ordinal) == true).ToList();
        diagnostics.Count.Should().BeLessThanOrEqualTo(101);
        diagnostics[^1].Message.Should().EndWith("more schema errors in this file are not listed");
    }
}
