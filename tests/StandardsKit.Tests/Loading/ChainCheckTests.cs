using StandardsKit.Diagnostics;
using StandardsKit.Divisions;
using StandardsKit.Engine;
using StandardsKit.Tests.TestSupport;
using static StandardsKit.Tests.Loading.LoadingHarness;

namespace StandardsKit.Tests.Loading;

/// <summary>
/// One notion of parent: the editions in force for a jurisdiction's ancestors. Validation checks along the
/// same chain evaluation overlays, so ids cannot collide unseen and dates are compared with the parent's.
/// </summary>
public class ChainCheckTests
{
    internal static readonly string National = Yaml.National(Yaml.Item("maternal-health", "pregnant"));

    private static readonly DateOnly Summer2030 = new(2030, 7, 1);

    internal static string Local(string id, string jurisdiction, string items, string extends = "test-national@2030", string edition = "2030",
        string effectiveFrom = "2030-06-01", string extraHeader = "") => Yaml.Local(id, jurisdiction, items, extends, edition, effectiveFrom, extraHeader);

    /// <summary>A one-line item granting everyone a monthly bonus: local-only, or implementing another item.</summary>
    internal static string Bonus(string id, int amount, string? implements = null) =>
        $"  - {{id: {id}, {(implements is null ? "kind: local, area: childcare, category: pregnancy-care" : "implements: " + implements)}, "
        + $"name: {{zh: 补贴{amount}, en: Bonus {amount}}}, provenance: {{evidence: secondary, sources: [L1]}}, "
        + "eligibility: {when: \"true\", provenance: {evidence: policy, sources: [L1]}}, "
        + $"level: {{quantities: [{{name: bonus, unit: CNY/month, value: {amount}}}], provenance: {{evidence: policy, sources: [L1]}}}}}}";

    private static Catalog Loaded(CatalogLoadResult result) =>
        result.Catalog ?? throw new InvalidOperationException(string.Join("\n", result.Diagnostics));

    private static decimal BonusOf(Catalog catalog, string county, string item, DateOnly on) =>
        catalog.Evaluate(Resident.Empty, county, on, [item]).Decisions.Single().Level!.Quantities.Single(q => q.Name == "bonus").Value!.Value;

    [Fact]
    public void Province_and_city_defining_the_same_local_item_id_is_an_error_at_the_city_naming_the_province_item()
    {
        var province = Local("cn-51", "510000", Bonus("probe-bonus", 100));
        var city = Local("cn-510100", "510100", Bonus("probe-bonus", 500));
        var (result, folder) = Load(("national.yaml", National), ("sichuan.yaml", province), ("chengdu.yaml", city));
        using var _ = folder;

        result.Succeeded.Should().BeFalse("a catalog that silently prefers one layer must not load");
        var d = result.Errors().Should().ContainSingle().Which;
        d.Code.Should().Be("SK0205");
        d.Span!.File.Should().EndWith("chengdu.yaml");
        (d.Span.Line, d.Span.Column).Should().Be(PositionOf(city, "{id: probe-bonus"));
        var (line, column) = PositionOf(province, "{id: probe-bonus");
        d.Message.Should().Be($"item id 'probe-bonus' is also an item of cn-51@2030 ({Path.Combine(folder.Path, "sichuan.yaml")}:{line}:{column}); "
                              + "both are in force in 510100 from 2030-06-01, so one would hide the other");
        d.Help.Should().Be("rename it, or write 'implements: probe-bonus' to overlay the item of cn-51@2030");
    }

    [Fact]
    public void After_renaming_the_city_item_a_Chengdu_resident_gets_the_city_amount_and_the_province_item_stays_separate()
    {
        var (result, folder) = Load(("national.yaml", National),
            ("sichuan.yaml", Local("cn-51", "510000", Bonus("probe-bonus", 100))),
            ("chengdu.yaml", Local("cn-510100", "510100", Bonus("cd-probe-bonus", 500))));
        using var _ = folder;

        result.Diagnostics.Should().BeEmpty();
        var catalog = Loaded(result);
        BonusOf(catalog, "510104", "cd-probe-bonus", Summer2030).Should().Be(500m);
        BonusOf(catalog, "510104", "probe-bonus", Summer2030).Should().Be(100m);
        catalog.Evaluate(Resident.Empty, "510104", Summer2030, ["cd-probe-bonus"]).Decisions.Single().Jurisdiction.Should().Be("510100");
    }

    [Theory]
    [InlineData("cd-probe-bonus")]
    [InlineData("probe-bonus")]
    public void City_item_implementing_the_province_item_by_its_id_overlays_it(string cityId)
    {
        var (result, folder) = Load(("national.yaml", National),
            ("sichuan.yaml", Local("cn-51", "510000", Bonus("probe-bonus", 100))),
            ("chengdu.yaml", Local("cn-510100", "510100", Bonus(cityId, 500, implements: "probe-bonus"))));
        using var _ = folder;

        result.Diagnostics.Where(d => d.Severity != Severity.Info).Should().BeEmpty("reusing the id to overlay that very item is no collision");
        var catalog = Loaded(result);
        var decision = catalog.Evaluate(Resident.Empty, "510104", Summer2030, ["probe-bonus"]).Decisions.Single();
        decision.Jurisdiction.Should().Be("510100");
        decision.Level!.Quantities.Single().Value.Should().Be(500m);
        decision.Citations.Select(c => c.Standard).Should().Equal("cn-51@2030", "cn-510100@2030");
        BonusOf(catalog, "510302", "probe-bonus", Summer2030).Should().Be(100m, "Zigong is in Sichuan but not in Chengdu");
    }

    [Fact]
    public void Sibling_cities_not_on_one_chain_may_use_the_same_id()
    {
        var (result, folder) = Load(("national.yaml", National),
            ("chengdu.yaml", Local("cn-510100", "510100", Bonus("probe-bonus", 500))),
            ("zigong.yaml", Local("cn-510300", "510300", Bonus("probe-bonus", 300))));
        using var _ = folder;

        result.Diagnostics.Should().BeEmpty();
        var catalog = Loaded(result);
        BonusOf(catalog, "510104", "probe-bonus", Summer2030).Should().Be(500m);
        BonusOf(catalog, "510302", "probe-bonus", Summer2030).Should().Be(300m);
    }

    [Fact]
    public void Successive_editions_of_one_standard_reuse_their_item_ids()
    {
        var (result, folder) = Load(("national.yaml", National),
            ("sichuan-2030.yaml", Local("cn-51", "510000", Bonus("probe-bonus", 100))),
            ("sichuan-2032.yaml", Local("cn-51", "510000", Bonus("probe-bonus", 200), edition: "2032", effectiveFrom: "2032-01-01",
                extraHeader: "supersedes: cn-51@2030")),
            ("chengdu.yaml", Local("cn-510100", "510100", Bonus("cd-probe-bonus", 500, implements: "probe-bonus"))));
        using var _ = folder;

        result.Diagnostics.Where(d => d.Severity != Severity.Info).Should().BeEmpty();
        var catalog = Loaded(result);
        BonusOf(catalog, "510302", "probe-bonus", new DateOnly(2032, 6, 1)).Should().Be(200m);
        BonusOf(catalog, "510104", "probe-bonus", new DateOnly(2032, 6, 1)).Should().Be(500m);
    }

    [Fact]
    public void Editions_never_in_force_together_may_share_an_id()
    {
        var (result, folder) = Load(("national.yaml", National),
            ("sichuan.yaml", Local("cn-51", "510000", Bonus("probe-bonus", 100), extraHeader: "effectiveUntil: 2030-12-31")),
            ("chengdu.yaml", Local("cn-510100", "510100", Bonus("probe-bonus", 500), effectiveFrom: "2031-01-01")));
        using var _ = folder;

        result.Diagnostics.Should().BeEmpty();
        BonusOf(Loaded(result), "510104", "probe-bonus", new DateOnly(2031, 6, 1)).Should().Be(500m);
    }

    [Fact]
    public void Local_only_item_reusing_a_national_id_is_an_error_suggesting_to_overlay_the_national_item()
    {
        var (result, folder) = Load(("national.yaml", National),
            ("chengdu.yaml", Local("cn-510100", "510100", Bonus("maternal-health", 500))));
        using var _ = folder;

        var d = result.Errors().Should().ContainSingle().Which;
        d.Code.Should().Be("SK0205");
        d.Message.Should().StartWith("item id 'maternal-health' is also an item of test-national@2030 (");
        d.Help.Should().Be("rename it, or write 'implements: maternal-health' to overlay the national item");
    }

    [Fact]
    public void Item_reusing_an_id_while_implementing_another_item_is_an_error()
    {
        var (result, folder) = Load(("national.yaml", National),
            ("sichuan.yaml", Local("cn-51", "510000", Bonus("probe-bonus", 100))),
            ("chengdu.yaml", Local("cn-510100", "510100", Bonus("probe-bonus", 500, implements: "maternal-health"))));
        using var _ = folder;

        var d = result.Errors().Should().ContainSingle(e => e.Code == "SK0205").Which;
        d.Help.Should().Be("rename it: it implements 'maternal-health', while cn-51@2030 uses 'probe-bonus' for another item");
    }

    [Fact]
    public void Two_standards_of_one_jurisdiction_may_not_share_an_id_and_the_later_one_is_reported()
    {
        var (result, folder) = Load(("national.yaml", National),
            ("a.yaml", Local("cn-51", "510000", Bonus("probe-bonus", 100))),
            ("b.yaml", Local("cn-51-extra", "510000", Bonus("probe-bonus", 200), effectiveFrom: "2030-09-01")));
        using var _ = folder;

        var d = result.Errors().Should().ContainSingle().Which;
        d.Code.Should().Be("SK0205");
        d.Span!.File.Should().EndWith("b.yaml");
        d.Message.Should().Contain("cn-51@2030").And.Contain("from 2030-09-01");
    }

    [Fact]
    public void An_item_may_not_implement_an_item_of_another_standard_of_its_own_jurisdiction()
    {
        var (result, folder) = Load(("national.yaml", National),
            ("a.yaml", Local("cn-51", "510000", Bonus("probe-bonus", 100))),
            ("b.yaml", Local("cn-51-extra", "510000", Bonus("extra-bonus", 200, implements: "probe-bonus"))));
        using var _ = folder;

        var d = result.Errors().Should().ContainSingle().Which;
        d.Code.Should().Be("SK0204");
        d.Message.Should().Be("item 'extra-bonus' implements 'probe-bonus', which no standard above 510000 defines (it extends test-national@2030)");
    }

    [Fact]
    public void City_may_implement_its_province_item_even_when_it_extends_the_national_standard()
    {
        var (result, folder) = Load(("national.yaml", National),
            ("sichuan.yaml", Local("cn-51", "510000", Bonus("probe-bonus", 100))),
            ("chengdu.yaml", Local("cn-510100", "510100", Bonus("cd-probe-bonus", 500, implements: "probe-bonus"), extends: "test-national@2030")));
        using var _ = folder;

        result.Errors().Should().BeEmpty("the parent is the chain: Sichuan's edition is in force above Chengdu");
    }

    [Fact]
    public void Extends_naming_a_standard_off_the_chain_is_an_error_listing_the_editions_above()
    {
        var city = Local("cn-510100", "510100", Bonus("cd-probe-bonus", 500), extends: "cn-50@2030");
        var (result, folder) = Load(("national.yaml", National),
            ("chongqing.yaml", Local("cn-50", "500000", Bonus("cq-probe-bonus", 100))),
            ("chengdu.yaml", city));
        using var _ = folder;

        var d = result.Errors().Should().ContainSingle().Which;
        d.Code.Should().Be("SK0203");
        (d.Span!.Line, d.Span.Column).Should().Be(PositionOf(city, "extends:"));
        d.Message.Should().Be("cn-510100@2030 extends cn-50@2030, which is issued for 500000, not for a jurisdiction above 510100 (000000 → 510000 → 510100)");
        d.Help.Should().Be("extend the edition it was written against, one of: test-national@2030");
    }

    [Fact]
    public void Local_edition_taking_effect_before_its_parent_is_a_warning_at_effectiveFrom()
    {
        var local = Local("cn-50", "500000", Bonus("cq-probe-bonus", 100), edition: "2029", effectiveFrom: "2029-06-01");
        var (result, folder) = Load(("national.yaml", National), ("chongqing.yaml", local));
        using var _ = folder;

        result.Succeeded.Should().BeTrue(string.Join("\n", result.Diagnostics));
        var d = result.Diagnostics.Should().ContainSingle().Which;
        d.Code.Should().Be("SK0214");
        d.Severity.Should().Be(Severity.Warning);
        (d.Span!.Line, d.Span.Column).Should().Be(PositionOf(local, "effectiveFrom:"));
        d.Message.Should().Be("cn-50@2029 takes effect 2029-06-01, before its parent test-national@2030 (2030-01-01); until then its items overlay nothing and stand alone");
        d.Help.Should().Contain("move effectiveFrom to 2030-01-01 or later");
    }

    [Fact]
    public void Local_edition_extending_an_edition_not_yet_in_force_overlays_the_one_that_is_and_says_so()
    {
        var (result, folder) = Load(("national.yaml", National),
            ("national-2032.yaml", Yaml.National(Yaml.Item("maternal-health", "pregnant"), edition: "2032", effectiveFrom: "2032-01-01",
                extraHeader: "supersedes: test-national@2030")),
            ("chongqing.yaml", Local("cn-50", "500000", Bonus("cq-probe-bonus", 100), extends: "test-national@2032", edition: "2031", effectiveFrom: "2031-01-01")));
        using var _ = folder;

        var d = result.Diagnostics.Should().ContainSingle().Which;
        d.Code.Should().Be("SK0214");
        d.Message.Should().Be("cn-50@2031 takes effect 2031-01-01, before its parent test-national@2032 (2032-01-01); until then its items overlay only test-national@2030");
        d.Help.Should().Be("extend test-national@2030, the edition in force on 2031-01-01, or move effectiveFrom to 2032-01-01 or later");
    }

    [Fact]
    public void Extended_edition_superseded_while_the_local_edition_is_in_force_is_a_notice_with_both_editions_and_the_date()
    {
        var local = Local("cn-51", "510000", Bonus("probe-bonus", 100));
        var (result, folder) = Load(("national.yaml", National),
            ("national-2032.yaml", Yaml.National(Yaml.Item("maternal-health", "pregnant"), edition: "2032", effectiveFrom: "2032-03-01",
                extraHeader: "supersedes: test-national@2030")),
            ("sichuan.yaml", local));
        using var _ = folder;

        result.Succeeded.Should().BeTrue(string.Join("\n", result.Diagnostics));
        var d = result.Diagnostics.Should().ContainSingle().Which;
        d.Code.Should().Be("SK0215");
        d.Severity.Should().Be(Severity.Info);
        (d.Span!.Line, d.Span.Column).Should().Be(PositionOf(local, "extends:"));
        d.Message.Should().Be("cn-51@2030 extends test-national@2030, which test-national@2032 supersedes from 2032-03-01; its items overlay test-national@2032 from then on");
        BonusOf(Loaded(result), "510104", "probe-bonus", new DateOnly(2032, 6, 1)).Should().Be(100m);
    }

    [Fact]
    public void Local_edition_that_ends_before_its_parent_is_superseded_gets_no_notice()
    {
        var (result, folder) = Load(("national.yaml", National),
            ("national-2032.yaml", Yaml.National(Yaml.Item("maternal-health", "pregnant"), edition: "2032", effectiveFrom: "2032-03-01",
                extraHeader: "supersedes: test-national@2030")),
            ("sichuan.yaml", Local("cn-51", "510000", Bonus("probe-bonus", 100), extraHeader: "effectiveUntil: 2031-12-31")));
        using var _ = folder;

        result.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Local_edition_written_against_an_already_superseded_edition_overlays_the_newer_one_throughout()
    {
        var (result, folder) = Load(("national.yaml", National),
            ("national-2032.yaml", Yaml.National(Yaml.Item("maternal-health", "pregnant"), edition: "2032", effectiveFrom: "2032-03-01",
                extraHeader: "supersedes: test-national@2030")),
            ("sichuan.yaml", Local("cn-51", "510000", Bonus("probe-bonus", 100), edition: "2033", effectiveFrom: "2033-01-01")));
        using var _ = folder;

        result.Diagnostics.Should().ContainSingle().Which.Message.Should().Be(
            "cn-51@2033 extends test-national@2030, which test-national@2032 supersedes from 2032-03-01, before cn-51@2033 takes effect; its items overlay test-national@2032 throughout");
    }

    [Fact]
    public void A_division_list_that_puts_two_colliding_standards_on_one_chain_is_refused()
    {
        // Guiyang (520100) is in Guizhou: its probe-bonus and Sichuan's never meet, until a division list moves it.
        var (result, folder) = Load(("national.yaml", National),
            ("sichuan.yaml", Local("cn-51", "510000", Bonus("probe-bonus", 100))),
            ("guiyang.yaml", Local("cn-520100", "520100", Bonus("probe-bonus", 500))));
        using var _ = folder;
        var catalog = Loaded(result);
        var moved = new DivisionDirectory(catalog.Divisions.All.Select(d => d.Code == "520100" ? d with { Parent = "510000" } : d));

        var act = () => catalog.WithDivisions(moved);

        act.Should().Throw<ArgumentException>().WithMessage("*error SK0205: item id 'probe-bonus' is also an item of cn-51@2030*");
    }
}
