using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StandardsKit.Engine;
using StandardsKit.Model;

namespace StandardsKit.Analysis;

/// <summary>
/// Reads a population file for the cost under the rules: JSON Lines (one object per line with <c>county</c>,
/// <c>weight</c> and the resident's facts; lines starting with <c>//</c> are comments) or CSV (a header row naming
/// <c>county</c>, <c>weight</c> and fact columns; an empty cell is a fact not given; a set fact lists its values
/// separated by <c>;</c>; lines starting with <c>#</c> are comments).
/// </summary>
/// <remarks>Stateless and thread-safe. Errors name the line (and column for CSV) and say how to fix it.</remarks>
public static class PopulationFile
{
    /// <summary>The longest line accepted, in characters.</summary>
    public const int MaxLineLength = 65_536;

    /// <summary>The most lines accepted.</summary>
    public const int MaxLines = 5_000_000;

    private static readonly string[] Required = ["county", "weight"];

    /// <summary>Reads every record; <paramref name="csv"/> chooses CSV over JSON Lines.</summary>
    /// <exception cref="FormatException">A line is malformed: the message starts with <c>line:col:</c>.</exception>
    public static ImmutableArray<PopulationRecord> Read(TextReader reader, bool csv, FactVocabulary facts)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(facts);
        var records = ImmutableArray.CreateBuilder<PopulationRecord>();
        string[]? header = null;
        var number = 0;
        while (ReadLine(reader, ++number) is { } line)
        {
            if (number > MaxLines)
            {
                throw new FormatException($"{number}:1: more than {MaxLines:N0} lines; split the population file");
            }

            // Blank lines and comment lines (// in JSON Lines, # in CSV) carry no resident, e.g. a "synthetic data" label.
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith(csv ? "#" : "//", StringComparison.Ordinal))
            {
                continue;
            }

            if (csv && header is null)
            {
                header = Header(line, number, facts);
                continue;
            }

            records.Add(csv ? CsvRecord(header!, line, number, facts) : JsonRecord(line, number));
        }

        if (csv && header is null)
        {
            throw new FormatException("1:1: the CSV file is empty; its first line must name the columns, e.g. county,weight,onlyChildDeceased");
        }

        return records.ToImmutable();
    }

    private static string? ReadLine(TextReader reader, int number)
    {
        var line = new StringBuilder();
        while (true)
        {
            var c = reader.Read();
            if (c == -1)
            {
                return line.Length == 0 ? null : line.ToString();
            }

            if (c == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            if (line.Length >= MaxLineLength)
            {
                throw new FormatException($"{number}:1: the line is longer than {MaxLineLength:N0} characters");
            }

            line.Append((char)c);
        }
    }

    private static PopulationRecord JsonRecord(string line, int number)
    {
        // Strict like every JSON input: a key given twice is an error at the second key, not "the last one wins".
        var bytes = Encoding.UTF8.GetBytes(line);
        try
        {
            StandardsKit.Input.StrictJson.CheckKeys(bytes, maxDepth: 8);
        }
        catch (StandardsKit.Input.StrictJsonException e)
        {
            throw new FormatException($"{number}:{e.Position.Column}: the line {e.Message}");
        }

        JsonObject obj;
        try
        {
            obj = JsonNode.Parse(line, documentOptions: new JsonDocumentOptions { MaxDepth = 8 }) as JsonObject
                  ?? throw new FormatException($"{number}:1: each line must be a JSON object, e.g. {{\"county\": \"520102\", \"weight\": 100, \"onlyChildDeceased\": true}}");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{number}:{CharacterColumn(bytes, e.BytePositionInLine ?? 0)}: not valid JSON: {e.Message.Split(". ")[0].Split(" LineNumber:")[0]}");
        }

        var county = obj["county"] is JsonValue c && c.TryGetValue<string>(out var s) ? s : null;
        var weight = obj["weight"] is JsonValue w && w.TryGetValue<decimal>(out var d) ? d : (decimal?)null;
        obj.Remove("county");
        obj.Remove("weight");
        Resident resident;
        try
        {
            resident = Resident.FromJson(obj.ToJsonString());
        }
        catch (ResidentException e)
        {
            throw new FormatException($"{number}:1: {e.Message}");
        }

        return Record(county, weight, resident, number, 1);
    }

    /// <summary>The 1-based column, in characters (Unicode scalar values), of a byte offset in a UTF-8 line.</summary>
    private static long CharacterColumn(byte[] utf8, long byteOffset)
    {
        long column = 1;
        for (var i = 0; i < Math.Min(byteOffset, utf8.Length); i++)
        {
            if ((utf8[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return column;
    }

    private static string[] Header(string line, int number, FactVocabulary facts)
    {
        var fields = Fields(line, number);
        var columns = fields.Select(f => f.Text.Trim()).ToArray();
        for (var i = 0; i < columns.Length; i++)
        {
            var first = Array.IndexOf(columns, columns[i]);
            if (first < i)
            {
                throw new FormatException($"{number}:{fields[i].Column}: the header names the column '{columns[i]}' twice (first at column {fields[first].Column}); name each column once");
            }
        }

        foreach (var (name, i) in columns.Select((n, i) => (n, i)))
        {
            if (name is not ("county" or "weight") && facts.Find(name) is null)
            {
                var hint = Diagnostics.Suggestions.DidYouMean(name, facts.Facts.Select(f => f.Name));
                throw new FormatException($"{number}:{i + 1}: column '{name}' is not a declared fact" + (hint is null ? "" : $" — {hint}"));
            }
        }

        foreach (var required in Required.Where(r => !columns.Contains(r)))
        {
            throw new FormatException($"{number}:1: the header has no '{required}' column; name the columns county,weight,<facts…>");
        }

        return columns;
    }

    private static PopulationRecord CsvRecord(string[] header, string line, int number, FactVocabulary facts)
    {
        var fields = Fields(line, number);
        if (fields.Count != header.Length)
        {
            throw new FormatException($"{number}:1: {fields.Count} fields, but the header names {header.Length} columns");
        }

        string? county = null;
        decimal? weight = null;
        var resident = Resident.Empty;
        for (var i = 0; i < header.Length; i++)
        {
            var (text, column) = fields[i];
            var cell = text.Trim();
            switch (header[i])
            {
                case "county":
                    county = cell;
                    continue;
                case "weight":
                    weight = decimal.TryParse(cell, NumberStyles.Number, CultureInfo.InvariantCulture, out var w) ? w : null;
                    continue;
            }

            if (cell.Length == 0)
            {
                continue;
            }

            var fact = facts.Find(header[i])!;
            resident = fact.Kind switch
            {
                FactKind.Bool => cell switch
                {
                    "true" or "1" => resident.With(fact.Name, true),
                    "false" or "0" => resident.With(fact.Name, false),
                    _ => throw new FormatException($"{number}:{column}: '{cell}' is not true or false (fact '{fact.Name}')"),
                },
                FactKind.Int or FactKind.Decimal => decimal.TryParse(cell, NumberStyles.Number, CultureInfo.InvariantCulture, out var n)
                    ? resident.With(fact.Name, n)
                    : throw new FormatException($"{number}:{column}: '{cell}' is not a number (fact '{fact.Name}')"),
                FactKind.Set => resident.With(fact.Name, cell.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
                _ => resident.With(fact.Name, cell),
            };
        }

        return Record(county, weight, resident, number, 1);
    }

    private static PopulationRecord Record(string? county, decimal? weight, Resident resident, int line, int column)
    {
        if (county is null || county.Length != 6 || !county.All(char.IsAsciiDigit))
        {
            throw new FormatException($"{line}:{column}: 'county' must be a 6-digit county code, e.g. \"520102\"");
        }

        if (weight is not { } w || w <= 0 || w > 1_000_000_000_000m)
        {
            throw new FormatException($"{line}:{column}: 'weight' must be a number above 0 and at most 10^12 (how many people the line stands for)");
        }

        return new PopulationRecord(county, w, resident, line);
    }

    /// <summary>RFC 4180 fields of one line: commas separate, double quotes quote, "" is a quote; with each field's column.</summary>
    private static List<(string Text, int Column)> Fields(string line, int number)
    {
        var fields = new List<(string, int)>();
        var current = new StringBuilder();
        var start = 1;
        var quoted = false;

        // Columns count characters (Unicode scalar values): a character outside the BMP is one column, not two.
        var column = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (!char.IsLowSurrogate(c))
            {
                column++;
            }

            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                    column++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"' && current.ToString().Trim().Length == 0)
            {
                quoted = true;
                current.Clear();
            }
            else if (c == ',')
            {
                fields.Add((current.ToString(), start));
                current.Clear();
                start = column + 1;
            }
            else
            {
                current.Append(c);
            }
        }

        if (quoted)
        {
            throw new FormatException($"{number}:{start}: a quoted field is not closed; end it with \"");
        }

        fields.Add((current.ToString(), start));
        return fields;
    }
}
