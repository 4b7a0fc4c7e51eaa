using System.Collections.Immutable;
using StandardsKit.Compilation;
using StandardsKit.Model;

namespace StandardsKit.Engine;

/// <summary>One layer of an item: a standard edition and its definition of the item.</summary>
/// <param name="Document">The edition.</param>
/// <param name="Item">That edition's item.</param>
public sealed record ItemLayer(StandardDocument Document, ServiceItem Item);

/// <summary>A quantity in effect: the layer that sets it, and its tiers' compiled conditions in tier order.</summary>
internal sealed record EffectiveQuantity(Quantity Quantity, ItemLayer Layer, ImmutableArray<CompiledRule?> Conditions);

/// <summary>
/// An item as it applies in a jurisdiction chain: the national item overlaid by each local item that
/// implements it. The most specific eligibility, level text and quantity (by name) win; every layer stays
/// visible for citations and texts.
/// </summary>
/// <remarks>Immutable and thread-safe. The compiled rules it runs come from the catalog that resolved it.</remarks>
public sealed class EffectiveItem
{
    internal EffectiveItem(ImmutableArray<ItemLayer> layers, CompiledStandards compiled)
    {
        Layers = layers;
        var root = layers[0];
        Id = root.Item.Id;
        Number = root.Item.Number;
        Name = root.Item.Name;
        Kind = root.Item.Kind;
        var top = layers[^1];
        Jurisdiction = top.Document.Jurisdiction;
        LocalName = layers.Length > 1 && top.Item.Name.Zh != Name.Zh ? top.Item.Name : null;

        EligibilityLayer = RuleLayer(layers);
        Eligibility = EligibilityLayer?.Item.Eligibility;
        LevelText = layers.Select(l => l.Item.Level?.Text).LastOrDefault(t => t is not null);
        var quantities = QuantitiesOf(layers);
        Rule = Eligibility is { } rule ? compiled.Rule(rule) : null;
        Quantities = [.. quantities.Select(p => new EffectiveQuantity(p.Quantity, p.Layer, [.. p.Quantity.Tiers.Select(compiled.Condition)]))];
    }

    /// <summary>The most specific layer that states a rule; null when none does (every resident qualifies).</summary>
    internal static ItemLayer? RuleLayer(IEnumerable<ItemLayer> layers) => layers.LastOrDefault(l => l.Item.Eligibility is not null);

    /// <summary>The quantities in effect, by name in first-stated order, each from the most specific layer that sets it.</summary>
    internal static List<(Quantity Quantity, ItemLayer Layer)> QuantitiesOf(IEnumerable<ItemLayer> layers)
    {
        var quantities = new List<(Quantity Quantity, ItemLayer Layer)>();
        foreach (var layer in layers)
        {
            foreach (var q in layer.Item.Level?.Quantities ?? [])
            {
                var i = quantities.FindIndex(p => p.Quantity.Name == q.Name);
                if (i >= 0)
                {
                    quantities[i] = (q, layer);
                }
                else
                {
                    quantities.Add((q, layer));
                }
            }
        }

        return quantities;
    }

    /// <summary>The item id of the root layer.</summary>
    public string Id { get; }

    /// <summary>The root layer's number.</summary>
    public int? Number { get; }

    /// <summary>The root layer's name.</summary>
    public LocalizedText Name { get; }

    /// <summary>The most specific layer's name where it differs.</summary>
    public LocalizedText? LocalName { get; }

    /// <summary>The root layer's kind.</summary>
    public ItemKind Kind { get; }

    /// <summary>The most specific jurisdiction that defines the item.</summary>
    public string Jurisdiction { get; }

    /// <summary>Layers, national (or the defining local standard) first.</summary>
    public ImmutableArray<ItemLayer> Layers { get; }

    /// <summary>The effective eligibility rule.</summary>
    public Eligibility? Eligibility { get; }

    /// <summary>The layer the effective eligibility comes from.</summary>
    public ItemLayer? EligibilityLayer { get; }

    /// <summary>The effective level text.</summary>
    public LocalizedText? LevelText { get; }

    /// <summary>The effective eligibility rule, compiled.</summary>
    internal CompiledRule? Rule { get; }

    internal ImmutableArray<EffectiveQuantity> Quantities { get; }
}
