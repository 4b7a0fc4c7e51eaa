using System.Collections.Concurrent;
using System.Collections.Immutable;
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
/// </summary>
/// <remarks>
/// Only the item's own chain is read, and items are found by what they implement through an index built once,
/// so the cost per standard does not grow with the number of standards. Thread-safe.
/// </remarks>
internal sealed class ProofDates(EditionIndex index, CompiledStandards compiled)
{
    private readonly ConcurrentDictionary<StandardDocument, ILookup<string, ServiceItem>> _byTarget = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<ServiceItem, ImmutableArray<DateOnly>> _itemDates = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<string, ImmutableArray<(StandardDocument Document, DateOnly From, DateOnly? End)>> _chains = new(StringComparer.Ordinal);

    public List<DateOnly> For(StandardDocument local, ServiceItem item)
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

        foreach (var (doc, from, end) in Chain(local.Jurisdiction))
        {
            Add(from);
            if (end is { } e && e < DateOnly.MaxValue)
            {
                Add(e.AddDays(1));
            }

            // The items this obligation can involve: the parent item, every item implementing it, the item itself.
            var items = ByTarget(doc);
            foreach (var related in items[item.Implements!].Concat(items[item.Id]).Append(item))
            {
                foreach (var d in DatesOf(related))
                {
                    Add(d);
                }
            }
        }

        return [.. dates];
    }

    /// <summary>Every edition issued along the chain of <paramref name="jurisdiction"/>, with its first and last day.</summary>
    private ImmutableArray<(StandardDocument Document, DateOnly From, DateOnly? End)> Chain(string jurisdiction) =>
        _chains.GetOrAdd(jurisdiction, j => [.. JurisdictionChain.Of(j, index.Divisions).Distinct(StringComparer.Ordinal)
            .SelectMany(code => index.IssuedFor(code)).Select(d => (d, d.EffectiveFrom, index.LastDay(d)))]);

    /// <summary>A document's items by their own id and by the id they implement.</summary>
    private ILookup<string, ServiceItem> ByTarget(StandardDocument document) => _byTarget.GetOrAdd(document, d =>
        d.Items.SelectMany(i => i.Implements is { } target && target != i.Id ? new[] { (i.Id, i), (target, i) } : [(i.Id, i)])
            .ToLookup(p => p.Item1, p => p.i, StringComparer.Ordinal));

    /// <summary>The days an item's own content changes on: its dated values, and each date its rules name and the day after.</summary>
    private ImmutableArray<DateOnly> DatesOf(ServiceItem item) => _itemDates.GetOrAdd(item, i =>
    {
        var values = i.Level?.Quantities.SelectMany(q => q.Tiers).SelectMany(t => t.Values).Select(v => v.From) ?? [];
        var literals = compiled.RulesOf(i).SelectMany(r => DateLiterals(r.Expression.Syntax))
            .SelectMany(d => d < DateOnly.MaxValue ? new[] { d, d.AddDays(1) } : [d]);
        return [.. values.Concat(literals).Distinct()];
    });

    private static IEnumerable<DateOnly> DateLiterals(Expr e) =>
        e.Nodes().OfType<LiteralExpr>().Where(l => l.Value.Kind == ValueKind.Date).Select(l => l.Value.Date);
}
