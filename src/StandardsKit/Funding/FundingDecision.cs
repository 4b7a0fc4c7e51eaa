using StandardsKit.Model;

namespace StandardsKit.Funding;

/// <summary>Who pays for an item in one county on one date, and how strongly that is backed.</summary>
/// <remarks>Immutable.</remarks>
public sealed record FundingDecision
{
    /// <summary>The plan that decides it.</summary>
    public required FundingPlan Plan { get; init; }

    /// <summary>The rule applied.</summary>
    public required FundingRule Rule { get; init; }

    /// <summary>The plan item the standard's item falls under, if any.</summary>
    public PlanItem? PlanItem { get; init; }

    /// <summary>The category.</summary>
    public FundingCategory Category => Rule.Category;

    /// <summary>
    /// The centre's share of the national basic standard in this county, 0 to 1; null when it cannot be said
    /// (allocation by factors, a ratio not seen, an unknown band or attribute).
    /// </summary>
    public decimal? CentralShare { get; init; }

    /// <summary>The weakest evidence behind the category, the mapping and the share (what a reader may rely on).</summary>
    public required Evidence Evidence { get; init; }

    /// <summary>How the share was found, e.g. "five-band: fiscalBand 1 (520000) → 0.8".</summary>
    public required string Basis { get; init; }

    /// <summary>
    /// True when the part of a local amount above the national basic standard is paid locally (国办发〔2018〕6号
    /// as reported by S3); the centre's share then applies to the national amount only.
    /// </summary>
    public bool AboveNationalStandardIsLocal { get; init; }

    /// <summary>Days a year a per-day amount is paid, when the data say.</summary>
    public int? DaysPerYear { get; init; }
}
