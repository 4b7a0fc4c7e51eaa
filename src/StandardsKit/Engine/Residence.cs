using System.Collections.Immutable;
using StandardsKit.Divisions;

namespace StandardsKit.Engine;

/// <summary>
/// Checks that a resident is evaluated where they belong: a county serves the people registered there (hukou) and
/// the people who live there (residence, SPEC §4.3). Evaluated anywhere else, the answers are computed but may not
/// apply to them.
/// </summary>
internal static class Residence
{
    public static ImmutableArray<EvaluationWarning> Warnings(Resident resident, string county) =>
        Warnings(resident.Facts.GetValueOrDefault("hukou") as string, resident.Facts.GetValueOrDefault("residence") as string, county);

    /// <summary>The same check over the stated codes (null when not stated).</summary>
    public static ImmutableArray<EvaluationWarning> Warnings(string? hukou, string? residence, string county)
    {
        // Only stated codes count: a residence left out defaults to the county, and an unknown hukou may be this county.
        if (county == DivisionCode.National
            || hukou is null || !IsCode(hukou)
            || residence is null || !IsCode(residence)
            || DivisionCode.IsWithin(county, hukou)
            || DivisionCode.IsWithin(county, residence))
        {
            return [];
        }

        return [new EvaluationWarning(EvaluationWarning.OutsideHukouAndResidence,
            $"evaluated in {county}, which is neither the resident's hukou ({hukou}) nor their residence ({residence}): " +
            $"a county serves its hukou holders and its residents, so evaluate in {hukou} or {residence}")];
    }

    private static bool IsCode(string s) => s.Length == 6 && s.All(char.IsAsciiDigit);
}
