using System.Collections.Immutable;
using StandardsKit.Divisions;
using StandardsKit.Engine;
using StandardsKit.Model;

namespace StandardsKit.Diff;

/// <summary>
/// One side of a diff as the engine would read it: an item's effective rule and quantities on its edition's
/// first day, found along the jurisdiction chain exactly as evaluation overlays (<see cref="Overlay"/>), from the
/// side's own documents and, for parents the side does not hold, the standards in use.
/// </summary>
internal sealed class SideDefinitions
{
    private readonly EditionIndex _index;

    public SideDefinitions(IReadOnlyList<StandardDocument> side, IReadOnlyList<StandardDocument>? parents, IDivisionDirectory divisions)
    {
        // The side's own editions win over the standards in use: a diff of a revised parent reads the revision.
        var keys = side.Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        _index = new EditionIndex([.. side, .. (parents ?? []).Where(p => !keys.Contains(p.Key))], divisions);
    }

    /// <summary>
    /// The layers of <paramref name="item"/> on the first day of <paramref name="document"/> on which its parent is
    /// in force (a local edition may start before its parent edition, SK0214), the item itself last; null when an
    /// item that implements a parent finds none while the edition is in force (so what it inherits is unknown).
    /// </summary>
    public ImmutableArray<ItemLayer>? Layers(StandardDocument document, ServiceItem item)
    {
        var last = _index.LastDay(document);
        var parentStarts = JurisdictionChain.Of(document.Jurisdiction, _index.Divisions)
            .Where(j => j != document.Jurisdiction)
            .SelectMany(j => _index.IssuedFor(j))
            .Select(d => d.EffectiveFrom)
            .Where(d => d > document.EffectiveFrom && (last is null || d <= last))
            .Order();
        foreach (var on in parentStarts.Prepend(document.EffectiveFrom))
        {
            if (LayersOn(document, item, on) is { } layers)
            {
                return layers;
            }
        }

        return null;
    }

    private ImmutableArray<ItemLayer>? LayersOn(StandardDocument document, ServiceItem item, DateOnly on)
    {
        var chain = _index.InForce(document.Jurisdiction, on);
        if (!chain.Any(d => ReferenceEquals(d, document)))
        {
            // An edition not in force on its own first day (a same-day successor): read it against its parents alone.
            chain = [.. chain.Where(d => d.Jurisdiction != document.Jurisdiction), document];
        }

        var layers = Overlay.Layers(chain).FirstOrDefault(l => l.Any(x => ReferenceEquals(x.Item, item)));
        if (layers.IsDefault)
        {
            return null;
        }

        layers = [.. layers.TakeWhile(l => !ReferenceEquals(l.Item, item)), layers.First(l => ReferenceEquals(l.Item, item))];
        return item.Implements is not null && layers.Length == 1 ? null : layers;
    }

    /// <summary>The rule in effect and the edition it comes from when inherited; null when unknown (see <see cref="Layers"/>).</summary>
    public (Eligibility? Rule, string? From)? Rule(StandardDocument document, ServiceItem item)
    {
        if (item.Eligibility is { } own)
        {
            return (own, null);
        }

        if (Layers(document, item) is not { } layers)
        {
            return null;
        }

        var layer = EffectiveItem.RuleLayer(layers);
        return (layer?.Item.Eligibility, layer?.Document.Key);
    }

    /// <summary>The quantities in effect, each with the edition it is inherited from (null for the item's own).</summary>
    public List<(Quantity Quantity, string? From)> Quantities(StandardDocument document, ServiceItem item)
    {
        if (Layers(document, item) is not { } layers)
        {
            return [.. (item.Level?.Quantities ?? []).Select(q => (q, (string?)null))];
        }

        return [.. EffectiveItem.QuantitiesOf(layers).Select(p => (p.Quantity, ReferenceEquals(p.Layer.Item, item) ? null : p.Layer.Document.Key))];
    }
}
