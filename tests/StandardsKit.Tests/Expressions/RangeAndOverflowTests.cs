using StandardsKit.Engine;
using StandardsKit.Expressions;
using static StandardsKit.Tests.Expressions.ExpressionHarness;

namespace StandardsKit.Tests.Expressions;

/// <summary>Date arithmetic and number arithmetic are total: what could leave a range is a load-time error.</summary>
public class RangeAndOverflowTests
{
    [Theory]
    [InlineData("addYears(birthDate, residenceMonths) < evaluationDate()", 20)]
    [InlineData("addYears(birthDate, 1.5) < evaluationDate()", 20)]
    [InlineData("addMonths(birthDate, 2 * 3) < evaluationDate()", 21)]
    [InlineData("addDays(birthDate, yearsBetween(birthDate, evaluationDate())) < evaluationDate()", 19)]
    public void A_shift_amount_must_be_a_whole_number_written_out(string text, int offset)
    {
        var error = ErrorOf(text);

        error.Code.Should().Be("SK0107");
        error.Offset.Should().Be(offset);
        error.Message.Should().Contain("whole number");
    }

    [Theory]
    [InlineData("addYears(birthDate, 201) < evaluationDate()")]
    [InlineData("addYears(birthDate, -201) < evaluationDate()")]
    [InlineData("addMonths(birthDate, 2401) < evaluationDate()")]
    [InlineData("addDays(birthDate, 73001) < evaluationDate()")]
    public void A_shift_amount_beyond_its_limit_is_an_error_at_the_amount(string text)
    {
        var error = ErrorOf(text);

        error.Code.Should().Be("SK0107");
        error.Offset.Should().Be(text.IndexOf(',', StringComparison.Ordinal) + 2);
        error.Message.Should().Contain("at most");
    }

    [Theory]
    [InlineData("addYears(birthDate, 200) < evaluationDate()")]
    [InlineData("addYears(birthDate, -200) < evaluationDate()")]
    [InlineData("addMonths(birthDate, -2400) < evaluationDate()")]
    [InlineData("addDays(birthDate, 73000) < evaluationDate()")]
    public void A_shift_amount_at_its_limit_is_accepted_and_evaluates(string text)
    {
        EvalOn(text, Resident.Empty.With("birthDate", "1800-01-01"), Catalog.LastSupportedDate).Kind.Should().Be(ValueKind.Bool);
        EvalOn(text, Resident.Empty.With("birthDate", "2399-12-31"), Catalog.LastSupportedDate).Kind.Should().Be(ValueKind.Bool);
    }

    [Fact]
    public void Nested_shifts_that_could_leave_the_calendar_are_an_error()
    {
        var nested = "birthDate";
        for (var i = 0; i < 40; i++)
        {
            nested = $"addYears({nested}, 200)";
        }

        var error = ErrorOf(nested + " > evaluationDate()");

        error.Code.Should().Be("SK0107");
        error.Message.Should().Contain("outside the calendar");
    }

    [Theory]
    [InlineData("birthDate < date(\"1799-12-31\")")]
    [InlineData("birthDate < date(\"2400-01-01\")")]
    [InlineData("birthDate < date(\"0001-01-01\")")]
    [InlineData("birthDate < date(\"9999-12-31\")")]
    public void A_date_literal_outside_1800_to_2399_is_an_error_at_the_literal(string text)
    {
        var error = ErrorOf(text);

        error.Code.Should().Be("SK0107");
        error.Offset.Should().Be(12);
        error.Message.Should().EndWith("is outside the supported range 1800-01-01..2399-12-31");
    }

    [Fact]
    public void The_ends_of_the_date_range_are_accepted()
    {
        Eval("date(\"1800-01-01\") < date(\"2399-12-31\")", Resident.Empty).Bool.Should().BeTrue();
    }

    [Theory]
    [InlineData("1799-12-31")]
    [InlineData("2400-01-01")]
    public void A_resident_date_outside_the_range_is_a_one_line_resident_error(string date)
    {
        var act = () => Eval("age >= 65", Resident.Empty.With("birthDate", date));

        act.Should().Throw<ResidentException>()
            .WithMessage($"fact 'birthDate' is {date}, outside the supported range 1800-01-01..2399-12-31");
    }

    [Theory]
    [InlineData(1799, 12, 31)]
    [InlineData(2400, 1, 1)]
    public void Evaluating_on_a_date_outside_the_range_throws_ArgumentOutOfRangeException(int y, int m, int d)
    {
        var on = new DateOnly(y, m, d);

        Catalog.Default.Invoking(c => c.Evaluate(Resident.Empty, "310104", on)).Should().Throw<ArgumentOutOfRangeException>()
            .Which.ParamName.Should().Be("on");
        Catalog.Default.Invoking(c => c.Prepare("310104", on)).Should().Throw<ArgumentOutOfRangeException>()
            .Which.Message.Should().StartWith($"the evaluation date {on:yyyy-MM-dd} is outside the supported range 1800-01-01..2399-12-31");
    }

    [Fact]
    public void A_number_literal_beyond_ten_to_the_fifteen_is_an_error_at_the_literal()
    {
        var error = ErrorOf("residenceMonths < 1000000000000001");

        error.Code.Should().Be("SK0108");
        error.Offset.Should().Be(18);
        Compile("residenceMonths < 1000000000000000 and residenceMonths > -1000000000000000").Should().NotBeNull();
    }

    [Fact]
    public void A_number_fact_without_a_declared_max_is_bounded_at_ten_to_the_fifteen()
    {
        var r = Resident.Empty.With("residenceMonths", 1_000_000_000_000_001m);

        var act = () => Eval("residenceMonths > 0", r);

        act.Should().Throw<ResidentException>()
            .WithMessage("fact 'residenceMonths' is 1000000000000001, outside the supported range −10^15..10^15");
        Eval("residenceMonths > 0", Resident.Empty.With("residenceMonths", 1_000_000_000_000_000m)).Bool.Should().BeTrue();
    }

    [Fact]
    public void A_number_fact_outside_its_declared_bounds_is_reported_in_plain_numbers()
    {
        var act = () => Eval("disabilityGrade > 0", Resident.Empty.With("disabilityGrade", 5m));

        act.Should().Throw<ResidentException>().WithMessage("fact 'disabilityGrade' is 5, outside 1–4");
    }

    [Fact]
    public void Adding_ten_to_the_fifteen_to_age_is_within_range_and_evaluates()
    {
        var v = Eval("age + 1000000000000000 > 1000000000000000", Resident.Empty.With("birthDate", "1990-01-01"));

        v.Kind.Should().Be(ValueKind.Bool);
        v.Bool.Should().BeTrue();
        // At the largest age the input allows, age × 10^12 reaches exactly 10^27: still in range.
        Eval("age * 1000000000000 / 1000000000000 == 1000000000000000", Resident.Empty.With("age", 1_000_000_000_000_000m)).Bool.Should().BeTrue();
    }

    [Fact]
    public void A_product_that_may_overflow_is_an_error_at_its_operator_naming_the_unbounded_fact()
    {
        var error = ErrorOf("age * 1000000000000000 * 1000000000000000 > 0");

        error.Code.Should().Be("SK0108");
        error.Offset.Should().Be(4);
        error.Message.Should().Contain("'*' may overflow");
        error.Help.Should().Be("declare min/max for fact 'age' in facts.yaml or simplify");
    }

    [Fact]
    public void Overflow_of_bounded_facts_is_reported_at_the_operator_where_the_bound_is_crossed()
    {
        // pregnancyWeeks is 0..45: 45 × 10^15 fits, × 10^12 more does not.
        const string text = "pregnancyWeeks * 1000000000000000 * 1000000000000 > 0";

        var error = ErrorOf(text);

        error.Code.Should().Be("SK0108");
        error.Offset.Should().Be(text.LastIndexOf('*'));
        error.Help.Should().Be("simplify the arithmetic");
    }

    [Fact]
    public void Sums_and_differences_are_checked_as_well_as_products()
    {
        Compile("residenceMonths * 100000000000 + residenceMonths * 100000000000 > 0").Should().NotBeNull();
        const string sum = "residenceMonths * 1000000000000 + residenceMonths > 0";
        var error = ErrorOf(sum);
        error.Code.Should().Be("SK0108");
        error.Offset.Should().Be(sum.IndexOf('+', StringComparison.Ordinal));
        ErrorOf("-1000000000000 * residenceMonths - residenceMonths > 0").Message.Should().Contain("'-' may overflow");
    }

    [Theory]
    [InlineData("residenceMonths / pregnancyWeeks > 1", 18)]
    [InlineData("residenceMonths / (2 + 1) > 1", 18)]
    public void Division_by_anything_but_a_number_written_out_is_an_error(string text, int offset)
    {
        var error = ErrorOf(text);

        error.Code.Should().Be("SK0103");
        error.Offset.Should().Be(offset);
        error.Help.Should().Be("divide only by a non-zero number, e.g. residenceMonths / 12");
    }

    [Fact]
    public void Division_by_a_negative_literal_is_allowed()
    {
        Eval("residenceMonths / -12 == -2", Resident.Empty.With("residenceMonths", 24m)).Bool.Should().BeTrue();
    }
}
