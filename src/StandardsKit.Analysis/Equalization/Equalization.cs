using System.Collections.Immutable;
using System.Text.RegularExpressions;
using StandardsKit.Divisions;
using StandardsKit.Engine;
using StandardsKit.Diagnostics;
using StandardsKit.Model;

namespace StandardsKit.Analysis;

/// <summary>
/// Equalisation across every county-level unit: how each item in force stands against the national floor,
/// county by county, with distributions, roll-ups, the largest gaps and (given a population) the cost.
/// </summary>
/// <remarks>
/// Counties that share a chain of editions share their resolved items, levels and floor comparisons, which are
/// computed once per chain (per county only where a rule reads a division fact, so the answer may differ by
/// county). Thread-safe; each call is independent.
/// </remarks>
public static partial class Equalization
{
    /// <summary>Builds the report for every county-level unit (or those inside <see cref="EqualizationOptions.Within"/>) on a date.</summary>
    /// <exception cref="ArgumentException">The jurisdiction is unknown or holds no county, or an item id is in force in none of the counties.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="on"/> is outside the supported dates.</exception>
    public static EqualizationReport Run(Catalog catalog, DateOnly on, EqualizationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        options ??= new EqualizationOptions();
        var counties = Counties(catalog, options.Within);
        var chains = new Dictionary<string, ChainGroup>(StringComparer.Ordinal);
        var probes = new HukouProbe(catalog);
        var rows = ImmutableArray.CreateBuilder<CountyRow>(counties.Count);
        var byId = new Dictionary<string, EffectiveItem>(StringComparer.Ordinal);
        foreach (var county in counties)
        {
            var chain = catalog.ChainFor(county.Code, on);
            var key = string.Join("|", chain.Select(l => $"{l.Standard}@{l.Edition}"));
            if (!chains.TryGetValue(key, out var group))
            {
                chains[key] = group = new ChainGroup(catalog, county.Code, on, chain);
            }

            var statuses = group.Statuses(county.Code);
            var probe = probes.Evaluate(county.Code, on);
            var items = ImmutableArray.CreateBuilder<CountyItem>(group.Items.Length);
            foreach (var item in group.Items)
            {
                if (options.Items.Count > 0 && !options.Items.Contains(item.Id))
                {
                    continue;
                }

                byId.TryAdd(item.Id, item);
                var (status, above) = statuses[item.Id];
                items.Add(new CountyItem(item.Id, item.Jurisdiction, status, above, group.LagsNational(item), HukouProbe.Coverage(item, probe), group.Levels[item.Id]));
            }

            var province = county.Code[..2] + "0000";
            rows.Add(new CountyRow(county.Code, county.Name, province, Band(catalog, county.Code), chain, group.Lagging, items.ToImmutable()));
        }

        var missing = options.Items.Where(id => !byId.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            var hint = Suggestions.DidYouMean(missing[0], catalog.Documents.SelectMany(d => d.Items).Select(i => i.Id).Distinct());
            throw new ArgumentException($"item '{missing[0]}' is not in force in any county covered on {on:yyyy-MM-dd}" + (hint is null ? "" : $" — {hint}"), nameof(options));
        }

        var countyRows = rows.ToImmutable();
        return new EqualizationReport
        {
            On = on,
            NationalStandard = countyRows.Select(r => r.Chain.FirstOrDefault(l => l.Jurisdiction == DivisionCode.National))
                .Select(l => l is null ? "" : $"{l.Standard}@{l.Edition}").FirstOrDefault() ?? "",
            Within = options.Within,
            Counties = countyRows,
            Items = Summaries.Items(catalog, on, countyRows, byId),
            Provinces = Summaries.Provinces(catalog, countyRows),
            Gaps = Summaries.Gaps(countyRows, byId, options.GapCount),
            Cost = options.Population is { } population ? CostModel.Estimate(catalog, on, population, counties, byId.Keys.ToHashSet(StringComparer.Ordinal), options.Items.Count > 0) : null,
        };
    }

    internal static decimal? Band(Catalog catalog, string code) =>
        catalog.Attributes.Find("fiscalBand") is null ? null : catalog.Attributes.ValueOf(code, "fiscalBand").Value as decimal?;

    /// <summary>The county-level units (divisions without children) inside the jurisdiction, in code order.</summary>
    private static List<Division> Counties(Catalog catalog, string? within)
    {
        if (within is not null && within != DivisionCode.National && catalog.Divisions.Find(within) is null)
        {
            throw new ArgumentException($"unknown division code '{within}'", nameof(within));
        }

        var parents = catalog.Divisions.All.Select(d => d.Parent).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var counties = catalog.Divisions.All
            .Where(d => !parents.Contains(d.Code) && (within is null || DivisionCode.IsWithin(d.Code, within)))
            .OrderBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
        return counties.Count > 0 ? counties : throw new ArgumentException($"no county-level unit lies in '{within}'", nameof(within));
    }

    /// <summary>Word match of a fact name in a rule's text, e.g. <c>hukou</c> but not <c>ruralHukou</c>.</summary>
    internal static bool Mentions(string? text, string fact) =>
        text is not null && Regex.IsMatch(text, $@"(?<![A-Za-z0-9_]){Regex.Escape(fact)}(?![A-Za-z0-9_])");

    internal static IEnumerable<string> RuleTexts(EffectiveItem item) => item.Layers.SelectMany(l =>
        new[] { l.Item.Eligibility?.When }.Concat(l.Item.Level?.Quantities.SelectMany(q => q.Tiers.Select(t => t.When)) ?? []))
        .OfType<string>();
}
