using FluentAssertions;
using StandardsKit.Analysis;
using StandardsKit.Tests.TestSupport;
using Xunit;

namespace StandardsKit.Tests.Analysis;

/// <summary>Violations a review found the floor proof missing, each now caught; and inputs that crashed or hung it.</summary>
public sealed class FloorRegressionTests
{
    /// <summary>
    /// The national maternal-health rule is "pregnant or postpartum" (issue 11), so a test rule that starts from
    /// "pregnant" starts from the whole national group instead, keeping each case's intent.
    /// </summary>
    private static string FromNational(string rule) =>
        System.Text.RegularExpressions.Regex.Replace(rule, @"^pregnant\b", "(pregnant or postpartum)");

    private static List<Diagnostics.Diagnostic> Validate(string provinceRule, string cityRule, string cityLevel = "", string province = "510000", string city = "510100")
    {
        using var temp = new TempFolder();
        temp.CopyFrom(Path.Combine(Repo.Standards, "national"), "national");
        temp.Write("p.yaml", Yaml.MaternalHealthOverlay("cn-p", province, "cn-national@2023", "p-mh", FromNational(provinceRule)));
        temp.Write("c.yaml", Yaml.MaternalHealthOverlay("cn-c", city, "cn-p@2023", "c-mh", FromNational(cityRule), level: cityLevel));
        var result = Catalog.LoadDirectory(temp.Path);
        var proofs = result.Catalog is { } catalog ? FloorProver.Prove(catalog).Diagnostics : [];
        return [.. result.Diagnostics.Concat(proofs).Where(d => d.Severity != Diagnostics.Severity.Info)];
    }

    [Fact]
    public void Narrowing_from_a_province_to_one_of_its_cities_is_found_with_a_resident_in_the_province_outside_the_city()
    {
        var found = Validate("pregnant or within(hukou, \"510000\")", "pregnant or within(hukou, \"510100\")");
        var error = found.Should().ContainSingle(d => d.Code == "SK0302").Subject;
        error.Message.Should().MatchRegex("\"hukou\": \"51(?!01)");
    }

    [Fact]
    public void Two_counties_sharing_one_narrowing_template_each_get_an_example_in_their_own_county()
    {
        // Identical obligations are decided once (content key); the example must still be each county's own.
        using var temp = new TempFolder();
        temp.CopyFrom(Path.Combine(Repo.Standards, "national"), "national");
        temp.Write("a.yaml", Yaml.MaternalHealthOverlay("cn-a", "310104", "cn-national@2023", "a-mh", FromNational("pregnant and hukou == residence")));
        temp.Write("b.yaml", Yaml.MaternalHealthOverlay("cn-b", "510104", "cn-national@2023", "b-mh", FromNational("pregnant and hukou == residence")));
        var catalog = Catalog.LoadDirectory(temp.Path).Catalog!;

        var proofs = FloorProver.Prove(catalog).Proofs.Where(p => p.Status == ProofStatus.Violated).ToList();

        proofs.Select(p => (p.Standard, p.County)).Should().BeEquivalentTo([("cn-a@2023", "310104"), ("cn-b@2023", "510104")]);
    }

    [Fact]
    public void Equality_with_a_city_without_counties_is_sampled_exactly()
    {
        Validate("pregnant or hukou == \"441900\"", "pregnant", province: "440000", city: "441900")
            .Should().Contain(d => d.Code == "SK0302" && d.Message.Contains("\"hukou\": \"441900\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Month_arithmetic_on_dates_is_covered()
    {
        Validate("pregnant or addMonths(birthDate, 6) > evaluationDate()", "pregnant or addMonths(birthDate, 3) > evaluationDate()")
            .Should().Contain(d => d.Code == "SK0302");
    }

    [Fact]
    public void Arithmetic_on_a_fact_moves_the_boundary_and_is_covered()
    {
        Validate("pregnant or residenceMonths / 12 >= 2", "pregnant or residenceMonths / 6 >= 5").Should().Contain(d => d.Code == "SK0302");
    }

    [Fact]
    public void Rules_that_change_with_the_evaluation_date_are_checked_on_the_dates_they_change()
    {
        // Four spaces: the level sits under the item, beside its eligibility.
        const string level = """
                level:
                  quantities:
                    - name: antenatalChecks
                      unit: times
                      tiers:
                        - {when: 'evaluationDate() < date("2024-07-01")', value: 9}
                        - {when: 'true', value: 1}
                  provenance: {evidence: secondary, sources: [X]}
            """;
        var found = Validate("pregnant", "pregnant and evaluationDate() < date(\"2025-01-01\")", level);
        found.Should().Contain(d => d.Code == "SK0301" && d.Message.Contains("1 times < 5 times", StringComparison.Ordinal));
        found.Should().Contain(d => d.Code == "SK0302" && d.Message.Contains("2025-01-01", StringComparison.Ordinal));
    }

    [Fact]
    public void Extreme_date_literals_do_not_crash_loading()
    {
        // The supported range is now 1800-01-01..2399-12-31 (docs/semantics.md), so its ends are the extremes;
        // 0001-01-01 and 9999-12-31 are load-time errors (see DateAndNumberRangeTests).
        var found = Validate("pregnant", "pregnant or birthDate < date(\"2399-12-31\") or birthDate > date(\"1800-01-01\")");
        found.Should().NotContain(d => d.Severity == Diagnostics.Severity.Error);
    }

    [Fact]
    public void A_set_tested_for_more_than_six_values_is_decided_exactly()
    {
        // The old prover could only sample these; the symbolic one decides them (one leaf per member).
        const string all = "[\"activeServiceMember\", \"disabledServiceMember\", \"demobilizedSoldier\", \"veteran\", \"retiredServiceMember\", \"martyrFamily\", \"dutyDeathFamily\"]";
        Validate($"pregnant or hasAny(militaryStatus, {all})", $"pregnant or hasAny(militaryStatus, {all})").Should().BeEmpty();
        Validate($"pregnant or hasAny(militaryStatus, {all})", "pregnant or has(militaryStatus, \"veteran\")")
            .Should().ContainSingle(d => d.Code == "SK0302").Which.Message.Should().Contain("militaryStatus");
    }

    [Fact]
    public void Large_value_lists_are_decided_exactly_not_sampled()
    {
        static string List(int from) => string.Join(", ", Enumerable.Range(from, 60));
        Validate("pregnant", $"pregnant or residenceMonths in [{List(0)}] or pregnancyWeeks in [{List(1)}] or age in [{List(2)}]").Should().BeEmpty();
        Validate($"pregnant or age in [{List(2)}]", $"pregnant or age in [{List(3)}]")
            .Should().ContainSingle(d => d.Code == "SK0302").Which.Message.Should().Contain("\"age\": 2");
    }
}
