using StandardsKit.Analysis;
using StandardsKit.Engine;
using StandardsKit.Tests.TestSupport;

namespace StandardsKit.Tests.Analysis;

/// <summary>
/// Attempts to make the floor prover say "proved" where some resident, on some day of the interval, is served by
/// the parent and not by the local item. Each case here once did; every answer is now checked against the evaluator
/// on the days that matter.
/// </summary>
public sealed class FloorAdversarialTests
{
    /// <summary>Proves a province rule against a city rule under the national 2023 edition; returns the city's obligations.</summary>
    private static (Catalog Catalog, List<FloorProof> Proofs) Prove(string provinceRule, string cityRule, string from = "2024-01-01", string cityLevel = "")
    {
        using var temp = new TempFolder();
        temp.CopyFrom(Path.Combine(Repo.Standards, "national"), "national");
        temp.Write("p.yaml", Yaml.MaternalHealthOverlay("cn-p", "510000", "cn-national@2023", "p-mh", provinceRule, from));
        temp.Write("c.yaml", Yaml.MaternalHealthOverlay("cn-c", "510100", "cn-p@2023", "c-mh", cityRule, from, cityLevel));
        var result = Catalog.LoadDirectory(temp.Path);
        var catalog = result.Catalog ?? throw new InvalidOperationException(string.Join('\n', result.Diagnostics));
        return (catalog, [.. FloorProver.Prove(catalog).Proofs.Where(p => p.Standard == "cn-c@2023")]);
    }

    private static bool? Eligible(Catalog catalog, Resident resident, string county, DateOnly on) =>
        catalog.Evaluate(resident, county, on, ["maternal-health"]).Decisions.Single().Eligible;

    [Fact]
    public void A_rule_against_a_month_shifted_evaluation_date_is_not_proved_from_its_first_day_alone()
    {
        // On 2024-01-01 both rules mean "born a month ago or more"; on 2024-02-29 a resident born 2024-01-30 meets
        // the province's rule and not the city's: the two thresholds coincide on some days only.
        var (catalog, proofs) = Prove("pregnant or addMonths(birthDate, 1) <= evaluationDate()",
            "pregnant or addMonths(birthDate, 2) <= addMonths(evaluationDate(), 1)");
        var born = Resident.Empty.With("pregnant", false).With("birthDate", "2024-01-30");
        Eligible(catalog, born, "510104", new DateOnly(2024, 2, 29)).Should().BeFalse("the city's rule refuses this resident on that day");

        proofs.Should().NotContain(p => p.Status == ProofStatus.Proved && p.From <= new DateOnly(2024, 2, 29) && (p.Until == null || p.Until >= new DateOnly(2024, 2, 29)),
            string.Join("; ", proofs.Select(p => $"{p.From}..{p.Until} {p.Status} {p.Reason}")));
    }

    [Theory]
    [InlineData("pregnant and evaluationDate() < addYears(date(\"2000-01-01\"), 25)", "2025-01-01")]
    [InlineData("pregnant and yearsBetween(date(\"2000-01-01\"), evaluationDate()) < 25", "2025-01-01")]
    [InlineData("pregnant and addDays(evaluationDate(), 30) < date(\"2025-01-31\")", "2025-01-01")]
    [InlineData("pregnant or residenceMonths >= yearsBetween(date(\"2000-01-01\"), evaluationDate()) * 12", "2026-01-01")]
    public void A_rule_whose_answer_changes_on_a_computed_day_is_split_there_and_violated_from_it(string cityRule, string changes)
    {
        var day = DateOnly.Parse(changes, System.Globalization.CultureInfo.InvariantCulture);
        var (catalog, proofs) = Prove(cityRule.StartsWith("pregnant or", StringComparison.Ordinal) ? "pregnant or residenceMonths >= 300" : "pregnant", cityRule);

        // Every interval before the day is proved, the one from it is violated (later ones may be cut again where the
        // rule's threshold moves, e.g. each new year of yearsBetween).
        var violated = proofs.OrderBy(p => p.From).First(p => p.Status != ProofStatus.Proved);
        violated.Status.Should().Be(ProofStatus.Violated, Show(proofs));
        violated.From.Should().Be(day, Show(proofs));
        proofs.Should().Contain(p => p.Status == ProofStatus.Proved && p.Until == day.AddDays(-1), Show(proofs));
        var example = violated.Example!;
        Eligible(catalog, example, violated.County!, day).Should().NotBe(true);
        Eligible(catalog, example, violated.County!, day.AddDays(-1)).Should().BeTrue("the day before, the city still serves the example");
    }

    [Fact]
    public void A_rule_comparing_two_dates_computed_from_the_day_is_never_proved_for_a_day_it_fails()
    {
        // True in months of 31 days only: the answer changes every month, beyond what splitting will follow.
        var (catalog, proofs) = Prove("pregnant", "pregnant and addMonths(evaluationDate(), 1) > addDays(evaluationDate(), 30)");
        var failing = new DateOnly(2024, 4, 10);
        Eligible(catalog, Resident.Empty.With("pregnant", true), "510104", failing).Should().BeFalse();

        proofs.Should().NotContain(p => p.Status == ProofStatus.Proved && p.From <= failing && (p.Until == null || p.Until >= failing), Show(proofs));
        proofs.Should().Contain(p => p.Status != ProofStatus.Proved);
    }

    [Theory]
    [InlineData("pregnant and age >= 0", "pregnant and age < 225")]
    [InlineData("pregnant and yearsBetween(birthDate, evaluationDate()) >= 0", "pregnant and yearsBetween(birthDate, evaluationDate()) < 225")]
    public void A_threshold_no_birth_date_in_the_calendar_reaches_on_the_first_day_but_one_reaches_later_is_not_proved(string provinceRule, string cityRule)
    {
        // On 2024-01-01 nobody born on or after 1800-01-01 is 225, so the
        // city's rule serves every pregnant resident the province serves; years later the oldest possible birth date reaches the threshold.
        var (catalog, proofs) = Prove(provinceRule, cityRule);
        var oldest = Resident.Empty.With("pregnant", true).With("birthDate", "1800-01-01");
        var failing = new DateOnly(2025, 1, 1);
        Eligible(catalog, oldest, "510104", new DateOnly(2024, 1, 1)).Should().BeTrue();
        Eligible(catalog, oldest, "510104", failing).Should().BeFalse();

        proofs.Should().NotBeEmpty().And.NotContain(p => p.Status == ProofStatus.Proved && p.From <= failing && (p.Until == null || p.Until >= failing), Show(proofs));
    }

    [Fact]
    public void A_quotient_the_evaluator_rounds_is_not_proved_equal_to_its_exact_value()
    {
        // Exactly, residenceMonths / 3 * 3 is residenceMonths; in decimal 7 / 3 * 3 is 6.9999999999999999999999999999.
        var (catalog, proofs) = Prove("pregnant or residenceMonths >= 7", "pregnant or residenceMonths / 3 * 3 >= 7");
        Eligible(catalog, Resident.Empty.With("pregnant", false).With("residenceMonths", 7m), "510104", new DateOnly(2024, 6, 1)).Should().BeFalse();

        proofs.Should().NotBeEmpty().And.NotContain(p => p.Status == ProofStatus.Proved, Show(proofs));
        proofs.Should().OnlyContain(p => p.Status == ProofStatus.Violated || p.Reason!.Contains("rounded", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("pregnant or residenceMonths / 12 >= 1", "pregnant or residenceMonths >= 12")]
    [InlineData("pregnant or residenceMonths / 3 > 3", "pregnant or residenceMonths >= 10")]
    [InlineData("pregnant or residenceMonths * 0.5 + 1 >= 6", "pregnant or residenceMonths >= 10")]
    public void A_single_rounding_that_cannot_change_a_comparison_is_still_proved(string provinceRule, string cityRule)
    {
        var (_, proofs) = Prove(provinceRule, cityRule);

        proofs.Should().NotBeEmpty().And.OnlyContain(p => p.Status == ProofStatus.Proved, Show(proofs));
    }

    private static string Show(IEnumerable<FloorProof> proofs) => string.Join("; ", proofs.Select(p => $"{p.From}..{p.Until} {p.Status} {p.Reason}"));
}
