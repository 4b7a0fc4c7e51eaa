using StandardsKit.Tests.TestSupport;
using static StandardsKit.Tests.Cli.CliHarness;
using static StandardsKit.Tests.Loading.LoadingHarness;

namespace StandardsKit.Tests.Loading;

/// <summary>
/// The standard schema chooses national/local documents, local-only/implementing items and value/values/tiers
/// with <c>if/then/else</c> (editors give one diagnostic for it). Our validator must read it the same way: one
/// diagnostic per error, naming the problem, and the same documents accepted as before.
/// </summary>
public class ConditionalSchemaTests
{
    private const string LocalOnlyItem = """
          - id: local-extra
            kind: local
            area: childcare
            category: pregnancy-care
            name: {zh: 地方项目, en: Local item}
            provenance: {evidence: secondary, sources: [L1]}
            eligibility: {when: pregnant, provenance: {evidence: secondary, sources: [L1]}}
        """;

    private static CatalogLoadResult LoadWithParent(string local, out string path)
    {
        var (result, folder) = Load(("national.yaml", Yaml.National(Yaml.Item("maternal-health", "pregnant"))), ("local.yaml", local));
        path = Path.Combine(folder.Path, "local.yaml").Replace('\\', '/');
        folder.Dispose();
        return result;
    }

    [Fact]
    public void A_local_only_item_and_a_quantity_with_each_form_are_accepted()
    {
        var item = Yaml.TieredItem("maternal-health", "pregnant", 1, ["{when: dibao, value: 5}", "{when: 'true', values: {2030-01-01: 3}}"],
            "{name: checks, unit: times, value: 9}", "{name: visits, unit: times, values: {2030-01-01: 2}}");

        var (result, folder) = Load(("national.yaml", Yaml.National(item)), ("local.yaml", Yaml.Local("test-local", "310000", LocalOnlyItem)));
        folder.Dispose();

        result.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void A_national_document_with_a_misspelled_key_gives_one_diagnostic_at_that_key()
    {
        var text = Yaml.National(Yaml.Item("maternal-health", "pregnant").Replace("    kind: basic\n", "    kind: basic\n    leadDepartment: [卫生健康委]\n"));

        var result = LoadOne(text, out var path);

        var d = result.Diagnostics.Should().ContainSingle().Which;
        d.Message.Should().Be("unknown property 'leadDepartment'");
        d.Help.Should().Be("did you mean 'leadDepartments'?");
        var (line, column) = PositionOf(text, "leadDepartment:");
        d.Span.Should().Be(new Diagnostics.SourceSpan(path, line, column));
    }

    [Fact]
    public void A_local_only_item_missing_its_area_gives_one_diagnostic_naming_area()
    {
        var result = LoadWithParent(Yaml.Local("test-local", "310000", LocalOnlyItem.Replace("    area: childcare\n", "")), out _);

        var d = result.Diagnostics.Should().ContainSingle().Which;
        d.Message.Should().Be("missing required property 'area'");
        d.Help.Should().StartWith("add 'area:' here. Local-only item");
    }

    [Fact]
    public void An_implementing_item_that_says_kind_local_is_told_what_kinds_are_allowed()
    {
        var item = """
              - id: local-maternal
                implements: maternal-health
                kind: local
                provenance: {evidence: secondary, sources: [L1]}
            """;

        var result = LoadWithParent(Yaml.Local("test-local", "310000", item), out _);

        var d = result.Diagnostics.Should().ContainSingle().Which;
        d.Message.Should().Be("'local' is not allowed here");
        d.Help.Should().Contain("allowed: basic, non-basic");
    }

    [Fact]
    public void A_national_item_with_implements_is_told_to_remove_it()
    {
        var text = Yaml.National(Yaml.Item("maternal-health", "pregnant").Replace("    kind: basic\n", "    kind: basic\n    implements: other\n"));

        var result = LoadOne(text, out _);

        var d = result.Diagnostics.Should().ContainSingle().Which;
        d.Message.Should().Be("'implements' is not allowed here");
        d.Help.Should().Contain("only local items implement a parent item");
    }

    [Theory]
    [InlineData("{name: checks, unit: times, value: 9, values: {2030-01-01: 3}}", "'values' is not allowed here")]
    [InlineData("{name: checks, unit: times, value: 9, tiers: [{when: dibao, value: 1}]}", "'tiers' is not allowed here")]
    [InlineData("{name: checks, unit: times, values: {2030-01-01: 3}, tiers: [{when: dibao, value: 1}]}", "'tiers' is not allowed here")]
    [InlineData("{name: checks, unit: times}", "missing required property 'tiers'")]
    public void A_quantity_needs_exactly_one_of_value_values_or_tiers(string quantity, string message)
    {
        var text = Yaml.National(Yaml.TieredItem("maternal-health", "pregnant", 1, ["{when: dibao, value: 5}"], quantity));

        var result = LoadOne(text, out _);

        var d = result.Diagnostics.Should().ContainSingle().Which;
        d.Message.Should().Be(message);
        d.Help.Should().Contain("exactly one of `value`, `values` or `tiers`");
    }

    [Theory]
    [InlineData("{when: dibao, value: 5, values: {2030-01-01: 3}}", "'values' is not allowed here")]
    [InlineData("{when: dibao}", "missing required property 'values'")]
    public void A_tier_needs_exactly_one_of_value_or_values(string tier, string message)
    {
        var text = Yaml.National(Yaml.TieredItem("maternal-health", "pregnant", 1, [tier]));

        var result = LoadOne(text, out _);

        var d = result.Diagnostics.Should().ContainSingle().Which;
        d.Message.Should().Be(message);
        d.Help.Should().Contain("exactly one of `value` or `values`");
    }

    [Theory]
    [InlineData("    type: enum\n", "missing required property 'values'", "An enum or set fact lists its allowed `values`.")]
    [InlineData("    type: bool\n    values: [yes, no]\n", "'values' is not allowed here", "Only enum and set facts have `values`.")]
    public void A_fact_has_values_exactly_when_it_is_an_enum_or_a_set(string typeLines, string message, string help)
    {
        using var temp = new TempFolder();
        temp.Write("facts.yaml", File.ReadAllText(Path.Combine(Repo.Standards, "facts.yaml")).Replace("\r\n", "\n", StringComparison.Ordinal)
            + "\n  - name: ownsBicycle\n" + typeLines + "    description: {zh: 有自行车, en: Owns a bicycle}\n");

        var result = Catalog.LoadDirectory(temp.Path);

        var d = result.Diagnostics.Should().ContainSingle().Which;
        d.Message.Should().Be(message);
        d.Help.Should().EndWith(help);
    }

    [Fact]
    public void Validate_on_a_copy_of_the_standards_reports_a_misspelled_national_key_and_a_missing_local_area_once_each()
    {
        using var folder = new TempFolder();
        var root = folder.CopyFrom(Repo.Standards, "standards");
        var national = Path.Combine(root, "national", "2023.yaml");
        var nationalText = File.ReadAllText(national).Replace("\r\n", "\n", StringComparison.Ordinal);
        var fields = nationalText.IndexOf("\n    fields:\n", StringComparison.Ordinal);
        File.WriteAllText(national, nationalText.Remove(fields, "\n    fields:".Length).Insert(fields, "\n    feilds:"));
        var shanghai = Path.Combine(root, "local", "310000-shanghai", "2021.yaml");
        var shanghaiText = File.ReadAllText(shanghai).Replace("\r\n", "\n", StringComparison.Ordinal);
        const string localArea = "    kind: local\n    area: military-services\n";
        shanghaiText.Should().Contain(localArea);
        File.WriteAllText(shanghai, shanghaiText.Replace(localArea, "    kind: local\n", StringComparison.Ordinal));

        var r = Run("validate", root);

        r.ExitCode.Should().NotBe(0);
        var errors = r.OutLines.Where(l => l.Contains(": error ", StringComparison.Ordinal)).ToList();
        errors.Should().HaveCount(2, r.Out);
        var line = nationalText[..(fields + 1)].Count(c => c == '\n') + 1;
        errors.Should().ContainSingle(e => e.Contains($"national/2023.yaml:{line}:5: error SK0002: unknown property 'feilds'", StringComparison.Ordinal));
        errors.Should().ContainSingle(e => e.Contains("310000-shanghai/2021.yaml:", StringComparison.Ordinal) && e.Contains("missing required property 'area'", StringComparison.Ordinal));
    }
}
