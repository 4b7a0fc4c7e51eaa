using System.Collections.Immutable;
using StandardsKit.Model;

namespace StandardsKit.Engine;

/// <summary>Resolves the items of a chain of standards: national items, overlaid by local items that implement them.</summary>
internal static class Overlay
{
    public static ImmutableArray<EffectiveItem> Resolve(IReadOnlyList<StandardDocument> chain)
    {
        var layers = new Dictionary<string, List<ItemLayer>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var document in chain)
        {
            foreach (var item in document.Items)
            {
                if (item.Implements is { } target && layers.TryGetValue(target, out var existing))
                {
                    existing.Add(new ItemLayer(document, item));
                    continue;
                }

                // A local-only item, or one whose parent item is not in force on this date: it stands alone.
                if (!layers.ContainsKey(item.Id))
                {
                    layers[item.Id] = [new ItemLayer(document, item)];
                    order.Add(item.Id);
                }
            }
        }

        return [.. order.Select(id => new EffectiveItem([.. layers[id]]))];
    }
}
