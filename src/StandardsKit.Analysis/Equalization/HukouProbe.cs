using System.Collections.Frozen;
using System.Text.RegularExpressions;
using StandardsKit.Divisions;
using StandardsKit.Engine;

namespace StandardsKit.Analysis;

/// <summary>
/// Asks the engine whether a county serves permanent residents whose hukou is in another province: probe residents
/// who live in the county, one per class of such hukou codes that the rules can tell apart, with no other fact.
/// </summary>
/// <remarks>
/// A rule reads a hukou code only through the division codes it names (<c>within</c>, <c>==</c>, <c>in</c>), the
/// division attributes it reads (<c>hasAttribute</c>, <c>attribute</c>) and its equality with the residence, which
/// lies in the county's province; so every county of another province inside the same named codes and with the
/// same values of those attributes answers alike, and one representative per class covers them all. Kleene logic makes a
/// "no" exact: a rule that is false with every other fact missing is false for every resident of that class. An
/// undetermined rule that never reads <c>hukou</c> treats them as it treats hukou holders (covered).
/// </remarks>
internal sealed partial class HukouProbe
{
    private readonly Catalog _catalog;
    private readonly bool _hasFacts;
    private readonly string[] _named;
    private readonly string[] _attributes;
    private readonly List<string> _counties;
    private readonly Dictionary<string, List<string>> _byProvince = new(StringComparer.Ordinal);

    public HukouProbe(Catalog catalog)
    {
        _catalog = catalog;
        _hasFacts = catalog.Facts.Find("hukou") is { Kind: Model.FactKind.Division } && catalog.Facts.Find("residence") is { Kind: Model.FactKind.Division };
        var rules = catalog.Documents.SelectMany(d => d.Items).SelectMany(i => new[] { i.Eligibility?.When }
                .Concat(i.Level?.Quantities.SelectMany(q => q.Tiers.Select(t => t.When)) ?? []))
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        _named = [.. rules.SelectMany(text => CodeLiteral().Matches(text).Select(m => m.Groups[1].Value)).Distinct().Order(StringComparer.Ordinal)];
        _attributes = [.. rules.SelectMany(text => AttributeRead().Matches(text).Select(m => m.Groups[1].Value))
            .Where(name => catalog.Attributes.Find(name) is not null).Distinct().Order(StringComparer.Ordinal)];
        var parents = catalog.Divisions.All.Select(d => d.Parent).OfType<string>().ToFrozenSet(StringComparer.Ordinal);
        _counties = [.. catalog.Divisions.All.Where(d => !parents.Contains(d.Code)).Select(d => d.Code)];
    }

    /// <summary>Each probe's decisions by item, one probe per class of other-province hukou; null without hukou and residence facts.</summary>
    public List<Dictionary<string, Decision>>? Evaluate(string county, DateOnly on)
    {
        if (!_hasFacts)
        {
            return null;
        }

        var prepared = _catalog.Prepare(county, on, new EvaluationOptions { Explain = false });
        return [.. Representatives(county[..2]).Select(hukou => prepared.Evaluate(Resident.Empty.With("hukou", hukou).With("residence", county)).Decisions
            .ToDictionary(d => d.Item, StringComparer.Ordinal))];
    }

    public static NonHukouCoverage Coverage(EffectiveItem item, List<Dictionary<string, Decision>>? probes)
    {
        if (probes is null || probes.Count == 0)
        {
            return NonHukouCoverage.Covered; // no hukou in the vocabulary: no rule can tell residents apart by it
        }

        var answers = probes.Select(p => p.TryGetValue(item.Id, out var d) ? d.Eligible : true).ToList();
        if (answers.All(a => a == false))
        {
            return NonHukouCoverage.NotCovered;
        }

        if (answers.All(a => a == true))
        {
            return NonHukouCoverage.Covered;
        }

        if (answers.Contains(false))
        {
            return answers.Contains(true) ? NonHukouCoverage.Partial : NonHukouCoverage.Undetermined;
        }

        return Equalization.RuleTexts(item).Any(t => Equalization.Mentions(t, "hukou")) ? NonHukouCoverage.Undetermined : NonHukouCoverage.Covered;
    }

    /// <summary>One county of another province per class of the codes the rules name (first in code order).</summary>
    private List<string> Representatives(string province)
    {
        if (_byProvince.TryGetValue(province, out var found))
        {
            return found;
        }

        var classes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in _counties.Where(c => !c.StartsWith(province, StringComparison.Ordinal)))
        {
            var signature = string.Concat(_named.Select(n => DivisionCode.IsWithin(code, n) ? '1' : '0'))
                + string.Concat(_attributes.Select(a => "|" + (_catalog.Attributes.ValueOf(code, a).Value?.ToString() ?? "?")));
            classes.TryAdd(signature, code);
        }

        return _byProvince[province] = classes.Count > 0 ? [.. classes.Values] : [province == "99" ? "989801" : "999901"];
    }

    [GeneratedRegex("\"([0-9]{6})\"")]
    private static partial Regex CodeLiteral();

    /// <summary>The attribute name of a <c>hasAttribute(place, "name")</c> or <c>attribute(place, "name")</c> call.</summary>
    [GeneratedRegex("""\b(?:hasAttribute|attribute)\s*\(\s*[A-Za-z_][A-Za-z0-9_]*\s*,\s*"([^"]*)"\s*\)""")]
    private static partial Regex AttributeRead();
}
