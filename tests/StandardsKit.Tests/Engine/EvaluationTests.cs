using StandardsKit.Engine;

namespace StandardsKit.Tests.Engine;

/// <summary>Evaluation against the embedded standards (national 2021/2023, Shanghai 2021).</summary>
public class EvaluationTests
{
    private static Catalog C => Catalog.Default;

    private static Decision Decide(Resident r, string county, DateOnly on, string item) =>
        C.Evaluate(r, county, on, [item]).Decisions.Should().ContainSingle().Which;

    [Fact]
    public void Shanghai_maternal_care_overlays_the_2023_national_item()
    {
        var r = Resident.Empty.With("pregnant", true).With("birthDate", "1995-03-01");

        var d = Decide(r, "310104", new DateOnly(2024, 6, 1), "maternal-health");

        d.Eligible.Should().BeTrue();
        d.Jurisdiction.Should().Be("310000");
        d.LocalName!.Zh.Should().Be("孕产期保健");
        d.Level!.Quantities.ToDictionary(q => q.Name, q => q.Value).Should().BeEquivalentTo(
            new Dictionary<string, decimal> { ["antenatalChecks"] = 9, ["postpartumVisits"] = 2, ["postpartumCheck42Day"] = 1 });
        d.Citations.Select(c => c.Standard).Should().Equal("cn-national@2023", "cn-31@2021");
    }

    [Theory]
    [InlineData("1924-01-01", 600)]
    [InlineData("1929-01-01", 350)]
    [InlineData("1940-01-01", 180)]
    [InlineData("1952-03-15", 150)]
    [InlineData("1958-01-01", 75)]
    public void Shanghai_old_age_allowance_takes_the_first_matching_age_band(string birthDate, int allowance)
    {
        var r = Resident.Empty.With("birthDate", birthDate).With("hukou", "310104");

        var d = Decide(r, "310104", new DateOnly(2024, 6, 1), "sh-elderly-allowance");

        d.Eligible.Should().BeTrue();
        d.Jurisdiction.Should().Be("310000");
        d.Level!.Quantities.Should().ContainSingle(q => q.Name == "allowance").Which.Value.Should().Be(allowance);
    }

    [Theory]
    [InlineData(2022, 3, 1, true, 450)]
    [InlineData(2022, 6, 30, true, 450)]
    [InlineData(2022, 7, 1, true, 590)]
    [InlineData(2022, 3, 1, false, 350)]
    [InlineData(2022, 7, 1, false, 460)]
    public void Family_planning_allowance_uses_the_value_dated_in_force(int y, int m, int day, bool deceased, int allowance)
    {
        var r = Resident.Empty.With("onlyChildDeceased", deceased).With("onlyChildDisabled", !deceased).With("familyPlanningComplication", "none");

        var d = Decide(r, "520102", new DateOnly(y, m, day), "family-planning-special-assistance");

        d.Eligible.Should().BeTrue();
        d.Citations.Select(c => c.Standard).Should().Equal("cn-national@2021");
        d.Level!.Quantities.Should().ContainSingle().Which.Should().Be(new ResolvedQuantity("allowance", allowance, "CNY/month", false, "000000"));
    }

    [Fact]
    public void Undetermined_tier_condition_keeps_the_amount_with_its_possible_values_and_names_the_missing_fact()
    {
        // Before, the amount was dropped (quantities: []) with nothing saying so.
        var r = Resident.Empty.With("onlyChildDisabled", true).With("familyPlanningComplication", "none");

        var d = Decide(r, "520102", new DateOnly(2022, 3, 1), "family-planning-special-assistance");

        d.Eligible.Should().BeTrue();
        d.MissingFacts.Should().Equal("onlyChildDeceased");
        var q = d.Level!.Quantities.Should().ContainSingle().Which;
        q.Value.Should().BeNull();
        q.PossibleValues.Should().Equal(350m, 450m);
        q.MissingFacts.Should().Equal("onlyChildDeceased");
    }

    [Fact]
    public void National_2021_edition_is_in_force_before_the_2023_edition_starts()
    {
        var evaluation = C.Evaluate(Resident.Empty, "520102", new DateOnly(2022, 6, 1));

        // 南明区's chain also holds Guizhou's 2021 header, which has no items (issue 11).
        evaluation.Chain[0].Should().Be(new ChainLink("000000", "cn-national", "2021"));
        evaluation.Decisions.Should().OnlyContain(d => d.Jurisdiction == "000000");
        evaluation.Decisions.Select(d => d.Item).Should().NotContain("folic-acid-supplementation");
    }

    [Fact]
    public void Folic_acid_item_is_in_force_under_the_2023_edition()
    {
        var r = Resident.Empty.With("sex", "female").With("ruralHukou", true).With("planningPregnancy", true);

        var evaluation = C.Evaluate(r, "520102", new DateOnly(2024, 6, 1));

        evaluation.Chain[0].Edition.Should().Be("2023");
        var d = evaluation.Decisions.Should().ContainSingle(x => x.Item == "folic-acid-supplementation").Which;
        d.Eligible.Should().BeTrue();
        d.Level!.Quantities.Should().Contain(q => q.Name == "folicAcid" && q.Value == 0.4m && q.Unit == "mg/day");
    }

    [Fact]
    public void Asking_for_an_item_not_in_force_is_an_argument_error_naming_the_date()
    {
        var act = () => C.Evaluate(Resident.Empty, "520102", new DateOnly(2022, 6, 1), ["folic-acid-supplementation"]);

        act.Should().Throw<ArgumentException>().WithMessage("*'folic-acid-supplementation' is not in force in 520102 on 2022-06-01*");
    }

    [Fact]
    public void Unknown_item_id_gets_a_suggestion()
    {
        var act = () => C.Evaluate(Resident.Empty, "520102", new DateOnly(2024, 6, 1), ["maternal-helth"]);

        act.Should().Throw<ArgumentException>().WithMessage("*did you mean 'maternal-health'?*");
    }

    [Fact]
    public void Missing_birthDate_makes_age_items_undetermined_and_names_birthDate()
    {
        var d = Decide(Resident.Empty, "520102", new DateOnly(2024, 6, 1), "elderly-health-management");

        d.Eligible.Should().BeNull();
        d.MissingFacts.Should().Equal("birthDate");
        d.Level.Should().BeNull();
        d.Because.Should().ContainSingle().Which.Result.Should().BeNull();
    }

    [Fact]
    public void Known_birthDate_decides_age_items()
    {
        var old = Decide(Resident.Empty.With("birthDate", "1950-01-01"), "520102", new DateOnly(2024, 6, 1), "elderly-health-management");
        var young = Decide(Resident.Empty.With("birthDate", new DateOnly(1990, 1, 1)), "520102", new DateOnly(2024, 6, 1), "elderly-health-management");

        old.Eligible.Should().BeTrue();
        old.MissingFacts.Should().BeEmpty();
        young.Eligible.Should().BeFalse();
    }

    [Fact]
    public void Every_decision_carries_where_its_rule_is_written()
    {
        var evaluation = C.Evaluate(Resident.Empty.With("pregnant", true), "310104", new DateOnly(2024, 6, 1), ["maternal-health"]);

        // The rule is "pregnant or postpartum" (issue 11); the reason that decided it is the first part.
        var reason = evaluation.Decisions.Single().Because.Should().Contain(r => r.Expression == "pregnant").Which;
        reason.Expression.Should().Be("pregnant");
        reason.Result.Should().BeTrue();
        reason.Source.File.Should().Be("standards/national/2023.yaml");
        reason.Source.Line.Should().BePositive();
    }

    [Fact]
    public void Unknown_county_throws_naming_the_nearest_codes()
    {
        var act = () => C.Evaluate(Resident.Empty, "310199", new DateOnly(2024, 6, 1));

        act.Should().Throw<UnknownDivisionException>()
            .Which.Message.Should().Contain("unknown county code '310199'").And.Contain("nearest valid:").And.Contain("3101");
    }

    [Theory]
    [InlineData("pregnent", "true", "unknown fact 'pregnent' — did you mean 'pregnant'?")]
    [InlineData("pregnant", "\"yes\"", "fact 'pregnant' is \"yes\"; expected true or false")]
    [InlineData("sex", "\"femal\"", "did you mean 'female'?")]
    [InlineData("birthDate", "\"1990-13-01\"", "expected a date \"YYYY-MM-DD\"")]
    [InlineData("disabilityGrade", "5", "outside 1–4")]
    [InlineData("residenceMonths", "1.5", "expected a whole number")]
    [InlineData("hukou", "\"31\"", "6-digit division code")]
    [InlineData("militaryStatus", "\"veteran\"", "a list such as [\"veteran\"]")]
    [InlineData("militaryStatus", "[\"veteren\"]", "did you mean 'veteran'?")]
    [InlineData("birthDate", "\"2030-01-01\"", "is after the evaluation date")]
    public void Resident_fact_errors_name_the_fact_and_the_fix(string fact, string json, string expected)
    {
        var r = Resident.FromJson($$"""{"{{fact}}": {{json}}}""");

        var act = () => C.Evaluate(r, "310104", new DateOnly(2024, 6, 1));

        act.Should().Throw<ResidentException>().Which.Message.Should().Contain(expected);
    }

    [Theory]
    [InlineData("{\"birthDate\": ", "not valid JSON")]
    [InlineData("[1, 2]", "must be a JSON object")]
    [InlineData("{\"sex\": {\"value\": \"female\"}}", "must be a plain value")]
    [InlineData("{\"militaryStatus\": [1]}", "must be a list of strings")]
    public void Malformed_resident_json_throws_a_resident_exception(string json, string expected)
    {
        var act = () => Resident.FromJson(json);

        act.Should().Throw<ResidentException>().Which.Message.Should().Contain(expected);
    }

    [Fact]
    public void Resident_json_null_means_the_fact_is_missing()
    {
        var r = Resident.FromJson("""{"birthDate": null, "pregnant": true}""");

        r.Facts.Keys.Should().BeEquivalentTo("pregnant");
        Decide(r, "520102", new DateOnly(2024, 6, 1), "elderly-health-management").MissingFacts.Should().Equal("birthDate");
    }

    [Fact]
    public void Decisions_come_in_a_stable_order_national_items_first()
    {
        var a = C.Evaluate(Resident.Empty, "310104", new DateOnly(2024, 6, 1)).Decisions.Select(d => d.Item).ToList();
        var b = C.Evaluate(Resident.Empty.With("pregnant", true), "310104", new DateOnly(2024, 6, 1)).Decisions.Select(d => d.Item).ToList();

        a.Should().Equal(b);
        a.Should().OnlyHaveUniqueItems();
        a[^1].Should().Be("sh-elderly-allowance");
    }

    [Fact]
    public void Concurrent_evaluations_of_one_catalog_give_the_same_results_as_sequential_ones()
    {
        // A fresh catalog, so the per-chain overlay cache is filled concurrently too.
        var catalog = Catalog.LoadEmbedded().GetCatalogOrThrow();
        string[] counties = ["310104", "520102", "310115", "110105"];
        DateOnly[] dates = [new(2021, 6, 1), new(2022, 7, 1), new(2024, 6, 1)];

        string Run(int i)
        {
            var r = Resident.Empty.With("birthDate", new DateOnly(1920 + (i % 100), 1 + (i % 12), 1 + (i % 28)))
                .With("pregnant", i % 2 == 0).With("hukou", counties[i % counties.Length]);
            if (i % 3 == 0)
            {
                r = r.With("onlyChildDeceased", true);
            }

            var e = catalog.Evaluate(r, counties[i % counties.Length], dates[i % dates.Length]);
            return string.Join("\n", e.Decisions.Select(d =>
                $"{d.Item}|{d.Jurisdiction}|{d.Eligible}|{string.Join(",", d.MissingFacts)}|" +
                string.Join(",", d.Level?.Quantities.Select(q => $"{q.Name}={q.Value}@{q.Jurisdiction}") ?? []) + "|" +
                string.Join(",", d.Citations.Select(c => c.Standard))));
        }

        const int n = 400;
        var parallel = new string[n];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = Run(i));
        var sequential = Enumerable.Range(0, n).Select(Run).ToArray();

        parallel.Should().Equal(sequential);
        sequential.Distinct().Should().HaveCountGreaterThan(10, "the residents differ enough to exercise different paths");
    }
}
