using System.Collections.Immutable;
using CsCheck;
using StandardsKit.Engine;
using StandardsKit.Model;
using StandardsKit.Screening;
using StandardsKit.Tests.Loading;
using StandardsKit.Tests.TestSupport;

namespace StandardsKit.Tests.Screening;

/// <summary>
/// The compiled program against the interpreter (the reference), over generated residents: every rule and tier
/// condition of <c>standards/</c> in force for a representative set of counties and dates (both national
/// editions), and a synthetic catalog that uses every operator of the language. Evaluation through the compiled
/// program (with and without explanations) and screening into structs must give exactly the interpreter's answers.
/// </summary>
public sealed class CompiledScreeningPropertyTests
{
    /// <summary>National only, Shanghai, Chengdu (with Sichuan), a Sichuan county outside Chengdu, Shenzhen, Chongqing, Beijing, Haishu, Zhoushan, Kunming (Yunnan).</summary>
    private static readonly string[] Counties = ["000000", "310104", "510104", "510302", "440305", "500101", "110101", "330203", "330902", "530102"];

    /// <summary>The 2021 edition before and after its dated amounts change, the 2023 edition on a leap day, the day before a 29 February birthday in a common year, and later.</summary>
    private static readonly DateOnly[] Dates = [new(2021, 6, 1), new(2022, 9, 1), new(2024, 2, 29), new(2025, 2, 28), new(2025, 6, 1)];

    private const int ResidentsPerCase = 40;

    [Fact]
    public void Compiled_answers_equal_the_interpreter_for_every_rule_in_the_standards()
    {
        var catalog = Catalog.Default;
        var exercised = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var county in Counties)
        {
            foreach (var on in Dates)
            {
                foreach (var item in catalog.ItemsInForce(county, on))
                {
                    exercised.Add(item.Eligibility ?? (object)item);
                    foreach (var q in item.Quantities)
                    {
                        exercised.UnionWith(q.Quantity.Tiers);
                    }
                }

                Compare(catalog, county, on, ResidentsPerCase);
            }
        }

        // Every rule and tier condition written in standards/ was compiled and compared in some county and date.
        var written = catalog.Documents.SelectMany(d => d.Items).SelectMany(RulesOf).ToList();
        written.Where(r => !exercised.Contains(r)).Select(Describe).Should().BeEmpty("every rule in standards/ should be in force somewhere this test looks");
    }

    [Fact]
    public void Compiled_answers_equal_the_interpreter_for_every_operator_of_the_language()
    {
        var (result, folder) = LoadingHarness.Load(("national.yaml", Operators));
        using (folder)
        {
            var catalog = result.Catalog ?? throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
            foreach (var county in new[] { "310104", "520102", "000000" })
            {
                foreach (var on in new DateOnly[] { new(2030, 2, 28), new(2032, 2, 29), new(2041, 3, 1) })
                {
                    Compare(catalog, county, on, 150);
                }
            }
        }
    }

    [Fact]
    public void Compiled_answers_equal_the_interpreter_for_rules_that_read_division_attributes()
    {
        // Counties and hukou codes whose attributes differ: band 4 east (Shanghai), band 1 west (Guiyang), an
        // autonomous county in band 1 (Aba), an autonomous county in central Hunan, and the corps (band and region
        // unknown: undetermined with no missing fact); borderCounty is unknown everywhere.
        var (result, folder) = LoadingHarness.Load(("national.yaml", Attributes));
        using (folder)
        {
            var catalog = result.Catalog ?? throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
            foreach (var county in new[] { "310104", "520102", "513231", "433130", "659001" })
            {
                foreach (var on in new DateOnly[] { new(2030, 2, 28), new(2041, 3, 1) })
                {
                    Compare(catalog, county, on, 120);
                }
            }

            // The answers the table in docs/semantics.md gives, through the path that serves repeated evaluations.
            var prepared = catalog.Prepare("310104", new DateOnly(2030, 6, 1));
            Decision Decide(Resident r, string item)
            {
                for (var i = 0; i < 5; i++)
                {
                    prepared.Evaluate(r);
                }

                return prepared.Evaluate(r).Decisions.Single(d => d.Item == item);
            }

            var corps = Decide(Resident.Empty.With("hukou", "659001").With("dibao", false), "attr-2");
            (corps.Eligible, corps.MissingFacts.Length).Should().Be((null, 0), "the corps' fiscal band is unknown: undetermined, and no fact can settle it");
            var noHukou = Decide(Resident.Empty, "attr-0");
            noHukou.Eligible.Should().BeNull();
            noHukou.MissingFacts.Should().Equal("hukou");
            Decide(Resident.Empty.With("hukou", "513231"), "attr-0").Eligible.Should().BeTrue();
            Decide(Resident.Empty.With("hukou", "310104"), "attr-0").Eligible.Should().BeFalse();
        }
    }

    /// <summary>hasAttribute and attribute over bool, int and enum attributes, under not/and/or, in lists, in arithmetic and in tiers.</summary>
    private static readonly string Attributes = Yaml.National(string.Concat(new[]
    {
        "hasAttribute(hukou, \"ethnicAutonomous\")",
        "not hasAttribute(residence, \"ethnicAutonomous\") and age >= 60",
        "attribute(hukou, \"fiscalBand\") <= 2 or dibao",
        "attribute(residence, \"fiscalBand\") == 1 and not orphan",
        "attribute(hukou, \"region\") == \"west\" and pregnant",
        "attribute(hukou, \"region\") in [\"east\", \"central\"]",
        "5 in [attribute(hukou, \"fiscalBand\"), 5] and age < 70",
        "hasAttribute(hukou, \"borderCounty\")",
        "not hasAttribute(hukou, \"borderCounty\") or orphan",
        "attribute(hukou, \"fiscalBand\") + 1 > residenceMonths / 12",
        "hasAttribute(hukou, \"ethnicAutonomous\") == hasAttribute(residence, \"ethnicAutonomous\")",
        "attribute(hukou, \"region\") != attribute(residence, \"region\") or within(hukou, \"520000\")",
    }.Select((rule, i) => Yaml.TieredItem($"attr-{i}", $"'{rule.Replace("'", "''", StringComparison.Ordinal)}'", i + 1,
    [
        "{when: 'hasAttribute(hukou, \"borderCounty\")', value: 400}",
        "{when: 'attribute(hukou, \"fiscalBand\") >= 3 and age >= 80', value: 300}",
        "{when: 'attribute(residence, \"region\") == \"west\"', values: {2030-01-01: 150, 2040-01-01: 160}}",
        "{when: 'hasAttribute(hukou, \"ethnicAutonomous\") or dibao', value: 90}",
        "{when: 'true', value: 20}",
    ]))));

    /// <summary>Rules that use arithmetic, dates, "none", lists with facts, bool equality of Kleene operands and every function.</summary>
    private static readonly string Operators = Yaml.National(string.Concat(new[]
    {
        "age + 1 > 65 and residenceMonths / 12 >= 2",
        "addYears(birthDate, 18) <= evaluationDate() and not (yearsBetween(birthDate, evaluationDate()) >= 60)",
        "disabilityGrade != 2 or militaryDisabilityGrade * 2 >= 4",
        "pregnancyWeeks in [disabilityGrade, 12, 13]",
        "(pregnant and dibao) == (lowIncome or orphan)",
        "(dibao or lowIncome) != (not orphan)",
        "hukou == residence and within(residence, \"310100\")",
        "sex != \"male\" and schoolStage not in [\"primary\", \"junior\"]",
        "hasAny(militaryStatus, [\"veteran\", \"martyrFamily\"]) or has(chronicDisease, \"diabetes\")",
        "addMonths(birthDate, 6) > date(\"2020-01-31\") or addDays(birthDate, -10) < date(\"1960-03-01\")",
        "-age < -64.5 and age * 1.5 > 90",
        "present(age) and not present(disabilityGrade) or present(residence)",
        "extremePovertySupport == \"dispersed\" or orphanCare != \"scattered\"",
        "yearsBetween(date(\"2000-02-29\"), birthDate) > 20",
        "militaryDisabilityGrade == disabilityGrade",
        "residenceMonths in [12, 24.5] or -(residenceMonths - 3) >= -1",
        "within(hukou, \"000000\") != within(hukou, \"510000\")",
        "not (not (hivStatus == \"positive\") or (not tuberculosis and severeMentalDisorder))",
        "(disabilityType in [\"intellectual\", \"mental\"]) == dibao",
        "age >= 65 and within(hukou, \"310000\")",
    }.Select((rule, i) => Yaml.TieredItem($"rule-{i}", $"'{rule.Replace("'", "''", StringComparison.Ordinal)}'", i + 1,
    [
        "{when: 'age >= 80', value: 300}",
        "{when: 'dibao or lowIncome', values: {2030-01-01: 150, 2040-01-01: 160}}",
        "{when: onlyChildDeceased, values: {2041-01-01: 590}}",
        "{when: 'disabilityGrade <= 2', value: 150}",
        "{when: '\"true\" == \"true\"', value: 20}",
    ], "{name: visits, unit: times, value: 2}", "{name: bonus, unit: CNY/year, tiers: [{when: orphan, value: 7}, {when: 'orphan == false', value: 7}]}"))));

    private static void Compare(Catalog catalog, string county, DateOnly on, int residents)
    {
        var explained = catalog.Prepare(county, on, new EvaluationOptions { Explain = true });
        var plain = catalog.Prepare(county, on, new EvaluationOptions { Explain = false });
        var rows = new ResidentRow[1];
        var decisions = new ScreenDecision[plain.Items.Count];
        var quantities = new ScreenQuantity[plain.Quantities.Length];
        var interpreting = plain.InterpretingScreener();
        var interpretedDecisions = new ScreenDecision[plain.Items.Count];
        var interpretedQuantities = new ScreenQuantity[plain.Quantities.Length];
        ResidentGen.For(catalog.Facts, county, on).Sample(resident =>
        {
            var shown = $"{county} on {on:yyyy-MM-dd}, resident {string.Join(", ", resident.Facts.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={Show(f.Value)}"))}";
            Evaluation reference;
            try
            {
                reference = explained.Interpret(resident);
            }
            catch (ResidentException e)
            {
                // Bad input is refused with the same message, naming the same fact, on every path (the service
                // turns the fact into its problem pointer).
                FluentActions.Invoking(() => explained.EvaluateCompiled(resident)).Should().Throw<ResidentException>()
                    .WithMessage(e.Message, shown).Which.Fact.Should().Be(e.Fact, shown);
                return;
            }

            var compiled = explained.EvaluateCompiled(resident);
            compiled.Decisions.Select(DecisionText.Of).Should().Equal(reference.Decisions.Select(DecisionText.Of), shown);
            compiled.Warnings.Should().Equal(reference.Warnings, shown);
            plain.EvaluateCompiled(resident).Decisions.Select(DecisionText.Of).Should().Equal(plain.Interpret(resident).Decisions.Select(DecisionText.Of), shown);

            plain.Rows.Fill(resident, ref rows[0]);
            plain.Screen(rows, decisions, quantities);
            Enumerable.Range(0, plain.Items.Count).Select(j => DecisionText.Of(plain, j, decisions[j], quantities, 0))
                .Should().Equal(reference.Decisions.Select(DecisionText.Screened), shown);

            // Where the runtime cannot generate code, screening interprets the items: the same structs, tier for tier.
            interpreting.Run(rows, interpretedDecisions, interpretedQuantities, plain.Items.Count, plain.Quantities.Length);
            interpretedDecisions.Should().Equal(decisions, shown);
            interpretedQuantities.Should().Equal(quantities, shown);
        }, iter: PropertyRuns.Of(residents), threads: 1);
    }

    private static IEnumerable<object> RulesOf(ServiceItem item)
    {
        if (item.Eligibility is { } e)
        {
            yield return e;
        }

        foreach (var tier in item.Level?.Quantities.SelectMany(q => q.Tiers) ?? [])
        {
            yield return tier;
        }
    }

    private static string Describe(object rule) => rule switch
    {
        Eligibility e => $"eligibility '{e.When}' at {e.Span}",
        QuantityTier t => $"tier '{t.When}' at {t.Span}",
        _ => rule.ToString()!,
    };

    private static string Show(object value) => value switch
    {
        ImmutableArray<string> set => $"[{string.Join(",", set)}]",
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "null",
    };
}
