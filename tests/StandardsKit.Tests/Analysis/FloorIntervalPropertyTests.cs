using System.Collections.Immutable;
using CsCheck;
using FluentAssertions;
using StandardsKit.Analysis;
using StandardsKit.Engine;
using StandardsKit.Expressions;
using StandardsKit.Model;
using StandardsKit.Tests.TestSupport;
using Xunit;

namespace StandardsKit.Tests.Analysis;

/// <summary>
/// A floor obligation covers every day of an interval but is decided on its first day. Against brute force over
/// every resident of a small domain on every day of the interval: an interval the prover calls proved has no day
/// on which a resident loses, and a violated one has an example who loses on its first day. Rules read the
/// evaluation date in every way the language allows (age, calendar shifts of the birth date and of the day,
/// years since a fixed date, days to a fixed date), so the thresholds move inside the interval.
/// </summary>
public sealed class FloorIntervalPropertyTests
{
    private static readonly FactVocabulary Facts = Catalog.Default.Facts;
    private static readonly ImmutableArray<string> Counties = ["310104"];
    private static readonly ImmutableArray<string> AllCounties = new CountyDomain(Catalog.Default.Divisions).Preferred("310000");

    // Three weeks across a new year, a month end and age 65 of residents born around 1960-01-01.
    private static readonly DateOnly First = new(2024, 12, 20);
    private static readonly DateOnly Last = new(2025, 1, 10);

    private static readonly Gen<string> Atom = Gen.OneOf(
        Gen.Const("pregnant"),
        Gen.Int[64, 65].Select(k => $"age >= {k}"),
        Gen.Int[64, 65].Select(k => $"age < {k}"),
        Gen.Int[64, 65].Select(k => $"addYears(birthDate, {k}) <= evaluationDate()"),
        Gen.Int[779, 780].Select(k => $"addMonths(birthDate, {k}) <= evaluationDate()"),
        Gen.Int[23735, 23745].Select(k => $"addDays(birthDate, {k}) <= evaluationDate()"),
        Gen.Const("birthDate < date(\"1960-01-01\")"),
        Gen.Const("addYears(birthDate, 65) <= addMonths(evaluationDate(), 1)"),
        Gen.Int[24, 25].Select(k => $"yearsBetween(date(\"2000-01-01\"), evaluationDate()) >= {k}"),
        Gen.Const("evaluationDate() < date(\"2025-01-01\")"),
        Gen.Int[1, 15].Select(k => $"addDays(evaluationDate(), {k}) >= date(\"2025-01-01\")"),
        Gen.Const("residenceMonths >= yearsBetween(date(\"2000-01-01\"), evaluationDate()) * 12"),
        Gen.Int[299, 300].Select(k => $"residenceMonths >= {k}"),
        Gen.Const("addMonths(evaluationDate(), 1) > addDays(evaluationDate(), 30)"));

    private static readonly Gen<string> Rule = Gen.Frequency(
        (3, Atom),
        (2, Gen.Select(Atom, Atom, (a, b) => $"({a} and {b})")),
        (2, Gen.Select(Atom, Atom, (a, b) => $"({a} or {b})")),
        (1, Atom.Select(a => $"not ({a})")));

    private static readonly ImmutableArray<Resident> Residents = [.. EveryResident()];

    private static readonly int Days = Last.DayNumber - First.DayNumber + 1;

    private static readonly EvalFrame[] Frames = [.. Residents.SelectMany(r => Enumerable.Range(0, Days)
        .Select(d => FrameBuilder.Build(r, ModelBuilder.Layout, Counties[0], First.AddDays(d))))];

    private static readonly Dictionary<string, bool?[]> Answers = new(StringComparer.Ordinal);

    [Fact]
    public void No_interval_is_proved_on_which_some_resident_loses_on_some_day()
    {
        var decided = new Dictionary<ProofStatus, int>();
        Gen.Select(Rule, Rule).Sample((parentRule, childRule) =>
        {
            var parent = ModelBuilder.Effective(ModelBuilder.Item(parentRule));
            var child = ModelBuilder.Effective(ModelBuilder.Item(childRule));
            var (p, c) = (AnswersOf(parentRule), AnswersOf(childRule));
            foreach (var (from, until, result) in Intervals(parent, child, First, Last, splits: 0))
            {
                decided[result.Status] = decided.GetValueOrDefault(result.Status) + 1;
                var loser = Loser(p, c, from, until);
                var context = $"parent '{parentRule}', child '{childRule}', {from:yyyy-MM-dd}..{until:yyyy-MM-dd}: {result.Status} {result.Reason}";
                if (result.Status == ProofStatus.Proved)
                {
                    loser.Should().BeNull($"{context}; brute force: {loser}");
                }
                else if (result.Status == ProofStatus.Unsupported)
                {
                    // Only where one date fact is measured against the day in two ways whose thresholds drift apart.
                    result.Reason.Should().Contain("from one day to the next", context);
                }
                else
                {
                    var frame = FrameBuilder.Build(result.Example!, ModelBuilder.Layout, result.County!, from);
                    Eligible(parent, frame).Should().BeTrue(context);
                    Eligible(child, frame).Should().NotBe(true, context);
                }
            }
        }, iter: PropertyRuns.Of(200), threads: 1);

        // The check is not vacuous: both verdicts are reached often, and most obligations are decided.
        decided.GetValueOrDefault(ProofStatus.Proved).Should().BeGreaterThan(20, string.Join(", ", decided));
        decided.GetValueOrDefault(ProofStatus.Violated).Should().BeGreaterThan(20, string.Join(", ", decided));
        decided.GetValueOrDefault(ProofStatus.Unsupported).Should().BeLessThan(decided.Values.Sum() / 2, string.Join(", ", decided));
    }

    /// <summary>The prover's own loop: decide from the first day, split where a rule's answer changes, at most 64 times.</summary>
    private static IEnumerable<(DateOnly From, DateOnly Until, ObligationResult Result)> Intervals(
        EffectiveItem parent, EffectiveItem child, DateOnly from, DateOnly until, int splits)
    {
        var result = FloorObligation.Check(parent, child, Facts, from, Counties, AllCounties, multiDay: until > from, until: until);
        if (result.SplitAt is { } at && splits < 64)
        {
            at.Should().BeAfter(from).And.BeOnOrBefore(until);
            return Intervals(parent, child, from, at.AddDays(-1), splits + 1).Concat(Intervals(parent, child, at, until, splits + 1));
        }

        return [(from, until, result)];
    }

    /// <summary>A resident, on a day of the interval, whom the parent serves and the child does not.</summary>
    private static string? Loser(bool?[] parent, bool?[] child, DateOnly from, DateOnly until)
    {
        for (var r = 0; r < Residents.Length; r++)
        {
            for (var day = from; day <= until; day = day.AddDays(1))
            {
                var i = (r * Days) + day.DayNumber - First.DayNumber;
                if (parent[i] == true && child[i] != true)
                {
                    return $"{FloorProver.Describe(Residents[r])} on {day:yyyy-MM-dd}";
                }
            }
        }

        return null;
    }

    private static bool?[] AnswersOf(string rule)
    {
        if (!Answers.TryGetValue(rule, out var answers))
        {
            var compiled = ModelBuilder.Compile(rule);
            answers = [.. Frames.Select(f => compiled.Evaluate(f) is { Kind: ValueKind.Bool } v ? v.Bool : (bool?)null)];
            Answers[rule] = answers;
        }

        return answers;
    }

    private static bool? Eligible(EffectiveItem item, EvalFrame frame) =>
        item.Rule!.Evaluate(frame) is { Kind: ValueKind.Bool } v ? v.Bool : null;

    private static IEnumerable<Resident> EveryResident()
    {
        DateOnly?[] births = [null, .. Enumerable.Range(0, 40).Select(i => (DateOnly?)new DateOnly(1959, 12, 12).AddDays(i))];
        int?[] months = [null, 288, 299, 300];
        bool?[] flags = [null, false, true];
        foreach (var birth in births)
        {
            foreach (var m in months)
            {
                foreach (var pregnant in flags)
                {
                    var r = Resident.Empty;
                    r = birth is { } b ? r.With("birthDate", b) : r;
                    r = m is { } n ? r.With("residenceMonths", n) : r;
                    r = pregnant is { } p ? r.With("pregnant", p) : r;
                    yield return r;
                }
            }
        }
    }
}
