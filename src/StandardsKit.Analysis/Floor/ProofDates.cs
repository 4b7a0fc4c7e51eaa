using StandardsKit.Compilation;
using StandardsKit.Divisions;
using StandardsKit.Engine;
using StandardsKit.Expressions;
using StandardsKit.Model;

namespace StandardsKit.Analysis;

/// <summary>
/// The days on which anything an obligation depends on may change: the local edition's start, the start and
/// end of every edition along its own jurisdiction chain, dated values of the items involved, and the dates
/// its rules name (a rule comparing <c>evaluationDate()</c> with 2024-01-01 changes on that day and the next).
/// Only the item's own chain is read, so the cost per standard does not grow with the number of standards.
/// </summary>
internal static class ProofDates
{
    public static List<DateOnly> For(EditionIndex index, CompiledStandards compiled, StandardDocument local, ServiceItem item)
    {
        var first = local.EffectiveFrom;
        var last = index.LastDay(local) ?? DateOnly.MaxValue;
        var dates = new SortedSet<DateOnly> { first };
        void Add(DateOnly d)
        {
            if (d > first && d <= last)
            {
                dates.Add(d);
            }
        }

        var related = new List<ServiceItem> { item };
        foreach (var doc in JurisdictionChain.Of(local.Jurisdiction, index.Divisions).SelectMany(j => index.IssuedFor(j)))
        {
            Add(doc.EffectiveFrom);
            if (index.LastDay(doc) is { } end && end < DateOnly.MaxValue)
            {
                Add(end.AddDays(1));
            }

            related.AddRange(doc.Items.Where(i => i.Id == item.Implements || i.Implements == item.Implements || i.Id == item.Id));
        }

        foreach (var i in related)
        {
            foreach (var value in i.Level?.Quantities.SelectMany(q => q.Tiers).SelectMany(t => t.Values) ?? [])
            {
                Add(value.From);
            }

            foreach (var literal in compiled.RulesOf(i).SelectMany(r => DateLiterals(r.Expression.Syntax)))
            {
                Add(literal);
                if (literal < DateOnly.MaxValue)
                {
                    Add(literal.AddDays(1));
                }
            }
        }

        return [.. dates];
    }

    private static IEnumerable<DateOnly> DateLiterals(Expr e) =>
        e.Nodes().OfType<LiteralExpr>().Where(l => l.Value.Kind == ValueKind.Date).Select(l => l.Value.Date);
}
