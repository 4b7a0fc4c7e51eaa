using System.Collections.Immutable;
using StandardsKit.Engine;
using StandardsKit.Model;

namespace StandardsKit.Analysis;

/// <summary>
/// What every county sharing one chain of editions has in common: the resolved items, their levels against the
/// floor, which local standards lag, and the floor comparison (per county only where a rule reads a division fact).
/// </summary>
internal sealed class ChainGroup
{
    private readonly Catalog _catalog;
    private readonly DateOnly _on;
    private readonly HashSet<string> _inForce;
    private readonly bool _perCounty;
    private Dictionary<string, (EqualizationStatus, ImmutableArray<string>)>? _shared;

    public ChainGroup(Catalog catalog, string county, DateOnly on, ImmutableArray<ChainLink> chain)
    {
        _catalog = catalog;
        _on = on;
        Items = catalog.ItemsInForce(county, on);
        _inForce = chain.Select(l => $"{l.Standard}@{l.Edition}").ToHashSet(StringComparer.Ordinal);
        Lagging = [.. Documents(chain).Where(Lags).Select(d => d.Key)];
        Levels = Items.ToDictionary(i => i.Id, i => LevelsOf(i, on), StringComparer.Ordinal);

        // The floor comparison reads the county only through division facts; without them one county speaks for all.
        var divisionFacts = catalog.Facts.Facts.Where(f => f.Kind == FactKind.Division).Select(f => f.Name).ToList();
        _perCounty = Items.Where(i => i.Layers.Length > 1)
            .Any(i => Equalization.RuleTexts(i).Any(text => divisionFacts.Any(f => Equalization.Mentions(text, f))));
    }

    public ImmutableArray<EffectiveItem> Items { get; }

    /// <summary>Local standards in force here written against a national (or parent) edition no longer in force.</summary>
    public ImmutableArray<string> Lagging { get; }

    public Dictionary<string, ImmutableArray<QuantityLevel>> Levels { get; }

    public bool LagsNational(EffectiveItem item) => item.Layers.Skip(1).Any(l => Lags(l.Document));

    public Dictionary<string, (EqualizationStatus Status, ImmutableArray<string> Above)> Statuses(string county)
    {
        if (!_perCounty && _shared is not null)
        {
            return _shared;
        }

        var statuses = FloorReport.For(_catalog, county, _on).ToDictionary(r => r.Item, r => (Map(r.Status), r.Above), StringComparer.Ordinal);
        if (!_perCounty)
        {
            _shared = statuses;
        }

        return statuses;
    }

    private bool Lags(StandardDocument document) => !document.IsNational && document.Extends is { } parent && !_inForce.Contains(parent);

    private IEnumerable<StandardDocument> Documents(ImmutableArray<ChainLink> chain) =>
        chain.Select(l => _catalog.Documents.First(d => d.Id == l.Standard && d.Edition == l.Edition));

    private static EqualizationStatus Map(FloorStatus status) => status switch
    {
        FloorStatus.National or FloorStatus.AtFloor => EqualizationStatus.AtFloor,
        FloorStatus.AboveFloor => EqualizationStatus.AboveFloor,
        FloorStatus.BelowFloor => EqualizationStatus.BelowFloor,
        FloorStatus.LocalOnly => EqualizationStatus.LocalOnly,
        _ => EqualizationStatus.Undecided,
    };

    private static ImmutableArray<QuantityLevel> LevelsOf(EffectiveItem item, DateOnly on)
    {
        var national = item.Layers[0].Document.IsNational ? item.Layers[0].Item.Level?.Quantities ?? [] : [];
        var levels = ImmutableArray.CreateBuilder<QuantityLevel>(item.Quantities.Length);
        foreach (var (quantity, layer, _) in item.Quantities)
        {
            var values = TierValues(quantity, on);
            decimal? value = values.IsEmpty ? null : values[^1];
            var floorValues = national.FirstOrDefault(q => q.Name == quantity.Name) is { } n ? TierValues(n, on) : [];
            decimal? floor = floorValues.IsEmpty ? null : floorValues[^1];
            decimal? ratio = value is { } v && floor is > 0 ? decimal.Round(v / floor.Value, 4) : null;
            levels.Add(new QuantityLevel(quantity.Name, quantity.Unit, values, value, floor, ratio, layer.Document.Jurisdiction));
        }

        return levels.ToImmutable();
    }

    private static ImmutableArray<decimal> TierValues(Quantity quantity, DateOnly on) =>
        [.. quantity.Tiers.Select(t => t.ValueOn(on)).OfType<decimal>().Distinct().Order()];
}
