using StandardsKit.Engine;
using StandardsKit.Tests.Loading;
using StandardsKit.Tests.TestSupport;

namespace StandardsKit.Tests.Engine;

/// <summary>An amount whose tier depends on missing facts stays visible, with what it may be and what decides it.</summary>
public class UndeterminedAmountTests
{
    private static readonly DateOnly On = new(2024, 6, 1);

    /// <summary>Items with tiers that make the three-valued walk's cases easy to see.</summary>
    internal static readonly string Tiered = Yaml.National(
        Yaml.TieredItem("same-either-way", "pregnant", 1, ["{when: dibao, value: 5}", "{when: \"true\", value: 5}"], "{name: visits, unit: times, value: 2}") +
        Yaml.TieredItem("may-be-absent", "\"true\"", 2, ["{when: dibao, value: 5}"]) +
        Yaml.TieredItem("not-yet-dated", "\"true\"", 3, ["{when: dibao, values: {2040-01-01: 7}}", "{when: \"true\", value: 3}"]));

    private static Decision Decide(Resident r, string county, DateOnly on, string item) =>
        Catalog.Default.Evaluate(r, county, on, [item]).Decisions.Should().ContainSingle().Which;

    private static Decision DecideTiered(Resident r, string item)
    {
        var (result, folder) = LoadingHarness.Load(("national.yaml", Tiered));
        using (folder)
        {
            var catalog = result.Catalog ?? throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
            return catalog.Evaluate(r, "520102", new DateOnly(2030, 7, 1), [item]).Decisions.Should().ContainSingle().Which;
        }
    }

    [Fact]
    public void Family_planning_allowance_with_only_the_disabled_child_fact_is_460_or_590_depending_on_the_deceased_child_fact()
    {
        var d = Decide(Resident.Empty.With("onlyChildDisabled", true).With("familyPlanningComplication", "none"), "310104", On, "family-planning-special-assistance");

        d.Eligible.Should().BeTrue();
        d.MissingFacts.Should().Equal("onlyChildDeceased");
        var q = d.Level!.Quantities.Should().ContainSingle().Which;
        q.Name.Should().Be("allowance");
        q.Unit.Should().Be("CNY/month");
        q.Value.Should().BeNull();
        q.MissingFacts.Should().Equal("onlyChildDeceased");
        q.PossibleValues.Should().Equal(460m, 590m);
        q.MayBeAbsent.Should().BeFalse("the walk stopped at the true onlyChildDisabled tier");
    }

    [Fact]
    public void Giving_the_missing_fact_determines_the_family_planning_allowance()
    {
        var d = Decide(Resident.Empty.With("onlyChildDisabled", true).With("onlyChildDeceased", false).With("familyPlanningComplication", "none"), "310104", On,
            "family-planning-special-assistance");

        d.MissingFacts.Should().BeEmpty();
        d.Level!.Quantities.Should().ContainSingle().Which.Should().Be(new ResolvedQuantity("allowance", 460m, "CNY/month", false, "000000"));
    }

    [Fact]
    public void Living_allowance_without_the_boarder_fact_is_500_or_1000_and_names_boarder()
    {
        var r = Resident.Empty.With("schoolStage", "primary").With("familyFinancialHardship", true).With("birthDate", "2015-03-01");

        var d = Decide(r, "520102", On, "compulsory-education-living-allowance");

        d.Eligible.Should().BeTrue();
        d.MissingFacts.Should().Equal("boarder");
        var q = d.Level!.Quantities.Should().ContainSingle().Which;
        q.Value.Should().BeNull();
        q.MissingFacts.Should().Equal("boarder");
        q.PossibleValues.Should().Equal(500m, 1000m);
        q.MayBeAbsent.Should().BeTrue("no tier is true for certain, and each undetermined condition counts as either outcome on its own");
    }

    [Fact]
    public void Tier_whose_value_is_the_same_either_way_is_determined_and_its_fact_is_not_asked_for()
    {
        var d = DecideTiered(Resident.Empty.With("pregnant", true), "same-either-way");

        d.Eligible.Should().BeTrue();
        d.MissingFacts.Should().BeEmpty("knowing dibao would change neither eligibility nor any amount");
        d.Level!.Quantities.Select(q => (q.Name, q.Value)).Should().Equal(("allowance", 5m), ("visits", 2m));
        d.Level.Quantities.Should().OnlyContain(q => q.MissingFacts.IsEmpty && q.PossibleValues.IsEmpty && !q.MayBeAbsent);
        d.Because.Should().NotContain(r => r.Expression.Contains("dibao"), "an irrelevant undetermined tier explains nothing");
    }

    [Fact]
    public void Only_tier_undetermined_makes_the_amount_possibly_absent()
    {
        var d = DecideTiered(Resident.Empty, "may-be-absent");

        d.Eligible.Should().BeTrue();
        d.MissingFacts.Should().Equal("dibao");
        var q = d.Level!.Quantities.Should().ContainSingle().Which;
        q.Value.Should().BeNull();
        q.PossibleValues.Should().Equal(5m);
        q.MayBeAbsent.Should().BeTrue();
        q.MissingFacts.Should().Equal("dibao");
        d.Because.Should().Contain(r => r.Expression == "allowance: dibao" && r.Result == null);
    }

    [Fact]
    public void Undetermined_tier_without_a_value_yet_on_the_date_counts_as_no_amount()
    {
        var d = DecideTiered(Resident.Empty, "not-yet-dated");

        var q = d.Level!.Quantities.Should().ContainSingle().Which;
        q.Value.Should().BeNull();
        q.PossibleValues.Should().Equal(3m);
        q.MayBeAbsent.Should().BeTrue("if dibao holds, its tier has no value before 2040");
    }

    [Fact]
    public void Decision_missing_facts_list_tier_facts_only_for_amounts_that_depend_on_them()
    {
        var known = DecideTiered(Resident.Empty.With("pregnant", true).With("dibao", true), "same-either-way");
        var irrelevant = DecideTiered(Resident.Empty.With("pregnant", true), "same-either-way");
        var eligibilityOnly = DecideTiered(Resident.Empty, "same-either-way");

        known.MissingFacts.Should().BeEmpty();
        irrelevant.MissingFacts.Should().BeEmpty();
        eligibilityOnly.Eligible.Should().BeNull();
        eligibilityOnly.MissingFacts.Should().Equal("pregnant");
    }

    [Fact]
    public void Undetermined_quantities_with_the_same_content_are_equal()
    {
        var a = Decide(Resident.Empty.With("onlyChildDisabled", true).With("familyPlanningComplication", "none"), "310104", On, "family-planning-special-assistance");
        var b = Decide(Resident.Empty.With("onlyChildDisabled", true).With("familyPlanningComplication", "none"), "310104", On, "family-planning-special-assistance");

        a.Level!.Quantities[0].Should().Be(b.Level!.Quantities[0]);
        a.Level.Quantities[0].GetHashCode().Should().Be(b.Level.Quantities[0].GetHashCode());
        a.Level.Quantities[0].Should().NotBe(a.Level.Quantities[0] with { PossibleValues = [460m] });
    }

    [Fact]
    public void Batch_evaluation_without_explanations_reports_the_same_undetermined_amount()
    {
        var prepared = Catalog.Default.Prepare("310104", On, new EvaluationOptions { Items = ["family-planning-special-assistance"], Explain = false });

        var d = prepared.Evaluate(Resident.Empty.With("onlyChildDisabled", true).With("familyPlanningComplication", "none")).Decisions.Should().ContainSingle().Which;

        d.Because.Should().BeEmpty();
        d.Level!.Quantities.Should().ContainSingle().Which.PossibleValues.Should().Equal(460m, 590m);
    }
}
