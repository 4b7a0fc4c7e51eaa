using System.Collections.Frozen;
using System.Text.RegularExpressions;
using StandardsKit.Divisions;
using StandardsKit.Engine;

namespace StandardsKit.Analysis;

/// <summary>
/// Asks the engine whether a county serves a permanent resident with another province's hukou: a probe resident
/// who lives in the county, with a hukou in a county of another province that no rule names, and no other fact.
/// </summary>
/// <remarks>
/// Kleene logic makes a "no" exact: a rule that is false with every other fact missing is false for every such
/// resident. An undetermined rule that never reads <c>hukou</c> treats them as it treats hukou holders (covered);
/// one that reads <c>hukou</c> with other open facts is reported undetermined.
/// </remarks>
internal sealed partial class HukouProbe
{
    private readonly Catalog _catalog;
    private readonly bool _hasFacts;
    private readonly string[] _named;
    private readonly List<string> _counties;
    private readonly Dictionary<string, string> _byProvince = new(StringComparer.Ordinal);

    public HukouProbe(Catalog catalog)
    {
        _catalog = catalog;
        _hasFacts = catalog.Facts.Find("hukou") is { Kind: Model.FactKind.Division } && catalog.Facts.Find("residence") is { Kind: Model.FactKind.Division };

        // Every division code a rule names: the probe's hukou lies outside all of them, so no rule singles it out.
        _named = [.. catalog.Documents.SelectMany(d => d.Items).SelectMany(i => new[] { i.Eligibility?.When }
                .Concat(i.Level?.Quantities.SelectMany(q => q.Tiers.Select(t => t.When)) ?? []))
            .OfType<string>().SelectMany(text => CodeLiteral().Matches(text).Select(m => m.Groups[1].Value)).Distinct()];
        var parents = catalog.Divisions.All.Select(d => d.Parent).OfType<string>().ToFrozenSet(StringComparer.Ordinal);
        _counties = [.. catalog.Divisions.All.Where(d => !parents.Contains(d.Code)).Select(d => d.Code)];
    }

    public Dictionary<string, Decision>? Evaluate(string county, DateOnly on)
    {
        if (!_hasFacts)
        {
            return null;
        }

        var province = county[..2];
        if (!_byProvince.TryGetValue(province, out var hukou))
        {
            hukou = _counties.FirstOrDefault(c => !c.StartsWith(province, StringComparison.Ordinal) && !_named.Any(n => DivisionCode.IsWithin(c, n)))
                    ?? (province == "99" ? "989801" : "999901");
            _byProvince[province] = hukou;
        }

        var resident = Resident.Empty.With("hukou", hukou).With("residence", county);
        return _catalog.Prepare(county, on, new EvaluationOptions { Explain = false }).Evaluate(resident).Decisions
            .ToDictionary(d => d.Item, StringComparer.Ordinal);
    }

    public static NonHukouCoverage Coverage(EffectiveItem item, Dictionary<string, Decision>? probe)
    {
        if (probe is null || !probe.TryGetValue(item.Id, out var decision))
        {
            return NonHukouCoverage.Covered; // no hukou in the vocabulary: no rule can tell residents apart by it
        }

        return decision.Eligible switch
        {
            false => NonHukouCoverage.NotCovered,
            true => NonHukouCoverage.Covered,
            _ => Equalization.RuleTexts(item).Any(t => Equalization.Mentions(t, "hukou")) ? NonHukouCoverage.Undetermined : NonHukouCoverage.Covered,
        };
    }

    [GeneratedRegex("\"([0-9]{6})\"")]
    private static partial Regex CodeLiteral();
}
