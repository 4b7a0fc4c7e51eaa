using System.Collections.Immutable;
using StandardsKit.Model;

namespace StandardsKit.Engine;

/// <summary>Resolves the items of a chain of standards: national items, overlaid by local items that implement them.</summary>
internal static class Overlay
{
    public static ImmutableArray<EffectiveItem> Resolve(IReadOnlyList<StandardDocument> chain)
    {
        var layers = new Dictionary<string, List<ItemLayer>>(StringComparer.Ordinal);

        // Every layer's own id leads to its root, so a city may implement its province's item by the
        // province's id (implements: sc-maternal-care) as well as by the national id.
        var roots = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var document in chain)
        {
            foreach (var item in document.Items)
            {
                if (item.Implements is { } target && roots.TryGetValue(target, out var root))
                {
                    layers[root].Add(new ItemLayer(document, item));
                    roots.TryAdd(item.Id, root);
                    continue;
                }

                // A local-only item, or one whose parent item is not in force on this date: it stands alone.
                // (An id that collides with one already in the chain is rejected when loading.)
                if (roots.TryAdd(item.Id, item.Id))
                {
                    layers[item.Id] = [new ItemLayer(document, item)];
                    order.Add(item.Id);
                }
            }
        }

        return [.. order.Select(id => new EffectiveItem([.. layers[id]]))];
    }
}
