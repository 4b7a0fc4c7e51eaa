using System.Globalization;
using StandardsKit.Engine;
using StandardsKit.Model;

namespace StandardsKit.Cli.Screening;

/// <summary>
/// Builds residents from the cells of flat files, typed by facts.yaml: the reserved columns <c>id</c>,
/// <c>county</c> and <c>on</c> say which row it is and where and when to evaluate it; every other column is a fact.
/// </summary>
internal static class FactValues
{
    public const string IdColumn = "id";
    public const string CountyColumn = "county";
    public const string OnColumn = "on";

    /// <summary>A set cell that says "none of them" (an empty cell says "not given").</summary>
    public const string EmptySet = "[]";

    public static bool IsReserved(string name) => name is IdColumn or CountyColumn or OnColumn;

    /// <summary>Checks a header: every column is reserved or a declared (input) fact; names the bad one and suggests.</summary>
    public static void CheckColumns(IEnumerable<string> columns, FactVocabulary facts, string where)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            if (!seen.Add(column))
            {
                throw new CliException($"{where}: column '{column}' appears twice");
            }

            if (!IsReserved(column) && facts.Find(column) is null)
            {
                var hint = Diagnostics.Suggestions.DidYouMean(column, facts.Facts.Select(f => f.Name).Concat([IdColumn, CountyColumn, OnColumn]));
                throw new CliException($"{where}: column '{column}' is not a fact of facts.yaml nor id, county or on" + (hint is null ? "" : $" — {hint}"));
            }
        }
    }

    /// <summary>Adds a cell written as text (CSV, a Parquet string column): empty means not given; sets are
    /// <c>a|b</c>, and <c>[]</c> is the empty set (for facts such as chronicDisease an empty set means "none").</summary>
    public static Resident WithText(Resident resident, FactDeclaration fact, string text)
    {
        if (text.Length == 0)
        {
            return resident;
        }

        return fact.Kind switch
        {
            FactKind.Bool => text switch
            {
                "true" or "TRUE" or "True" or "1" => resident.With(fact.Name, true),
                "false" or "FALSE" or "False" or "0" => resident.With(fact.Name, false),
                _ => throw new RowException($"column '{fact.Name}' is \"{text}\"; expected true or false"),
            },
            FactKind.Int or FactKind.Decimal => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n)
                ? resident.With(fact.Name, n)
                : throw new RowException($"column '{fact.Name}' is \"{text}\"; expected a number"),
            FactKind.Set => resident.With(fact.Name, text == EmptySet ? [] : text.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)),
            _ => resident.With(fact.Name, text),
        };
    }

    /// <summary>The row's evaluation date: its <c>on</c> cell, else <c>--on</c>.</summary>
    public static DateOnly Date(string? text, DateOnly fallback) =>
        string.IsNullOrEmpty(text) ? fallback
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new RowException($"column 'on' is \"{text}\"; expected a date YYYY-MM-DD");

    /// <summary>The row's county: its <c>county</c> cell, else <c>--county</c>.</summary>
    public static string County(string? text, RowDefaults defaults) =>
        County(string.IsNullOrEmpty(text) ? null : defaults.CountyCode(text), defaults.County);

    private static string County(string? text, string? fallback) =>
        !string.IsNullOrEmpty(text) ? text : fallback ?? throw new RowException("no county: give the row a 'county' or run with --county");
}
