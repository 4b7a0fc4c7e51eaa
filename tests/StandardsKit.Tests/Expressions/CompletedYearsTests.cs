using CsCheck;
using StandardsKit.Engine;
using StandardsKit.Expressions;
using static StandardsKit.Tests.Expressions.ExpressionHarness;
using StandardsKit.Tests.TestSupport;

namespace StandardsKit.Tests.Expressions;

/// <summary>One definition of completed years: age ≥ k ⇔ addYears(birthDate, k) ≤ evaluationDate().</summary>
public class CompletedYearsTests
{
    private static readonly Resident LeapDayBirth = Resident.Empty.With("birthDate", "1960-02-29");

    private static bool True(string text, Resident r, DateOnly on)
    {
        var v = EvalOn(text, r, on);
        v.Kind.Should().Be(ValueKind.Bool, text);
        return v.Bool;
    }

    [Theory]
    [InlineData("age >= 65")]
    [InlineData("addYears(birthDate, 65) <= evaluationDate()")]
    [InlineData("yearsBetween(birthDate, evaluationDate()) >= 65")]
    public void Born_on_29_February_completes_65_years_on_28_February_of_a_common_year(string text)
    {
        True(text, LeapDayBirth, new DateOnly(2025, 2, 28)).Should().BeTrue();
    }

    [Theory]
    [InlineData("age >= 65")]
    [InlineData("addYears(birthDate, 65) <= evaluationDate()")]
    [InlineData("yearsBetween(birthDate, evaluationDate()) >= 65")]
    public void Born_on_29_February_has_not_completed_65_years_on_27_February(string text)
    {
        True(text, LeapDayBirth, new DateOnly(2025, 2, 27)).Should().BeFalse();
    }

    [Fact]
    public void Born_on_29_February_completes_a_leap_year_on_29_February_not_the_day_before()
    {
        True("age >= 68", LeapDayBirth, new DateOnly(2028, 2, 28)).Should().BeFalse();
        True("age >= 68", LeapDayBirth, new DateOnly(2028, 2, 29)).Should().BeTrue();
    }

    [Fact]
    public void Adding_a_year_to_29_February_clamps_to_28_February()
    {
        True("addYears(birthDate, 1) == date(\"1961-02-28\")", LeapDayBirth, On).Should().BeTrue();
        True("addMonths(date(\"2024-01-31\"), 1) == date(\"2024-02-29\")", Resident.Empty, On).Should().BeTrue();
    }

    [Fact]
    public void Years_between_a_later_and_an_earlier_date_are_negative_by_the_same_rule()
    {
        // The largest k with 2000-06-01 + k years <= 1990-01-01 is -11 (1989-06-01).
        True("yearsBetween(date(\"2000-06-01\"), date(\"1990-01-01\")) == -11", Resident.Empty, On).Should().BeTrue();
    }

    private static readonly int First = Catalog.FirstSupportedDate.DayNumber;
    private static readonly int Last = Catalog.LastSupportedDate.DayNumber;

    [Fact]
    public void Age_addYears_and_yearsBetween_agree_for_every_birth_date_evaluation_date_and_k()
    {
        // Leap days and anniversaries are rare among random dates, so a quarter of the birth dates are 29 February
        // and two in five evaluation dates fall on, or a day either side of, the k-th anniversary.
        var leapYears = Enumerable.Range(1800, 597).Where(DateTime.IsLeapYear).ToArray();
        var birth = Gen.Frequency(
            (3, Gen.Int[First, Last].Select(DateOnly.FromDayNumber)),
            (1, Gen.OneOfConst(leapYears).Select(y => new DateOnly(y, 2, 29))));
        var last = Catalog.LastSupportedDate;
        var cases = from b in birth
                    from k in Gen.Int[0, 120]
                    from day in Gen.Frequency(
                        (3, Gen.Int[b.DayNumber, Last].Select(DateOnly.FromDayNumber)),
                        (2, Gen.Int[-1, 1].Select(d => b.AddYears(k).AddDays(d)).Select(d => d < b ? b : d > last ? last : d)))
                    select (b, day, k);
        cases.Sample(c =>
        {
            var (b, on, k) = c;
            var r = Resident.Empty.With("birthDate", b);
            var because = $"born {b:O}, on {on:O}, k = {k}";
            var age = True($"age >= {k}", r, on);
            True($"addYears(birthDate, {k}) <= evaluationDate()", r, on).Should().Be(age, because);
            True($"yearsBetween(birthDate, evaluationDate()) >= {k}", r, on).Should().Be(age, because);
        }, iter: PropertyRuns.Of(1000));
    }
}
