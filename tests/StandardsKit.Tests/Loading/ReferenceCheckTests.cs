using StandardsKit.Tests.TestSupport;
using static StandardsKit.Tests.Loading.LoadingHarness;

namespace StandardsKit.Tests.Loading;

public class ReferenceCheckTests
{
    private static string Local(string id, string jurisdiction, string extends, string items, string effectiveFrom = "2030-06-01", string edition = "2030") =>
        Yaml.Local(id, jurisdiction, items, extends, edition, effectiveFrom);

    private const string ImplementsMaternal = """
          - id: local-maternal
            implements: maternal-health
            provenance: {evidence: secondary, sources: [L1]}
        """;

    [Fact]
    public void Unknown_implements_target_is_reported_with_a_suggestion()
    {
        var (result, folder) = Load(
            ("national.yaml", Yaml.National(Yaml.Item("maternal-health", "pregnant"))),
            ("local.yaml", Local("cn-31", "310000", "test-national@2030", ImplementsMaternal.Replace("implements: maternal-health", "implements: maternal-helth"))));
        using var _ = folder;

        var d = result.Errors().Should().ContainSingle().Which;
        d.Code.Should().Be("SK0204");
        d.Message.Should().Contain("'maternal-helth'").And.Contain("test-national@2030");
        d.Help.Should().Be("did you mean 'maternal-health'?");
        d.Span!.File.Should().EndWith("local.yaml");
    }

    [Fact]
    public void Unknown_extends_parent_is_reported()
    {
        var (result, folder) = Load(
            ("national.yaml", Yaml.National(Yaml.Item("maternal-health", "pregnant"))),
            ("local.yaml", Local("cn-31", "310000", "test-national@2031", ImplementsMaternal)));
        using var _ = folder;

        var d = result.Errors().Should().ContainSingle().Which;
        d.Code.Should().Be("SK0203");
        d.Help.Should().Be("did you mean 'test-national@2030'?");
    }

    [Fact]
    public void Unknown_area_is_reported_with_a_suggestion()
    {
        var text = Yaml.National(Yaml.Item("maternal-health", "pregnant").Replace("area: childcare", "area: chilcare"));

        var result = LoadOne(text, out _);

        var d = result.Errors().Should().ContainSingle().Which;
        d.Code.Should().Be("SK0201");
        d.Message.Should().Contain("'chilcare'");
        d.Help.Should().Be("did you mean 'childcare'?");
    }

    [Fact]
    public void Unknown_category_is_reported()
    {
        var text = Yaml.National(Yaml.Item("maternal-health", "pregnant").Replace("category: pregnancy-care", "category: child-health"));

        var result = LoadOne(text, out _);

        result.Errors().Should().ContainSingle().Which.Code.Should().Be("SK0202");
    }

    [Fact]
    public void Unknown_jurisdiction_names_the_nearest_known_codes()
    {
        var (result, folder) = Load(
            ("national.yaml", Yaml.National(Yaml.Item("maternal-health", "pregnant"))),
            ("local.yaml", Local("cn-31", "319900", "test-national@2030", ImplementsMaternal)));
        using var _ = folder;

        var d = result.Errors().Should().ContainSingle().Which;
        d.Code.Should().Be("SK0208");
        d.Help.Should().StartWith("nearest known: ").And.Contain("310000");
    }

    [Fact]
    public void Cyclic_extends_is_reported()
    {
        var (result, folder) = Load(
            ("a.yaml", Local("cn-a", "310000", "cn-b@2030", "  - {id: a-item, kind: local, area: childcare, category: pregnancy-care, name: {zh: 甲}, provenance: {evidence: secondary, sources: [L1]}, eligibility: {when: pregnant, provenance: {evidence: policy, sources: [L1]}}}")),
            ("b.yaml", Local("cn-b", "520000", "cn-a@2030", "  - {id: b-item, kind: local, area: childcare, category: pregnancy-care, name: {zh: 乙}, provenance: {evidence: secondary, sources: [L1]}, eligibility: {when: pregnant, provenance: {evidence: policy, sources: [L1]}}}")));
        using var _ = folder;

        result.Succeeded.Should().BeFalse();
        var cycles = result.Errors().Where(e => e.Code == "SK0209").ToList();
        cycles.Should().NotBeEmpty(string.Join("\n", result.Diagnostics));
        cycles[0].Message.Should().Contain("extends itself").And.Contain("cn-a@2030").And.Contain("cn-b@2030");
    }

    [Fact]
    public void Overlapping_editions_are_reported_on_the_later_edition()
    {
        var first = Yaml.National(Yaml.Item("maternal-health", "pregnant"), edition: "2030", effectiveFrom: "2030-01-01",
            extraHeader: "effectiveUntil: 2031-12-31");
        var second = Yaml.National(Yaml.Item("maternal-health", "pregnant"), edition: "2031", effectiveFrom: "2031-06-01");
        var (result, folder) = Load(("a-2030.yaml", first), ("b-2031.yaml", second));
        using var _ = folder;

        var d = result.Errors().Should().ContainSingle().Which;
        d.Code.Should().Be("SK0206");
        d.Span!.File.Should().EndWith("b-2031.yaml");
        d.Message.Should().Contain("test-national@2031").And.Contain("test-national@2030");
    }

    [Fact]
    public void Editions_that_follow_each_other_do_not_overlap()
    {
        var first = Yaml.National(Yaml.Item("maternal-health", "pregnant"), edition: "2030", effectiveFrom: "2030-01-01",
            extraHeader: "effectiveUntil: 2031-05-31");
        var second = Yaml.National(Yaml.Item("maternal-health", "pregnant"), edition: "2031", effectiveFrom: "2031-06-01");
        var (result, folder) = Load(("a-2030.yaml", first), ("b-2031.yaml", second));
        using var _ = folder;

        result.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Duplicate_item_id_in_an_edition_is_reported()
    {
        var text = Yaml.National(Yaml.Item("maternal-health", "pregnant") + Yaml.Item("maternal-health", "dibao", number: 2));

        var result = LoadOne(text, out _);

        result.Errors().Should().ContainSingle().Which.Code.Should().Be("SK0205");
    }

    [Fact]
    public void Unknown_source_in_provenance_is_reported()
    {
        var text = Yaml.National(Yaml.Item("maternal-health", "pregnant").Replace("evidence: policy, sources: [S1]", "evidence: policy, sources: [S2]"));

        var result = LoadOne(text, out _);

        var d = result.Errors().Should().ContainSingle().Which;
        d.Code.Should().Be("SK0207");
        d.Help.Should().Be("did you mean 'S1'?");
    }

    [Fact]
    public void Independent_errors_in_one_file_are_all_reported()
    {
        var items = Yaml.Item("maternal-health", "agee >= 18", number: 1)
                    + Yaml.Item("second-item", "pregnant", number: 2).Replace("area: childcare", "area: chilcare")
                    + Yaml.Item("third-item", "pregnant", number: 3).Replace("evidence: policy, sources: [S1]", "evidence: policy, sources: [S9]");

        var result = LoadOne(Yaml.National(items), out _);

        result.Succeeded.Should().BeFalse();
        result.Errors().Select(e => e.Code).Should().BeEquivalentTo("SK0102", "SK0201", "SK0207");
    }

    [Fact]
    public void A_folder_without_facts_uses_the_embedded_vocabulary_and_divisions()
    {
        var result = LoadOne(Yaml.National(Yaml.Item("maternal-health", "age >= 65 and within(hukou, \"310000\")")), out _);

        result.Succeeded.Should().BeTrue(string.Join("\n", result.Diagnostics));
        result.Facts.Find("birthDate").Should().NotBeNull();
        result.Catalog!.Divisions.Find("310104").Should().NotBeNull();
    }

    [Fact]
    public void Missing_path_throws_DirectoryNotFoundException()
    {
        var act = () => Catalog.LoadDirectory(Path.Combine(Path.GetTempPath(), "sk-no-such-" + Guid.NewGuid()));

        act.Should().Throw<DirectoryNotFoundException>();
    }

    [Fact]
    public void Embedded_standards_load_with_only_the_shanghai_early_start_warning()
    {
        var result = Catalog.LoadEmbedded();

        // True of the data: Shanghai's list dates from 2021-01-04 (its page addresses), the national 2021 edition
        // from 2021-03-30; the file's provenance note says so.
        result.Diagnostics.Where(d => d.Severity != Diagnostics.Severity.Info).Should().ContainSingle()
            .Which.Message.Should().StartWith("cn-31@2021 takes effect 2021-01-04, before its parent cn-national@2021 (2021-03-30)");
        result.Succeeded.Should().BeTrue();
        result.Documents.Select(d => d.Key).Should().BeEquivalentTo(
            "cn-national@2021", "cn-national@2023", "cn-31@2021", "cn-11@2023", "cn-51@2022", "cn-50@2022",
            "cn-510100@2021", "cn-440300@2019", "cn-330900@2021", "cn-330203@2023", "cn-53@2021", "cn-11@2021",
            "cn-33@2021", "cn-33@2023", "cn-330900@2023", "cn-44@2021", "cn-32@2021", "cn-52@2021", "cn-46@2021");
        result.Tests.Should().NotBeEmpty();
    }
}
