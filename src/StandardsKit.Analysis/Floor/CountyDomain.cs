using System.Collections.Concurrent;
using System.Collections.Immutable;
using StandardsKit.Divisions;

namespace StandardsKit.Analysis;

/// <summary>County-level units (divisions with no children) by jurisdiction, for the county an obligation covers.</summary>
internal sealed class CountyDomain
{
    private readonly ImmutableArray<string> _counties;
    private readonly ConcurrentDictionary<string, ImmutableArray<string>> _within = new(StringComparer.Ordinal);

    public CountyDomain(IDivisionDirectory divisions)
    {
        var parents = divisions.All.Select(d => d.Parent).OfType<string>().ToHashSet(StringComparer.Ordinal);
        _counties = [.. divisions.All.Where(d => !parents.Contains(d.Code)).Select(d => d.Code).Order(StringComparer.Ordinal)];
    }

    /// <summary>Every county-level unit inside <paramref name="jurisdiction"/> (all of them for the nation).</summary>
    public ImmutableArray<string> Within(string jurisdiction) => _within.GetOrAdd(jurisdiction, j =>
    {
        var prefix = DivisionCode.ContainmentPrefix(j);
        var inside = _counties.Where(c => c.StartsWith(prefix, StringComparison.Ordinal)).ToImmutableArray();
        return inside.IsEmpty ? [j] : inside;
    });

    /// <summary>Real codes to offer first in examples: the jurisdiction's own counties, then all others.</summary>
    public ImmutableArray<string> Preferred(string jurisdiction) => _within.GetOrAdd("preferred:" + jurisdiction, _ =>
        [.. Within(jurisdiction).Concat(_counties).Distinct(StringComparer.Ordinal)]);
}
