using CsCheck;
using StandardsKit.Engine;
using StandardsKit.Expressions;
using static StandardsKit.Tests.Expressions.ExpressionHarness;
using StandardsKit.Tests.TestSupport;

namespace StandardsKit.Tests.Expressions;

/// <summary>One meaning of <c>!=</c>: <c>a != b</c> is <c>not (a == b)</c>, with "none" and missing facts alike.</summary>
public class NoneAndNotEqualTests
{
    private static void ShouldBe(Value v, bool expected, string because)
    {
        v.Kind.Should().Be(ValueKind.Bool, because);
        v.Bool.Should().Be(expected, because);
    }

    [Theory]
    [InlineData("disabilityGrade != 1")]
    [InlineData("not (disabilityGrade == 1)")]
    [InlineData("disabilityGrade not in [1]")]
    public void An_absent_none_fact_is_unequal_to_every_value_whichever_way_it_is_written(string text)
    {
        ShouldBe(Eval(text, Resident.Empty), true, text);
    }

    [Theory]
    [InlineData("disabilityGrade == 1")]
    [InlineData("disabilityGrade < 1")]
    [InlineData("disabilityGrade <= 4")]
    [InlineData("disabilityGrade > 0")]
    [InlineData("disabilityGrade >= 1")]
    [InlineData("disabilityGrade in [1, 2, 3, 4]")]
    [InlineData("disabilityGrade + 1 > 0")]
    public void Comparisons_and_membership_of_an_absent_none_fact_are_false(string text)
    {
        ShouldBe(Eval(text, Resident.Empty), false, text);
    }

    [Fact]
    public void Two_absent_none_facts_are_unequal_and_not_equal()
    {
        ShouldBe(Eval("disabilityGrade != militaryDisabilityGrade", Resident.Empty), true, "none != none");
        ShouldBe(Eval("disabilityGrade == militaryDisabilityGrade", Resident.Empty), false, "none == none");
    }

    [Fact]
    public void Not_equal_with_a_missing_fact_is_undetermined_and_names_it_even_against_none()
    {
        var v = Eval("pregnancyWeeks != disabilityGrade", Resident.Empty);

        v.Kind.Should().Be(ValueKind.Unknown);
        v.Missing.Should().Be(Bit("pregnancyWeeks"));
        Eval("pregnancyWeeks != 12", Resident.Empty).Missing.Should().Be(Bit("pregnancyWeeks"));
    }

    [Fact]
    public void Not_equal_between_given_values_is_plain_inequality()
    {
        var r = Resident.Empty.With("disabilityGrade", 2m);

        ShouldBe(Eval("disabilityGrade != 1", r), true, "2 != 1");
        ShouldBe(Eval("disabilityGrade != 2", r), false, "2 != 2");
    }

    [Fact]
    public void Present_is_true_only_for_a_fact_that_is_given()
    {
        ShouldBe(Eval("present(disabilityGrade)", Resident.Empty), false, "absent: none, not given");
        ShouldBe(Eval("present(disabilityGrade)", Resident.Empty.With("disabilityGrade", 3m)), true, "given");
        ShouldBe(Eval("present(pregnant)", Resident.Empty), false, "absent: unknown, not given");
        ShouldBe(Eval("present(pregnant)", Resident.Empty.With("pregnant", false)), true, "given false");
        ShouldBe(Eval("present(militaryStatus)", Resident.Empty), false, "absent: unknown set, not given");
        ShouldBe(Eval("present(age)", Resident.Empty.With("birthDate", "1990-01-01")), true, "derived from a given birthDate");
        ShouldBe(Eval("present(residence)", Resident.Empty), false, "defaults to the county, but not given");
    }

    private static readonly string[] Operands =
        ["disabilityGrade", "militaryDisabilityGrade", "pregnancyWeeks", "residenceMonths", "1", "2", "3"];

    private static readonly string[] NumberFacts = ["disabilityGrade", "militaryDisabilityGrade", "pregnancyWeeks", "residenceMonths"];

    [Fact]
    public void Not_equal_is_the_negation_of_equal_over_random_residents_with_none_and_missing_facts()
    {
        // Each fact is missing (0: undetermined or, for absent: none facts, none) or 1..3.
        var values = Gen.Int[0, 3].Array[NumberFacts.Length];
        Gen.Select(Gen.OneOfConst(Operands), Gen.OneOfConst(Operands), values).Sample((a, b, v) =>
        {
            var resident = Resident.Empty;
            for (var i = 0; i < NumberFacts.Length; i++)
            {
                if (v[i] > 0)
                {
                    resident = resident.With(NumberFacts[i], (decimal)v[i]);
                }
            }

            var because = $"{a} vs {b} with [{string.Join(", ", v)}]";
            var notEqual = Eval($"{a} != {b}", resident);
            var notOfEqual = Eval($"not ({a} == {b})", resident);
            var notIn = Eval($"{a} not in [{b}]", resident);
            (notEqual.Kind, notEqual.Bool, notEqual.Missing).Should().Be((notOfEqual.Kind, notOfEqual.Bool, notOfEqual.Missing), because);
            (notIn.Kind, notIn.Bool, notIn.Missing).Should().Be((notOfEqual.Kind, notOfEqual.Bool, notOfEqual.Missing), because);
        }, iter: PropertyRuns.Of(500));
    }
}
