using System.Collections.Immutable;
using StandardsKit.Model;

namespace StandardsKit.Diagnostics;

/// <summary>How much of an edition rests on each level of evidence: items, and every field, rule and level.</summary>
/// <param name="Standard"><c>id@edition</c>.</param>
/// <param name="Path">The file.</param>
/// <param name="Items">Item counts by evidence of the item itself.</param>
/// <param name="Fields">Counts over the five texts, eligibility rules and levels, by evidence.</param>
public sealed record ProvenanceSummary(string Standard, string Path, ImmutableDictionary<Evidence, int> Items, ImmutableDictionary<Evidence, int> Fields)
{
    /// <summary>Counts the evidence of one edition.</summary>
    public static ProvenanceSummary For(StandardDocument document)
    {
        var items = new Dictionary<Evidence, int>();
        var fields = new Dictionary<Evidence, int>();
        foreach (var item in document.Items)
        {
            Count(items, item.Provenance.Evidence);
            foreach (var provenance in Parts(item))
            {
                Count(fields, provenance.Evidence);
            }
        }

        return new ProvenanceSummary(document.Key, document.Path, items.ToImmutableDictionary(), fields.ToImmutableDictionary());
    }

    /// <summary>Every piece of an item with evidence of its own: the item, its texts, its rule and its level.</summary>
    public static IEnumerable<(string Part, Provenance Provenance)> PartsOf(ServiceItem item)
    {
        yield return ("item", item.Provenance);
        foreach (var (name, field) in item.Fields)
        {
            yield return (name, field.Provenance);
        }

        if (item.Eligibility?.Provenance is { } e)
        {
            yield return ("eligibility", e);
        }

        if (item.Level?.Provenance is { } l)
        {
            yield return ("level", l);
        }
    }

    private static IEnumerable<Provenance> Parts(ServiceItem item) => PartsOf(item).Skip(1).Select(p => p.Provenance);

    private static void Count(Dictionary<Evidence, int> counts, Evidence evidence) =>
        counts[evidence] = counts.GetValueOrDefault(evidence) + 1;
}
