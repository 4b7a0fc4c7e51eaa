using System.Collections.Immutable;
using StandardsKit.Compilation;
using StandardsKit.Model;

namespace StandardsKit.Engine;

/// <summary>Resolves the items of a chain of standards: national items, overlaid by local items that implement them.</summary>
internal static class Overlay
{
    public static ImmutableArray<EffectiveItem> Resolve(IReadOnlyList<StandardDocument> chain, CompiledStandards compiled) =>
        [.. Layers(chain).Select(layers => new EffectiveItem(layers, compiled))];

    /// <summary>Each item of the chain with its layers, national (or the defining local standard) first; items in decision order.</summary>
    public static List<ImmutableArray<ItemLayer>> Layers(IReadOnlyList<StandardDocument> chain)
    {
        var layers = new Dictionary<string, List<ItemLayer>>(StringComparer.Ordinal);

        // Every layer's own id leads to its root, so a city may implement its province's item by the
        // province's id (implements: sc-maternal-care) as well as by the national id.
        var roots = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new List<string>();

        // An item overlays only what its parent defines (Parentage): the generations above its own jurisdiction.
        // Its own generation's ids become visible to the generations below once the whole generation is read.
        foreach (var generation in Parentage.Generations(chain))
        {
            var added = new List<(string Id, string Root)>();
            foreach (var document in generation)
            {
                foreach (var item in document.Items)
                {
                    if (item.Implements is { } target && roots.TryGetValue(target, out var root))
                    {
                        layers[root].Add(new ItemLayer(document, item));
                        added.Add((item.Id, root));
                        continue;
                    }

                    // A local-only item, or one whose parent item is not in force on this date: it stands alone.
                    // Ids may not collide along a chain (loading rejects it), so nothing is hidden here.
                    if (!roots.ContainsKey(item.Id) && !layers.ContainsKey(item.Id))
                    {
                        layers[item.Id] = [new ItemLayer(document, item)];
                        order.Add(item.Id);
                        added.Add((item.Id, item.Id));
                    }
                }
            }

            foreach (var (id, root) in added)
            {
                roots.TryAdd(id, root);
            }
        }

        return [.. order.Select(id => layers[id].ToImmutableArray())];
    }
}
