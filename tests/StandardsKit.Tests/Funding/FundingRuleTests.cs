using StandardsKit.Funding;
using StandardsKit.Model;
using StandardsKit.Tests.Loading;
using StandardsKit.Tests.TestSupport;

namespace StandardsKit.Tests.Funding;

public sealed class FundingRuleTests
{
    private static readonly DateOnly On = new(2024, 6, 1);

    private static FundingDecision Decide(string county, string item, Catalog? catalog = null)
    {
        catalog ??= Catalog.Default;
        var effective = catalog.ItemsInForce(county, On).Single(i => i.Id == item);
        return catalog.FundingFor(effective, county, On)!;
    }

    [Fact]
    public void Every_national_item_of_both_editions_has_a_funding_rule_in_the_2018_plan()
    {
        var plan = Catalog.Default.Funding.Plans.Should().ContainSingle(p => p.Id == "cn-2018-6").Subject;
        var ruled = plan.Rules.Select(r => r.Item).ToHashSet();
        var national = Catalog.Default.Documents.Where(d => d.IsNational).SelectMany(d => d.Items).Select(i => i.Id).ToHashSet();
        national.Should().HaveCount(81);
        national.Except(ruled).Should().BeEmpty();
        plan.PlanItems.Should().HaveCount(18);
        plan.PlanItems.Count(p => p.Group == "A").Should().Be(7, "S3: 7 items by five bands");
        plan.PlanItems.Count(p => p.Group == "B").Should().Be(6);
        plan.PlanItems.Count(p => p.Group == "C").Should().Be(5);
    }

    [Fact]
    public void Group_memberships_that_no_source_names_are_labelled_reconstructed()
    {
        var plan = Catalog.Default.Funding.Plans.Single(p => p.Id == "cn-2018-6");
        // S3 names one item per group; X1 names three more five-band items. Every other membership is R.
        plan.PlanItems.Where(p => p.Provenance.Evidence > Evidence.Reconstructed).Select(p => p.Number)
            .Should().BeEquivalentTo([1, 5, 8, 9, 13, 14]);
    }

    [Theory]
    [InlineData("520102", 0.8)]  // Guizhou, band 1
    [InlineData("510104", 0.8)]  // Sichuan, band 1: Sichuan's own amount does not change the share
    [InlineData("420102", 0.6)]  // Hubei, band 2
    [InlineData("370102", 0.5)]  // Shandong, band 3
    [InlineData("370202", 0.3)]  // Qingdao, band 4 apart from Shandong
    [InlineData("110101", 0.1)]  // Beijing, band 5
    public void Special_assistance_is_shared_by_the_counties_fiscal_band(string county, double share)
    {
        var decision = Decide(county, "family-planning-special-assistance");
        decision.Category.Should().Be(FundingCategory.FiveBand);
        decision.CentralShare.Should().Be((decimal)share);
        decision.Evidence.Should().Be(Evidence.Secondary);
        decision.PlanItem!.Number.Should().Be(14);
        decision.AboveNationalStandardIsLocal.Should().BeTrue("S3: the part above the national basic standard is local");
    }

    [Fact]
    public void A_five_band_item_in_a_corps_city_has_no_share_because_its_band_is_unknown()
    {
        var decision = Decide("659001", "family-planning-special-assistance");
        decision.CentralShare.Should().BeNull();
        decision.Basis.Should().Contain("unknown");
        decision.Evidence.Should().Be(Evidence.Reconstructed);
    }

    [Theory]
    [InlineData("520102", 1.0)]
    [InlineData("130102", 1.0)]  // Hebei is in 中西部
    [InlineData("310104", 0.5)]
    public void The_basic_pension_subsidy_is_full_in_the_central_and_western_provinces_and_half_in_the_east(string county, double share) =>
        Decide(county, "resident-pension-insurance").CentralShare.Should().Be((decimal)share);

    [Fact]
    public void A_regional_ratio_whose_test_is_unknown_is_undetermined_and_its_reconstruction_shows()
    {
        var guizhou = Decide("520102", "compulsory-education-fee-waiver");
        guizhou.CentralShare.Should().Be(0.8m);
        guizhou.Evidence.Should().Be(Evidence.Reconstructed, "the post-2016 ratios are R");

        var wuhan = Decide("420102", "compulsory-education-fee-waiver");
        wuhan.CentralShare.Should().BeNull("Hubei may hold 比照西部 counties the sources do not name");
        wuhan.Basis.Should().Contain("westernPolicy of 420102 is unknown");
    }

    [Fact]
    public void Factor_allocated_items_have_no_per_county_share()
    {
        var decision = Decide("520102", "minimum-living-guarantee");
        decision.Category.Should().Be(FundingCategory.Factor);
        decision.CentralShare.Should().BeNull();
    }

    [Fact]
    public void A_local_only_item_is_paid_locally_under_the_plans_rule_for_local_items()
    {
        var decision = Decide("310104", "sh-elderly-allowance");
        decision.Category.Should().Be(FundingCategory.Local);
        decision.CentralShare.Should().Be(0m);
        decision.Rule.Provenance.Sources.Should().Contain("S3");
    }

    [Fact]
    public void A_local_plan_overrides_the_national_rule_inside_its_jurisdiction_only()
    {
        using var folder = new TempFolder();
        folder.Write("funding/sichuan.yaml", """
            id: cn-51-funding
            jurisdiction: "510000"
            title: {zh: 四川省示例}
            effectiveFrom: 2022-01-01
            provenance: {evidence: reconstructed, note: a test plan}
            sources:
              - {id: T1, title: test, kind: secondary}
            fundingRules:
              - item: family-planning-special-assistance
                category: fixed-ratio
                provenance: {evidence: secondary, sources: [T1]}
                shares: [{central: 0.5}]
            """);
        var catalog = Catalog.LoadPaths([Repo.Standards, folder.Path]).GetCatalogOrThrow();
        Decide("510104", "family-planning-special-assistance", catalog).CentralShare.Should().Be(0.5m);
        Decide("520102", "family-planning-special-assistance", catalog).CentralShare.Should().Be(0.8m);
    }

    [Theory]
    [InlineData("- {item: no-such-item, category: local, provenance: {evidence: reconstructed}}", "no loaded standard defines")]
    [InlineData("- {item: maternal-health, category: fixed-ratio, provenance: {evidence: reconstructed}, shares: [{central: 0.5}, {central: 0.2}]}", "exactly one share")]
    [InlineData("- {item: maternal-health, category: regional-ratio, provenance: {evidence: reconstructed}, shares: [{where: {attribute: fiscalBnad, value: 1}, central: 0.5}]}", "'fiscalBnad', which is not declared")]
    [InlineData("- {item: maternal-health, category: regional-ratio, provenance: {evidence: reconstructed}, shares: [{where: {attribute: region, value: north}, central: 0.5}]}", "not a value of that enum attribute")]
    [InlineData("- {item: maternal-health, planItem: 3, category: local, provenance: {evidence: reconstructed}}", "plan item 3")]
    public void A_bad_rule_is_an_error_that_names_it(string rule, string message)
    {
        using var folder = new TempFolder();
        var text = $$"""
            id: demo-plan
            jurisdiction: "000000"
            title: {zh: 示例}
            effectiveFrom: 2019-01-01
            provenance: {evidence: reconstructed}
            sources:
              - {id: T1, title: test, kind: secondary}
            fundingRules:
              {{rule}}
            """;
        folder.Write("demo.yaml", text);
        var result = Catalog.LoadPaths([Path.Combine(Repo.Standards, "national"), Path.Combine(Repo.Standards, "divisions"), folder.Path]);
        result.Errors().Should().Contain(e => e.Code == "SK0502" && e.Message.Contains(message), string.Join("\n", result.Errors()));
    }
}
