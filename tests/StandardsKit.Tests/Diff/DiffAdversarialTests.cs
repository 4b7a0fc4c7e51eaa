using FluentAssertions;
using StandardsKit.Diff;
using StandardsKit.Engine;
using StandardsKit.Expressions;
using StandardsKit.Tests.TestSupport;
using Xunit;

namespace StandardsKit.Tests.Diff;

/// <summary>
/// Attempts to make <c>diff</c> say "no change" where some resident, on some day after the editions take effect,
/// qualifies under one side only: comparing the rules on the two effective dates alone once did.
/// </summary>
public sealed class DiffAdversarialTests
{
    private static StandardsDiff Compare(string oldRule, string newRule, DateOnly oldFrom, DateOnly newFrom)
    {
        var facts = Catalog.Default.Facts;
        var old = ModelBuilder.Document(ModelBuilder.Item(oldRule), "1", oldFrom);
        var @new = ModelBuilder.Document(ModelBuilder.Item(newRule), "2", newFrom);
        return SemanticDiff.Compare([old], [@new], facts, facts);
    }

    private static bool? Eligible(string rule, Resident r, DateOnly on) =>
        ModelBuilder.Compile(rule).Evaluate(FrameBuilder.Build(r, ModelBuilder.Layout, "110101", on)) is { Kind: ValueKind.Bool } v ? v.Bool : null;

    [Theory]
    [InlineData("pregnant", "pregnant and evaluationDate() < date(\"2026-01-01\")", "2026-01-01")]
    [InlineData("pregnant", "pregnant and yearsBetween(date(\"2000-01-01\"), evaluationDate()) < 26", "2026-01-01")]
    [InlineData("pregnant or residenceMonths >= 288", "pregnant or residenceMonths >= yearsBetween(date(\"2000-01-01\"), evaluationDate()) * 12", "2025-01-01")]
    public void A_rule_that_stops_serving_residents_on_a_later_day_is_narrowed_with_a_resident_who_loses_then(string oldRule, string newRule, string day)
    {
        var from = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var diff = Compare(oldRule, newRule, new DateOnly(2024, 1, 1), new DateOnly(2024, 7, 1));

        var change = diff.Changes.Should().ContainSingle().Which.Eligibility!;
        change.Direction.Should().Be(EligibilityDirection.Narrowed, change.Note);
        change.Note.Should().Contain($"only from {day}");
        var loser = change.Lost.Should().ContainSingle().Which;
        Eligible(oldRule, loser, from).Should().BeTrue();
        Eligible(newRule, loser, from).Should().NotBe(true);
        Eligible(newRule, loser, from.AddDays(-1)).Should().BeTrue("before that day both rules serve the resident");
    }

    [Fact]
    public void Two_wordings_of_a_deadline_are_no_change_on_any_day()
    {
        var diff = Compare("pregnant and evaluationDate() < date(\"2026-01-01\")", "pregnant and addDays(evaluationDate(), 1) <= date(\"2026-01-01\")",
            new DateOnly(2024, 1, 1), new DateOnly(2025, 1, 1));

        diff.Changes.Should().BeEmpty();
    }

    [Fact]
    public void A_rule_true_in_long_months_only_is_never_reported_as_no_change()
    {
        // On both effective dates (1 January) the two rules agree; on 10 April they do not.
        var diff = Compare("pregnant", "pregnant and addMonths(evaluationDate(), 1) > addDays(evaluationDate(), 30)",
            new DateOnly(2024, 1, 1), new DateOnly(2025, 1, 1));

        var change = diff.Changes.Should().ContainSingle().Which.Eligibility!;
        change.Direction.Should().BeOneOf(EligibilityDirection.Narrowed, EligibilityDirection.Changed);
        change.Direction.Should().NotBe(EligibilityDirection.Equivalent);
    }
}
