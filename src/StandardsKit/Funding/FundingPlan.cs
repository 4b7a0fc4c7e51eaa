using System.Collections.Immutable;
using StandardsKit.Diagnostics;
using StandardsKit.Model;

namespace StandardsKit.Funding;

/// <summary>
/// A fiscal-responsibility plan as data (<c>standards/funding/*.yaml</c>), such as 国办发〔2018〕6号: the items it
/// covers, the central share per fiscal band, and a funding rule per item of the standards.
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed record FundingPlan
{
    /// <summary>Stable id, e.g. <c>cn-2018-6</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The issuing jurisdiction (<c>000000</c> for national); a local plan applies inside it.</summary>
    public required string Jurisdiction { get; init; }

    /// <summary>Official title.</summary>
    public required LocalizedText Title { get; init; }

    /// <summary>Document number (文号), where known.</summary>
    public string? DocumentNumber { get; init; }

    /// <summary>Publication date.</summary>
    public DateOnly? Published { get; init; }

    /// <summary>First day in force.</summary>
    public required DateOnly EffectiveFrom { get; init; }

    /// <summary>Last day in force, inclusive, if any.</summary>
    public DateOnly? EffectiveUntil { get; init; }

    /// <summary>Evidence for the header.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The sources the plan's file cites.</summary>
    public ImmutableArray<SourceReference> Sources { get; init; } = [];

    /// <summary>The division attribute holding each county's fiscal band, for five-band items.</summary>
    public string? BandAttribute { get; init; }

    /// <summary>The central share per band.</summary>
    public ImmutableDictionary<int, decimal> BandShares { get; init; } = ImmutableDictionary<int, decimal>.Empty;

    /// <summary>Evidence for the band shares.</summary>
    public Provenance? BandsProvenance { get; init; }

    /// <summary>Evidence that the part of a local amount above the national basic standard is paid locally; null when the plan does not say.</summary>
    public Provenance? AboveNationalStandardLocal { get; init; }

    /// <summary>The rule for items only a local standard defines, if the plan gives one.</summary>
    public FundingRule? LocalItems { get; init; }

    /// <summary>The plan's own items, with their groups.</summary>
    public ImmutableArray<PlanItem> PlanItems { get; init; } = [];

    /// <summary>A rule per item id, in file order.</summary>
    public ImmutableArray<FundingRule> Rules { get; init; } = [];

    /// <summary>The file it was loaded from.</summary>
    public required string Path { get; init; }

    /// <summary>Where the plan starts.</summary>
    public SourceSpan? Span { get; init; }

    /// <summary>True when the plan is in force on <paramref name="on"/>.</summary>
    public bool InForceOn(DateOnly on) => EffectiveFrom <= on && (EffectiveUntil is not { } until || on <= until);
}

/// <summary>One item of the plan itself (国办发〔2018〕6号 lists 18).</summary>
/// <param name="Number">Its number.</param>
/// <param name="Category">The plan's category (大类), e.g. 义务教育.</param>
/// <param name="Name">The item's name in the plan.</param>
/// <param name="Group">A (five bands), B (current policy), C (factors), or null where not seen.</param>
/// <param name="Provenance">Evidence for the name and the group.</param>
public sealed record PlanItem(int Number, LocalizedText Category, LocalizedText Name, string? Group, Provenance Provenance);

/// <summary>A central share that applies where a division attribute has a value, or everywhere.</summary>
/// <param name="Attribute">The division attribute tested; null for "everywhere else".</param>
/// <param name="Value">The value it must have (<see cref="bool"/>, <see cref="decimal"/> or <see cref="string"/>).</param>
/// <param name="Central">The central share, 0 to 1.</param>
public sealed record CentralShare(string? Attribute, object? Value, decimal Central);
