namespace StandardsKit.Loading.Schema;

/// <summary>The patterns our schemas use, said in words (a pattern itself helps no author); others are quoted.</summary>
internal static class PatternHelp
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["^[0-9]{6}$"] = "write the 6-digit division code in quotes, e.g. \"310000\"",
        ["^[0-9]{4}-[0-9]{2}-[0-9]{2}$"] = "write a date as YYYY-MM-DD, e.g. 2024-01-01",
        ["^[a-z][A-Za-z0-9]*$"] = "names start with a lower-case letter and use only letters and digits (camelCase), e.g. ruralHukou",
        ["^[a-z0-9]+(-[a-z0-9]+)*$"] = "use lower-case letters and digits joined by single hyphens, e.g. maternal-health",
        ["^[A-Za-z][A-Za-z0-9_-]*$"] = "start with a letter, then letters, digits, '_' or '-', e.g. S1",
        ["^[0-9A-Za-z.-]+$"] = "use letters, digits, '.' and '-' only, e.g. 2023",
        ["^[a-z0-9-]+@[0-9A-Za-z.-]+$"] = "write id@edition, e.g. cn-national@2023",
    };

    /// <summary>Help for a value that does not match <paramref name="pattern"/> (as written in the schema, or as lowered).</summary>
    public static string For(string? pattern)
    {
        if (pattern is null)
        {
            return "see docs/authoring.md for the form expected here";
        }

        foreach (var (written, help) in Known)
        {
            if (pattern == written || pattern == EcmaPattern.ToDotNet(written))
            {
                return help;
            }
        }

        return $"it must match the pattern {pattern}";
    }
}
