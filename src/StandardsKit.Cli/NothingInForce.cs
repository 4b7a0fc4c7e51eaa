using StandardsKit.Divisions;
using StandardsKit.Engine;
using StandardsKit.Expressions;

namespace StandardsKit.Cli;

/// <summary>
/// A date on which no standard is in force for a county is a mistake in the input, not an empty answer: an
/// evaluation with no chain and no decisions would read as "entitled to nothing".
/// </summary>
internal static class NothingInForce
{
    /// <exception cref="CliException">The chain is empty; the message names the earliest date with a standard in force there.</exception>
    public static void Refuse(Catalog catalog, Evaluation evaluation, string option) =>
        Refuse(catalog, evaluation.County, evaluation.On, option, evaluation.Chain.IsEmpty);

    /// <summary>The same for list, show and report, which read the chain without evaluating anyone.</summary>
    /// <exception cref="CliException">No edition is in force for <paramref name="county"/> on <paramref name="date"/>.</exception>
    public static void Refuse(Catalog catalog, string county, DateOnly date, string option)
    {
        bool nothing;
        try
        {
            nothing = !catalog.ChainFor(county, date).Any();
        }
        catch (UnknownDivisionException e)
        {
            throw new CliException(e.Message);
        }

        Refuse(catalog, county, date, option, nothing);
    }

    private static void Refuse(Catalog catalog, string county, DateOnly date, string option, bool nothing)
    {
        if (!nothing)
        {
            return;
        }

        var codes = JurisdictionChain.Of(county, catalog.Divisions).ToHashSet(StringComparer.Ordinal);
        var starts = catalog.Documents.Where(d => codes.Contains(d.Jurisdiction)).Select(d => d.EffectiveFrom).ToList();
        var on = ExpressionLimits.Iso(date);
        if (starts.Count == 0)
        {
            throw new CliException($"no standard in use applies to {county}: none is issued for it or the jurisdictions above it; check --standards");
        }

        var first = ExpressionLimits.Iso(starts.Min());
        throw new CliException(date < starts.Min()
            ? $"{option} {on} is before any standard is in force for {county}: the earliest date in force is {first}; give {option} {first} or later"
            : $"{option} {on}: no standard is in force for {county} on that date (the earliest date in force is {first}); give a date when an edition is in force");
    }
}
