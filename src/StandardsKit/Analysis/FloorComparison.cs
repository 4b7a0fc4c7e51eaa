using System.Collections.Immutable;
using System.Globalization;
using StandardsKit.Engine;
using StandardsKit.Model;

namespace StandardsKit.Analysis;

/// <summary>
/// How a definition compares with its parent's for every resident of the covering <see cref="ResidentSpace"/>
/// on one date: who is no longer served, which quantities fall below, and what lies above the floor.
/// </summary>
internal sealed record FloorComparison(
    Resident? NarrowedFor,
    ImmutableArray<FloorComparison.Shortfall> Below,
    ImmutableArray<string> Above,
    bool Exhaustive,
    long SpaceSize)
{
    public static FloorComparison Of(EffectiveItem parent, EffectiveItem child, FactVocabulary facts, string county, DateOnly on)
    {
        var space = ResidentSpace.For(Conditions(parent).Concat(Conditions(child)), facts, [on]);
        Resident? narrowed = null;
        var below = new Dictionary<string, Shortfall>(StringComparer.Ordinal);
        var above = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var resident in space.Residents())
        {
            Decision p, c;
            try
            {
                var frame = FrameBuilder.Build(resident, facts, county, on);
                p = DecisionMaker.Decide(parent, frame, facts);
                c = DecisionMaker.Decide(child, frame, facts);
            }
            catch (ResidentException)
            {
                continue; // an impossible resident (born after the date) is no counterexample
            }

            if (p.Eligible == true && c.Eligible != true)
            {
                narrowed ??= resident;
                continue;
            }

            if (p.Eligible != true && c.Eligible == true)
            {
                above.Add("eligibility widened");
            }

            if (p.Eligible != true || c.Eligible != true)
            {
                continue;
            }

            foreach (var cq in c.Level?.Quantities ?? [])
            {
                if (p.Level?.Quantities.Any(q => q.Name == cq.Name) != true)
                {
                    above.Add($"{cq.Name} {Show(cq.Value)} {cq.Unit} where the parent sets no amount");
                }
            }

            foreach (var pq in p.Level?.Quantities ?? [])
            {
                if (pq.Value is not { } parentValue)
                {
                    continue; // undetermined amount: the space assigns every fact the tiers use, so this does not occur
                }

                var cq = c.Level?.Quantities.FirstOrDefault(q => q.Name == pq.Name);
                if (cq is null || cq.Unit != pq.Unit || cq.Value < parentValue)
                {
                    below.TryAdd(pq.Name, new Shortfall(pq.Name, parentValue, cq?.Value, pq.Unit, cq?.Unit, resident));
                }
                else if (cq.Value > parentValue)
                {
                    above.Add($"{pq.Name} {Show(cq.Value)} > {Show(parentValue)} {pq.Unit}");
                }
            }
        }

        return new FloorComparison(narrowed, [.. below.Values], [.. above], space.IsExhaustive, space.Size);
    }

    public bool IsBelowFloor => NarrowedFor is not null || !Below.IsEmpty;

    private static IEnumerable<Expressions.CompiledExpression> Conditions(EffectiveItem item)
    {
        if (item.Eligibility is { } e)
        {
            yield return e.Compiled;
        }

        foreach (var (q, _) in item.Quantities)
        {
            foreach (var tier in q.Tiers)
            {
                if (tier.Condition is { } c)
                {
                    yield return c;
                }
            }
        }
    }

    internal static string Show(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    internal static string Show(decimal? d) => d is { } v ? Show(v) : "undetermined";

    /// <summary>A quantity below the parent's for a resident.</summary>
    internal sealed record Shortfall(string Quantity, decimal ParentValue, decimal? Value, string ParentUnit, string? Unit, Resident Resident);
}
