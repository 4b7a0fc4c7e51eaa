using StandardsKit.Divisions;
using StandardsKit.Service.Contracts;

namespace StandardsKit.Service.Endpoints;

/// <summary>
/// Divisions with their full names (上海市 徐汇区) and whether they are county-level, built once per catalog for
/// the county search of the screener.
/// </summary>
internal sealed class DivisionIndex
{
    /// <summary>GB/T 2260 placeholders that are not names anyone searches for.</summary>
    private static readonly HashSet<string> Placeholders = new(StringComparer.Ordinal) { "市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划" };

    private readonly List<DivisionView> _all;

    public DivisionIndex(IDivisionDirectory divisions)
    {
        var list = divisions.All.ToList();
        var parents = list.Where(d => d.Parent is not null).Select(d => d.Parent!).ToHashSet(StringComparer.Ordinal);
        _all = [.. list.Select(d => new DivisionView(d.Code, d.Name, d.Parent, FullName(d, divisions), !parents.Contains(d.Code)))];
    }

    public List<DivisionView> Find(string query, int take)
    {
        if (query.All(char.IsAsciiDigit))
        {
            return [.. _all.Where(d => d.Code.StartsWith(query, StringComparison.Ordinal)).OrderByDescending(d => d.County).Take(take)];
        }

        var words = query.Split([' ', '\t', '　'], StringSplitOptions.RemoveEmptyEntries);
        return [.. _all.Where(d => words.All(w => d.FullName.Contains(w, StringComparison.Ordinal)))
            .OrderByDescending(d => d.Name.StartsWith(words[^1], StringComparison.Ordinal))
            .ThenByDescending(d => d.County)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .Take(take)];
    }

    private static string FullName(Division division, IDivisionDirectory divisions)
    {
        var names = new List<string>();
        for (var d = division; d is not null && names.Count < 8; d = d.Parent is { } p ? divisions.Find(p) : null)
        {
            if (!Placeholders.Contains(d.Name))
            {
                names.Add(d.Name);
            }
        }

        names.Reverse();
        return string.Join(" ", names);
    }
}
