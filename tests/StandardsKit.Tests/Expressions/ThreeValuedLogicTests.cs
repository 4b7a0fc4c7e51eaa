using StandardsKit.Engine;
using StandardsKit.Expressions;
using static StandardsKit.Tests.Expressions.ExpressionHarness;

namespace StandardsKit.Tests.Expressions;

public class ThreeValuedLogicTests
{
    [Fact]
    public void False_and_a_missing_fact_is_false()
    {
        var v = Eval("false and pregnant", Resident.Empty);

        v.Kind.Should().Be(ValueKind.Bool);
        v.Bool.Should().BeFalse();
    }

    [Fact]
    public void A_missing_fact_and_false_is_false_whatever_the_order()
    {
        var v = Eval("pregnant and false", Resident.Empty);

        v.Kind.Should().Be(ValueKind.Bool);
        v.Bool.Should().BeFalse();
    }

    [Fact]
    public void True_or_a_missing_fact_is_true()
    {
        var v = Eval("true or pregnant", Resident.Empty);

        v.Kind.Should().Be(ValueKind.Bool);
        v.Bool.Should().BeTrue();
    }

    [Fact]
    public void True_and_a_missing_age_is_undetermined_for_want_of_birthDate()
    {
        var v = Eval("true and age >= 65", Resident.Empty);

        v.Kind.Should().Be(ValueKind.Unknown);
        v.Missing.Should().Be(Bit("birthDate"));
    }

    [Fact]
    public void False_or_a_missing_fact_is_undetermined_and_names_the_fact()
    {
        var v = Eval("false or pregnant", Resident.Empty);

        v.Kind.Should().Be(ValueKind.Unknown);
        v.Missing.Should().Be(Bit("pregnant"));
    }

    [Fact]
    public void Not_of_a_missing_fact_stays_undetermined()
    {
        var v = Eval("not pregnant", Resident.Empty);

        v.Kind.Should().Be(ValueKind.Unknown);
        v.Missing.Should().Be(Bit("pregnant"));
    }

    [Fact]
    public void Undetermined_operands_combine_their_missing_facts()
    {
        var v = Eval("pregnant and ruralHukou", Resident.Empty);

        v.Kind.Should().Be(ValueKind.Unknown);
        v.Missing.Should().Be(Bit("pregnant") | Bit("ruralHukou"));
    }

    [Fact]
    public void A_decided_operand_drops_the_other_operands_missing_facts()
    {
        var v = Eval("(pregnant and ruralHukou) or age >= 18", Resident.Empty.With("birthDate", "1990-01-01"));

        v.Kind.Should().Be(ValueKind.Bool);
        v.Bool.Should().BeTrue();
        v.Missing.Should().Be(UInt128.Zero);
    }

    [Theory]
    [InlineData(true, true, true, true)]
    [InlineData(true, false, false, true)]
    [InlineData(false, true, false, true)]
    [InlineData(false, false, false, false)]
    public void Known_operands_follow_the_ordinary_truth_table(bool a, bool b, bool and, bool or)
    {
        var r = Resident.Empty.With("pregnant", a).With("dibao", b);

        Eval("pregnant and dibao", r).Bool.Should().Be(and);
        Eval("pregnant or dibao", r).Bool.Should().Be(or);
    }

    [Fact]
    public void Comparison_on_an_absent_none_fact_is_false_not_undetermined()
    {
        var v = Eval("disabilityGrade >= 1", Resident.Empty);

        v.Kind.Should().Be(ValueKind.Bool);
        v.Bool.Should().BeFalse();
        Eval("present(disabilityGrade)", Resident.Empty).Bool.Should().BeFalse();
        Eval("present(disabilityGrade)", Resident.Empty.With("disabilityGrade", 2m)).Bool.Should().BeTrue();
    }

    [Fact]
    public void Absent_set_fact_declared_none_is_empty_so_has_is_false()
    {
        // No embedded set fact is absent: none any more (militaryStatus is unknown, SPEC §4.3), so declare one.
        var (result, folder) = StandardsKit.Tests.Loading.LoadingHarness.Load(("facts.yaml", """
            facts:
              - {name: birthDate, type: date, description: {zh: 出生日期, en: Date of birth}, absent: unknown}
              - {name: age, type: int, min: 0, derived: age-from-birthDate, description: {zh: 周岁, en: Age}, absent: unknown}
              - {name: residence, type: division, default: county, description: {zh: 居住地, en: Residence}, absent: unknown}
              - {name: honours, type: set, values: [gold, silver], description: {zh: 荣誉, en: Honours; absent means none}, absent: none}
            """));
        using var _ = folder;
        var facts = result.Catalog!.Facts;
        Value EvalWith(Resident r) => Binder.CompileCondition("has(honours, \"gold\")", facts).Evaluate(FrameBuilder.Build(r, FrameLayout.For(facts), "310104", On));

        var v = EvalWith(Resident.Empty);
        v.Kind.Should().Be(ValueKind.Bool);
        v.Bool.Should().BeFalse();
        EvalWith(Resident.Empty.With("honours", ["gold"])).Bool.Should().BeTrue();
    }

    [Fact]
    public void Military_status_not_given_is_undetermined_and_an_empty_set_is_no_status()
    {
        var v = Eval("has(militaryStatus, \"veteran\")", Resident.Empty);

        v.Kind.Should().Be(ValueKind.Unknown);
        Eval("has(militaryStatus, \"veteran\")", Resident.Empty.With("militaryStatus", Array.Empty<string>())).Bool.Should().BeFalse();
        Eval("has(militaryStatus, \"veteran\")", Resident.Empty.With("militaryStatus", ["veteran"])).Bool.Should().BeTrue();
    }

    [Fact]
    public void Residence_defaults_to_the_county_evaluated()
    {
        Eval("within(residence, \"310000\")", Resident.Empty).Bool.Should().BeTrue();
        Eval("within(residence, \"520000\")", Resident.Empty).Bool.Should().BeFalse();
    }

    [Fact]
    public void Age_is_counted_in_completed_years_on_the_evaluation_date()
    {
        // Evaluated on 2024-06-01.
        Eval("age >= 65", Resident.Empty.With("birthDate", "1959-06-01")).Bool.Should().BeTrue();
        Eval("age >= 65", Resident.Empty.With("birthDate", "1959-06-02")).Bool.Should().BeFalse();
    }

    [Fact]
    public void In_list_with_missing_needle_is_undetermined()
    {
        var v = Eval("schoolStage in [\"primary\", \"junior\"]", Resident.Empty);

        v.Kind.Should().Be(ValueKind.Unknown);
        v.Missing.Should().Be(Bit("schoolStage"));
        Eval("schoolStage in [\"primary\", \"junior\"]", Resident.Empty.With("schoolStage", "junior")).Bool.Should().BeTrue();
        Eval("schoolStage not in [\"primary\", \"junior\"]", Resident.Empty.With("schoolStage", "senior")).Bool.Should().BeTrue();
    }

    [Fact]
    public void Date_functions_compute_on_the_evaluation_date()
    {
        var r = Resident.Empty.With("birthDate", "2006-06-01");

        Eval("addYears(birthDate, 18) <= evaluationDate()", r).Bool.Should().BeTrue();
        Eval("addYears(birthDate, 18) < evaluationDate()", r).Bool.Should().BeFalse();
        Eval("yearsBetween(birthDate, evaluationDate()) == 18", r).Bool.Should().BeTrue();
    }
}
