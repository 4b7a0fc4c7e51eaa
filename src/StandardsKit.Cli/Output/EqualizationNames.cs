using System.Globalization;
using StandardsKit.Analysis;
using StandardsKit.Funding;
using StandardsKit.Model;

namespace StandardsKit.Cli.Output;

/// <summary>The stable spellings of equalisation values shared by every renderer (JSON, CSV, text, HTML).</summary>
internal static class EqualizationNames
{
    public static string Status(EqualizationStatus s) => s switch
    {
        EqualizationStatus.AtFloor => "at-floor",
        EqualizationStatus.AboveFloor => "above-floor",
        EqualizationStatus.BelowFloor => "below-floor",
        EqualizationStatus.LocalOnly => "local-only",
        _ => "undecided",
    };

    public static string Coverage(NonHukouCoverage c) => c switch
    {
        NonHukouCoverage.Covered => "covered",
        NonHukouCoverage.NotCovered => "not-covered",
        NonHukouCoverage.Partial => "partial",
        _ => "undetermined",
    };

    public static string Category(FundingCategory c) => c switch
    {
        FundingCategory.Central => "central",
        FundingCategory.Local => "local",
        FundingCategory.FiveBand => "five-band",
        FundingCategory.FixedRatio => "fixed-ratio",
        FundingCategory.RegionalRatio => "regional-ratio",
        FundingCategory.Factor => "factor",
        FundingCategory.Shared => "shared",
        _ => "unknown",
    };

    /// <summary>How many counties cover residents with another province's hukou, e.g. "covered 2838, not-covered 16".</summary>
    public static string CoverageCounts(IReadOnlyDictionary<NonHukouCoverage, int> counts) =>
        string.Join(", ", Coverages.Where(c => counts.GetValueOrDefault(c) > 0).Select(c => $"{Coverage(c)} {counts[c]}"));

    public static string Evidence(Evidence e) => e.ToString().ToLowerInvariant();

    public static IReadOnlyList<EqualizationStatus> Statuses { get; } = Enum.GetValues<EqualizationStatus>();

    public static IReadOnlyList<NonHukouCoverage> Coverages { get; } = Enum.GetValues<NonHukouCoverage>();

    /// <summary>A plain invariant number: no grouping, at most two decimals (amounts) or four (ratios).</summary>
    public static string Number(decimal? value, int decimals = 2) =>
        value is { } v ? decimal.Round(v, decimals).ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture) : "";
}
