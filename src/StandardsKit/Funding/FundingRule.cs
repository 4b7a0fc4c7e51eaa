using System.Collections.Immutable;
using StandardsKit.Diagnostics;
using StandardsKit.Model;

namespace StandardsKit.Funding;

/// <summary>Who pays for one item under a plan: its category, the plan item it falls under, shares, evidence.</summary>
/// <remarks>Immutable.</remarks>
public sealed record FundingRule
{
    /// <summary>The item id (national, or local in a local plan); empty for a plan's rule for local-only items.</summary>
    public required string Item { get; init; }

    /// <summary>The plan item number it falls under, if any.</summary>
    public int? PlanItem { get; init; }

    /// <summary>Evidence that the item falls under that plan item.</summary>
    public Provenance? Mapping { get; init; }

    /// <summary>The category.</summary>
    public required FundingCategory Category { get; init; }

    /// <summary>Evidence for the category.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>Shares for fixed-ratio and regional-ratio items, first match wins.</summary>
    public ImmutableArray<CentralShare> Shares { get; init; } = [];

    /// <summary>Evidence for the shares.</summary>
    public Provenance? SharesProvenance { get; init; }

    /// <summary>How many days a year a per-day amount is paid, if the plan's data say.</summary>
    public int? DaysPerYear { get; init; }

    /// <summary>Evidence for <see cref="DaysPerYear"/>.</summary>
    public Provenance? DaysPerYearProvenance { get; init; }

    /// <summary>Where the rule is written.</summary>
    public SourceSpan? Span { get; init; }
}
