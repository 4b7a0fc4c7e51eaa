using System.Collections.Immutable;
using StandardsKit.Engine;

namespace StandardsKit.Analysis;

/// <summary>Roll-ups of the county rows: per item, per province, and the largest gaps.</summary>
internal static class Summaries
{
    public static ImmutableArray<ItemSummary> Items(Catalog catalog, DateOnly on, ImmutableArray<CountyRow> rows, Dictionary<string, EffectiveItem> byId)
    {
        var cells = rows.SelectMany(r => r.Items.Select(i => (Row: r, Item: i))).GroupBy(p => p.Item.Item, StringComparer.Ordinal);
        var summaries = new List<(int Order, ItemSummary Summary)>();
        foreach (var group in cells)
        {
            var item = byId[group.Key];
            var list = group.ToList();
            var statuses = list.GroupBy(p => p.Item.Status).ToImmutableDictionary(g => g.Key, g => g.Count());
            var above = statuses.GetValueOrDefault(EqualizationStatus.AboveFloor);
            var quantities = list.SelectMany(p => p.Item.Quantities).GroupBy(q => q.Name, StringComparer.Ordinal)
                .Select(g => Distribution(g.ToList())).ToImmutableArray();
            var first = list[0].Row.County;
            summaries.Add((Order(item), new ItemSummary(item.Id, item.Name, list.Count, statuses, decimal.Round((decimal)above / list.Count, 4),
                list.Count(p => p.Item.LagsNational), list.GroupBy(p => p.Item.NonHukou).ToImmutableDictionary(g => g.Key, g => g.Count()),
                quantities, catalog.FundingFor(item, first, on))));
        }

        return [.. summaries.OrderBy(s => s.Order).ThenBy(s => s.Summary.Item, StringComparer.Ordinal).Select(s => s.Summary)];
    }

    public static ImmutableArray<ProvinceSummary> Provinces(Catalog catalog, ImmutableArray<CountyRow> rows) =>
    [
        .. rows.GroupBy(r => r.Province, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new ProvinceSummary(
            g.Key,
            catalog.Divisions.Find(g.Key)?.Name ?? g.Key,
            Equalization.Band(catalog, g.Key),
            g.Count(),
            g.Count(r => r.Chain.Length > 1),
            g.Count(r => r.Items.Any(i => i.Status == EqualizationStatus.AboveFloor)),
            g.Count(r => r.Items.Any(i => i.Status == EqualizationStatus.BelowFloor)),
            g.Count(r => !r.Lagging.IsEmpty),
            [.. g.SelectMany(r => r.Items).Where(i => i.Status == EqualizationStatus.AboveFloor).Select(i => i.Item).Distinct().Order(StringComparer.Ordinal)])),
    ];

    /// <summary>
    /// Levels that differ from the national floor, one entry per (setting jurisdiction, item, quantity, level) with
    /// the number of counties that have it; ranked by distance from the floor (×2 and ÷2 are as far), then by
    /// counties. Levels with no national amount to compare follow, most counties first.
    /// </summary>
    public static ImmutableArray<LevelGap> Gaps(ImmutableArray<CountyRow> rows, Dictionary<string, EffectiveItem> byId, int count)
    {
        var gaps = rows.SelectMany(r => r.Items.Where(i => i.Status != EqualizationStatus.LocalOnly)
                .SelectMany(i => i.Quantities.Where(q => q.Value is not null && q.Floor != q.Value).Select(q => (Item: i.Item, Q: q))))
            .GroupBy(p => (p.Item, p.Q.Name, p.Q.Jurisdiction, p.Q.Value, p.Q.Floor))
            .Select(g => new LevelGap(g.Key.Item, byId[g.Key.Item].Name, g.Key.Name, g.First().Q.Unit, g.Key.Jurisdiction, g.Key.Value!.Value, g.Key.Floor, g.First().Q.Ratio, g.Count()));
        return
        [
            .. gaps.OrderBy(g => g.Ratio is null)
                .ThenByDescending(g => g.Ratio is { } r and > 0 ? Math.Max(r, 1 / r) : 0)
                .ThenByDescending(g => g.Counties)
                .ThenBy(g => g.Item, StringComparer.Ordinal)
                .ThenBy(g => g.Jurisdiction, StringComparer.Ordinal)
                .Take(count),
        ];
    }

    private static int Order(EffectiveItem item) => (item.Layers[0].Document.IsNational ? 0 : 100_000) + (item.Number ?? 99_999);

    private static QuantityDistribution Distribution(List<QuantityLevel> levels)
    {
        var values = levels.Where(l => l.Value is not null).Select(l => l.Value!.Value).Order().ToList();
        var floor = levels.Select(l => l.Floor).FirstOrDefault(f => f is not null);
        var median = values.Count == 0 ? 0 : values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
        return new QuantityDistribution(levels[0].Name, levels[0].Unit, floor, values.Count,
            values.Count == 0 ? 0 : values[0], median, values.Count == 0 ? 0 : values[^1],
            floor is { } f ? values.Count(v => v > f) : 0,
            [.. values.GroupBy(v => v).Select(g => (g.Key, g.Count()))]);
    }
}
