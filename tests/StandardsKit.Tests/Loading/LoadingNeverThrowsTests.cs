using StandardsKit.Engine;
using StandardsKit.Tests.TestSupport;

namespace StandardsKit.Tests.Loading;

/// <summary>Bad content in a standards folder is a positioned diagnostic, never an exception out of loading.</summary>
public sealed class LoadingNeverThrowsTests
{
    private static string Overlay(string rule, string effectiveFrom = "2024-01-01") => $$$"""
        id: cn-31
        jurisdiction: "310000"
        edition: "2023"
        title: {zh: 测试, en: test}
        extends: cn-national@2023
        effectiveFrom: {{{effectiveFrom}}}
        provenance: {evidence: secondary, sources: [X]}
        sources:
          - {id: X, title: x, url: "http://x", kind: secondary}
        items:
          - id: sh-mh
            implements: maternal-health
            name: {zh: 项目, en: item}
            provenance: {evidence: secondary, sources: [X]}
            eligibility: {when: '{{{rule}}}', provenance: {evidence: secondary, sources: [X]}}
        """;

    private static (CatalogLoadResult Result, string Text, string Path) LoadOverlay(string rule, string effectiveFrom = "2024-01-01")
    {
        using var temp = new TempFolder();
        temp.CopyFrom(Path.Combine(Repo.Standards, "national"), "national");
        var text = Overlay(rule, effectiveFrom);
        var path = temp.Write("overlay.yaml", text);
        return (Catalog.LoadDirectory(temp.Path), text, path.Replace('\\', '/'));
    }

    [Fact]
    public void An_overlay_adding_ten_to_the_fifteen_to_age_loads_and_evaluates()
    {
        // This crashed every command that loaded the folder with an OverflowException.
        var (result, _, _) = LoadOverlay("pregnant or age + 1000000000000000 > 0");

        result.Errors().Should().BeEmpty();
        var decision = result.GetCatalogOrThrow()
            .Evaluate(Resident.Empty.With("birthDate", "1990-01-01").With("pregnant", false), "310104", new DateOnly(2024, 6, 1), ["maternal-health"])
            .Decisions.Single();
        decision.Eligible.Should().BeTrue();
    }

    [Fact]
    public void An_overlay_with_a_product_that_may_overflow_is_a_positioned_diagnostic()
    {
        var (result, text, path) = LoadOverlay("pregnant or age * 1000000000000000 * 1000000000000000 > 0");

        var error = result.Errors().Should().ContainSingle().Subject;
        error.Code.Should().Be("SK0108");
        var (line, column) = LoadingHarness.PositionOf(text, "* 1000000000000000 *");
        error.Span!.File.Replace('\\', '/').Should().Be(path);
        (error.Span.Line, error.Span.Column).Should().Be((line, column));
        error.Message.Should().Contain("may overflow");
        error.Help.Should().Contain("declare min/max for fact 'age' in facts.yaml");
        result.Catalog.Should().BeNull();
    }

    [Fact]
    public void Two_int_facts_with_a_minimum_compared_with_each_other_load_instead_of_crashing()
    {
        // validate exited 70 ("internal error", index out of range in the floor prover's resident space).
        using var temp = new TempFolder();
        temp.CopyFrom(Path.Combine(Repo.Standards, "national"), "national");
        temp.Write("facts.yaml", File.ReadAllText(Path.Combine(Repo.Standards, "facts.yaml")) + """

              - name: householdSize
                type: int
                min: 1
                description: {zh: 户人数, en: Household size}
                absent: unknown

              - name: earners
                type: int
                min: 1
                description: {zh: 就业人数, en: Earners in the household}
                absent: unknown

            """);
        temp.Write("overlay.yaml", Overlay("pregnant or householdSize > earners"));

        var result = Catalog.LoadDirectory(temp.Path);

        result.Errors().Should().BeEmpty();
        result.Catalog.Should().NotBeNull();
    }

    [Theory]
    [InlineData("pregnant or residenceMonths / pregnancyWeeks > 1", "SK0103")]
    [InlineData("pregnant or residenceMonths / 0 > 1", "SK0103")]
    [InlineData("pregnant or 10000000000000000 > residenceMonths", "SK0108")]
    [InlineData("pregnant or birthDate < date(\"9999-12-31\")", "SK0107")]
    [InlineData("pregnant or addYears(birthDate, residenceMonths) < evaluationDate()", "SK0107")]
    [InlineData("pregnant or addDays(birthDate, 100000) < evaluationDate()", "SK0107")]
    public void Expressions_the_evaluator_cannot_run_totally_are_diagnostics_not_exceptions(string rule, string code)
    {
        var (result, _, _) = LoadOverlay(rule);

        result.Errors().Should().ContainSingle().Which.Code.Should().Be(code);
    }

    [Fact]
    public void A_standard_effective_outside_the_supported_dates_is_a_diagnostic()
    {
        var (result, text, _) = LoadOverlay("pregnant", effectiveFrom: "2400-01-01");

        var error = result.Errors().Should().ContainSingle().Subject;
        error.Code.Should().Be("SK0212");
        error.Message.Should().Be("2400-01-01 is outside the supported range 1800-01-01..2399-12-31");
        error.Span!.Line.Should().Be(LoadingHarness.PositionOf(text, "2400-01-01").Line);
    }

    [Fact]
    public void A_test_case_on_a_date_outside_the_supported_range_is_a_diagnostic()
    {
        const string tests = """
            tests:
              - name: far future
                county: "310104"
                on: 2400-01-01
                resident: {pregnant: true}
                expect:
                  - {item: maternal-health, eligible: true}
            """;
        var (result, folder) = LoadingHarness.Load(("cases.yaml", tests));
        using (folder)
        {
            result.Errors().Should().ContainSingle().Which.Code.Should().Be("SK0212");
        }
    }
}
