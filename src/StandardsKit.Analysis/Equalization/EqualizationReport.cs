using System.Collections.Immutable;
using StandardsKit.Engine;
using StandardsKit.Funding;
using StandardsKit.Model;

namespace StandardsKit.Analysis;

/// <summary>
/// The national standard across every county-level unit on one date: per county and item the defining jurisdiction,
/// the levels against the national floor, the status, whether the local standard lags the national edition and
/// whether residents with another province's hukou are served; per item and per province, the distribution; the
/// largest gaps; and, given a population, the cost and who pays it.
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed record EqualizationReport
{
    /// <summary>The date.</summary>
    public required DateOnly On { get; init; }

    /// <summary>The national edition in force.</summary>
    public required string NationalStandard { get; init; }

    /// <summary>The jurisdiction the counties were limited to, if any.</summary>
    public string? Within { get; init; }

    /// <summary>One row per county-level unit, in code order; each appears once.</summary>
    public required ImmutableArray<CountyRow> Counties { get; init; }

    /// <summary>Per item: how it stands across the counties where it is in force.</summary>
    public required ImmutableArray<ItemSummary> Items { get; init; }

    /// <summary>Per province: counties, local standards, items above the floor.</summary>
    public required ImmutableArray<ProvinceSummary> Provinces { get; init; }

    /// <summary>The largest distances from the national floor, per defining jurisdiction, item and quantity.</summary>
    public required ImmutableArray<LevelGap> Gaps { get; init; }

    /// <summary>The cost under the rules for the population given; null without one.</summary>
    public CostReport? Cost { get; init; }
}

/// <summary>One county-level unit.</summary>
/// <param name="County">Its code.</param>
/// <param name="Name">Its name.</param>
/// <param name="Province">Its province's code.</param>
/// <param name="FiscalBand">Its fiscal band, null when unknown.</param>
/// <param name="Chain">The standards in force along its chain, national first.</param>
/// <param name="Lagging">Local standards in force here written against a national edition that is no longer in force (<c>id@edition</c>).</param>
/// <param name="Items">Every item in force, in decision order.</param>
public sealed record CountyRow(string County, string Name, string Province, decimal? FiscalBand, ImmutableArray<ChainLink> Chain,
    ImmutableArray<string> Lagging, ImmutableArray<CountyItem> Items);

/// <summary>One item in one county.</summary>
/// <param name="Item">Item id.</param>
/// <param name="Jurisdiction">The most specific jurisdiction defining it.</param>
/// <param name="Status">Against the national floor.</param>
/// <param name="Above">What goes above the floor (from the floor proof), empty otherwise.</param>
/// <param name="LagsNational">True when a local layer of the item was written against a national edition no longer in force.</param>
/// <param name="NonHukou">Whether a resident with another province's hukou who lives here is served.</param>
/// <param name="Quantities">Each quantity's level and its ratio to the floor.</param>
public sealed record CountyItem(string Item, string Jurisdiction, EqualizationStatus Status, ImmutableArray<string> Above, bool LagsNational,
    NonHukouCoverage NonHukou, ImmutableArray<QuantityLevel> Quantities);

/// <summary>A quantity's level in a county against the national floor.</summary>
/// <param name="Name">Quantity name.</param>
/// <param name="Unit">Unit.</param>
/// <param name="Values">The distinct tier values on the date, ascending (a tiered amount has several).</param>
/// <param name="Value">The headline level: the highest tier value; null when no tier has a value yet.</param>
/// <param name="Floor">The national standard's highest tier value for the same quantity; null when the national standard sets none.</param>
/// <param name="Ratio">Value ÷ floor (rounded to 4 places); null without both.</param>
/// <param name="Jurisdiction">The jurisdiction whose standard sets the quantity.</param>
public sealed record QuantityLevel(string Name, string Unit, ImmutableArray<decimal> Values, decimal? Value, decimal? Floor, decimal? Ratio, string Jurisdiction);

/// <summary>One item across the counties where it is in force.</summary>
/// <param name="Item">Item id.</param>
/// <param name="Name">National name (or the local name of a local-only item).</param>
/// <param name="Counties">Counties where it is in force.</param>
/// <param name="Statuses">How many counties have each status.</param>
/// <param name="ShareAboveFloor">Share of those counties where it is above the floor, 0 to 1 (4 places).</param>
/// <param name="Lagging">Counties where a local layer lags the national edition.</param>
/// <param name="NonHukou">How many counties cover, do not cover, or may cover residents with another province's hukou.</param>
/// <param name="Quantities">The distribution of each quantity's headline level over the counties.</param>
/// <param name="Funding">Who pays, as decided for the first county where the item is in force (the category is national; the share varies by county).</param>
public sealed record ItemSummary(string Item, LocalizedText Name, int Counties, ImmutableDictionary<EqualizationStatus, int> Statuses, decimal ShareAboveFloor,
    int Lagging, ImmutableDictionary<NonHukouCoverage, int> NonHukou, ImmutableArray<QuantityDistribution> Quantities, FundingDecision? Funding);

/// <summary>A quantity's headline level over the counties where its item is in force.</summary>
/// <param name="Name">Quantity name.</param>
/// <param name="Unit">Unit.</param>
/// <param name="Floor">The national floor (highest national tier value), or null.</param>
/// <param name="Counties">Counties with a value.</param>
/// <param name="Min">Lowest level.</param>
/// <param name="Median">Median level (the mean of the two middle values for an even count).</param>
/// <param name="Max">Highest level.</param>
/// <param name="AboveFloor">Counties whose level exceeds the floor.</param>
/// <param name="Levels">Each distinct level with how many counties have it, ascending: the chart's data.</param>
public sealed record QuantityDistribution(string Name, string Unit, decimal? Floor, int Counties, decimal Min, decimal Median, decimal Max, int AboveFloor,
    ImmutableArray<(decimal Level, int Counties)> Levels);

/// <summary>One province.</summary>
/// <param name="Province">Its code.</param>
/// <param name="Name">Its name.</param>
/// <param name="FiscalBand">The province's own band (a 计划单列市 inside may differ), null when unknown.</param>
/// <param name="Counties">Its county-level units.</param>
/// <param name="WithLocalStandard">Counties where at least one local standard is in force.</param>
/// <param name="AboveFloor">Counties where at least one item is above the floor.</param>
/// <param name="BelowFloor">Counties where at least one item is below the floor.</param>
/// <param name="Lagging">Counties where a local standard lags the national edition.</param>
/// <param name="ItemsAboveFloor">Item ids above the floor in at least one of its counties.</param>
public sealed record ProvinceSummary(string Province, string Name, decimal? FiscalBand, int Counties, int WithLocalStandard, int AboveFloor, int BelowFloor,
    int Lagging, ImmutableArray<string> ItemsAboveFloor);

/// <summary>A distance from the national floor shared by every county a jurisdiction's standard covers.</summary>
/// <param name="Item">Item id.</param>
/// <param name="Name">Item name.</param>
/// <param name="Quantity">Quantity name.</param>
/// <param name="Unit">Unit.</param>
/// <param name="Jurisdiction">The jurisdiction whose standard sets the level.</param>
/// <param name="Value">The local level.</param>
/// <param name="Floor">The national floor; null when the national standard sets no amount.</param>
/// <param name="Ratio">Value ÷ floor; null without a floor.</param>
/// <param name="Counties">How many counties have this level.</param>
public sealed record LevelGap(string Item, LocalizedText Name, string Quantity, string Unit, string Jurisdiction, decimal Value, decimal? Floor, decimal? Ratio, int Counties);
