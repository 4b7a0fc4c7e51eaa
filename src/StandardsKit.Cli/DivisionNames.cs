using StandardsKit.Divisions;

namespace StandardsKit.Cli;

/// <summary>
/// Divisions by name as well as by code: the one resolver behind every option that takes a division
/// (<c>--county</c>, <c>--province</c>) and behind <c>divisions find</c>, so they accept and refuse the same things.
/// </summary>
internal static class DivisionNames
{
    /// <summary>How many candidates an ambiguous name lists before "… and N more".</summary>
    private const int MaxCandidates = 8;

    /// <summary>
    /// A 6-digit code as given (the library says whether it exists); otherwise the code of the one division named
    /// <paramref name="text"/>: its exact name (徐汇区), its name qualified by its parents (北京市朝阳区), or, when
    /// neither matches, the start of one name (徐汇). Ambiguous or unknown names are refused with the candidates.
    /// </summary>
    public static string Resolve(IDivisionDirectory divisions, string? text, string option)
    {
        var what = option == "--county" ? "6-digit county code" : "6-digit division code";
        var example = option == "--county" ? "--county 310104 or --county 徐汇区" : $"{option} 510000 or {option} 四川省";
        if (text is { Length: 6 } && text.All(char.IsAsciiDigit))
        {
            return text;
        }

        if (string.IsNullOrWhiteSpace(text) || text.All(char.IsAsciiDigit) || text.Any(char.IsControl))
        {
            throw new CliException($"{option} '{Arguments.Shorten(text)}' is not a {what}, e.g. {example}");
        }

        var name = text.Trim();
        var all = divisions.All.ToList();
        var byCode = all.ToDictionary(d => d.Code, StringComparer.Ordinal);
        var matches = all.Where(d => d.Name == name || (name.EndsWith(d.Name, StringComparison.Ordinal) && Qualified(d, byCode) == name)).ToList();
        if (matches.Count == 0)
        {
            matches = [.. all.Where(d => !IsPlaceholder(d) && d.Name.StartsWith(name, StringComparison.Ordinal))];
        }

        if (matches.Count == 1)
        {
            return matches[0].Code;
        }

        if (matches.Count > 1)
        {
            throw new CliException($"{option} '{Arguments.Shorten(name)}' names {matches.Count} divisions: {Candidates(matches, byCode)}; give the code or a longer name");
        }

        var near = all.Where(d => !IsPlaceholder(d) && (d.Name.Contains(name, StringComparison.Ordinal) || (d.Name.TrimEnd('区', '县', '市', '省', '旗') is { Length: >= 2 } stem && name.Contains(stem, StringComparison.Ordinal)))).ToList();
        var closest = near.Count == 0 ? Diagnostics.Suggestions.Closest(name, all.Where(d => !IsPlaceholder(d)).Select(d => d.Name)) : null;
        var hint = near.Count > 0 ? $"; did you mean {Candidates(near, byCode)}?"
            : closest is not null ? $"; did you mean {Candidates([.. all.Where(d => d.Name == closest)], byCode)}?"
            : "; 'standardskit divisions find TEXT' lists divisions by name";
        throw new CliException($"{option} '{Arguments.Shorten(name)}' is not a {what} or the name of a division{hint}");
    }

    /// <summary>Divisions whose code starts with <paramref name="text"/> (digits) or whose name or qualified name contains it, in code order.</summary>
    public static IReadOnlyList<Division> Find(IDivisionDirectory divisions, string text)
    {
        var needle = text.Trim();
        var all = divisions.All.ToList();
        if (needle.Length > 0 && needle.All(char.IsAsciiDigit))
        {
            return [.. all.Where(d => d.Code.StartsWith(needle, StringComparison.Ordinal))];
        }

        var byCode = all.ToDictionary(d => d.Code, StringComparer.Ordinal);
        return [.. all.Where(d => needle.Length > 0 && !IsPlaceholder(d) && (d.Name.Contains(needle, StringComparison.Ordinal) || ReachesOwnName(Qualified(d, byCode), d.Name, needle)))];
    }

    /// <summary>The division's ancestors, province first, then the division itself, without placeholders such as 市辖区.</summary>
    public static IReadOnlyList<Division> PathOf(IDivisionDirectory divisions, Division division)
    {
        var path = new List<Division>();
        for (var d = division; d is not null; d = d.Parent is { } p ? divisions.Find(p) : null)
        {
            if (!IsPlaceholder(d) || d == division)
            {
                path.Insert(0, d);
            }

            if (path.Count > 8)
            {
                break; // a cycle in a hand-made list; the list checker reports it
            }
        }

        return path;
    }

    /// <summary>"province", "prefecture" or "county": county-level units are those with no division under them.</summary>
    public static string Level(IDivisionDirectory divisions, Division division) =>
        division.Parent is null && divisions.All.Any(d => d.Parent == division.Code) ? "province"
        : divisions.All.Any(d => d.Parent == division.Code) ? "prefecture"
        : "county";

    /// <summary>The path as one line: 上海市 › 徐汇区.</summary>
    public static string PathText(IDivisionDirectory divisions, Division division) =>
        string.Join(" › ", PathOf(divisions, division).Select(d => d.Name));

    /// <summary>北京市朝阳 finds 朝阳区 by its qualified name, but 朝阳 alone does not find every county under 朝阳市.</summary>
    private static bool ReachesOwnName(string qualified, string name, string needle)
    {
        var at = qualified.IndexOf(needle, StringComparison.Ordinal);
        return at >= 0 && at + needle.Length > qualified.Length - name.Length;
    }

    private static string Qualified(Division division, Dictionary<string, Division> byCode)
    {
        var names = new List<string>();
        var d = division;
        for (var depth = 0; d is not null && depth < 8; depth++)
        {
            if (!IsPlaceholder(d) || d == division)
            {
                names.Insert(0, d.Name);
            }

            d = d.Parent is { } p ? byCode.GetValueOrDefault(p) : null;
        }

        return string.Concat(names);
    }

    /// <summary>Prefecture placeholders of GB/T 2260 (市辖区 under a municipality, 省直辖县级行政区划, 县) name no place.</summary>
    private static bool IsPlaceholder(Division d) =>
        d.Code.EndsWith("00", StringComparison.Ordinal) && !d.Code.EndsWith("0000", StringComparison.Ordinal) &&
        (d.Name is "市辖区" or "县" || d.Name.EndsWith("直辖县级行政区划", StringComparison.Ordinal));

    private static string Candidates(List<Division> matches, Dictionary<string, Division> byCode) =>
        string.Join(", ", matches.Take(MaxCandidates).Select(d => $"{d.Code} {Qualified(d, byCode)}")) +
        (matches.Count > MaxCandidates ? $" … and {matches.Count - MaxCandidates} more" : "");
}
