using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using StandardsKit.Diagnostics;
using StandardsKit.Loading.Yaml;
using StandardsKit.Model;

namespace StandardsKit.Import;

/// <summary>
/// Checks or fills an edition file's verbatim fields from the official text. Items are matched by official
/// name (the PDF has no ids), then by number; every difference is reported and nothing is overwritten: filling
/// only adds fields the edition lacks, labelled verbatim with the source the caller names.
/// </summary>
public static class EditionImporter
{
    /// <summary>Compares an edition with the official items.</summary>
    public static ImmutableArray<ImportFinding> Compare(StandardDocument edition, IReadOnlyList<OfficialItem> official)
    {
        var findings = ImmutableArray.CreateBuilder<ImportFinding>();
        var matched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in official)
        {
            var item = Match(edition, o);
            if (item is null)
            {
                findings.Add(new ImportFinding(ImportFindingKind.UnmatchedOfficialItem, null, o.Name, null, null, null, null));
                continue;
            }

            matched.Add(item.Id);
            if (item.Number != o.Number)
            {
                findings.Add(new ImportFinding(ImportFindingKind.NumberDiffers, item.Id, o.Name, "number",
                    item.Number?.ToString(CultureInfo.InvariantCulture), o.Number.ToString(CultureInfo.InvariantCulture), item.Span));
            }

            foreach (var (field, text) in o.Fields)
            {
                if (!item.Fields.TryGetValue(field, out var mine))
                {
                    findings.Add(new ImportFinding(ImportFindingKind.Missing, item.Id, o.Name, field, null, text, item.Span));
                }
                else if (Normalize(mine.Text.Zh) != Normalize(text))
                {
                    findings.Add(new ImportFinding(ImportFindingKind.Differs, item.Id, o.Name, field, mine.Text.Zh, text, item.Span));
                }
                else
                {
                    findings.Add(new ImportFinding(mine.Provenance.Evidence == Evidence.Verbatim ? ImportFindingKind.Matches : ImportFindingKind.MatchesButNotVerbatim,
                        item.Id, o.Name, field, mine.Text.Zh, text, item.Span));
                }
            }
        }

        foreach (var item in edition.Items.Where(i => !matched.Contains(i.Id)))
        {
            findings.Add(new ImportFinding(ImportFindingKind.UnmatchedEditionItem, item.Id, null, null, null, null, item.Span));
        }

        return findings.ToImmutable();
    }

    /// <summary>
    /// Returns the edition file's text with every missing field added as verbatim text citing
    /// <paramref name="sourceId"/>; existing fields are never touched.
    /// </summary>
    /// <exception cref="InvalidOperationException">An item's layout cannot take an inserted field safely.</exception>
    public static string Fill(string yamlText, string path, IEnumerable<ImportFinding> findings, string sourceId)
    {
        var bag = new DiagnosticBag();
        if (YamlReader.Read(path, Encoding.UTF8.GetBytes(yamlText), bag) is not YamlMapping root)
        {
            throw new InvalidOperationException($"{path} does not parse: {(bag.Items.Count > 0 ? bag.Items[0] : null)}");
        }

        var lines = yamlText.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var inserts = new List<(int AfterLine, string Text)>();
        foreach (var group in findings.Where(f => f.Kind == ImportFindingKind.Missing).GroupBy(f => f.Item))
        {
            var item = (root["items"] as YamlSequence)?.Items.OfType<YamlMapping>().FirstOrDefault(m => (m["id"] as YamlScalar)?.Value == group.Key)
                ?? throw new InvalidOperationException($"item '{group.Key}' not found in {path}");
            var indent = new string(' ', item.Span.Column - 1);
            var entries = group.Select(f => $"{f.Field}: {{zh: {Quote(f.OfficialText!)}, provenance: {{evidence: verbatim, sources: [{sourceId}], note: \"Filled by standardskit import from the official text.\"}}}}");
            if (item["fields"] is { } fields)
            {
                if (fields is not YamlMapping { Entries.Count: > 0 } block || block.Span.Line == item.KeyNode("fields")!.Span.Line)
                {
                    throw new InvalidOperationException($"{item.Span}: write 'fields:' of '{group.Key}' as a block mapping so fields can be added");
                }

                inserts.Add((item.KeyNode("fields")!.Span.Line, string.Join("\n", entries.Select(e => indent + "  " + e))));
            }
            else
            {
                var name = item.KeyNode("name") ?? throw new InvalidOperationException($"{item.Span}: item '{group.Key}' has no name");
                if (item["name"] is YamlMapping nameMap && nameMap.Span.Line != name.Span.Line)
                {
                    throw new InvalidOperationException($"{item.Span}: write the name of '{group.Key}' on one line so fields can be added");
                }

                inserts.Add((name.Span.Line, indent + "fields:\n" + string.Join("\n", entries.Select(e => indent + "  " + e))));
            }
        }

        foreach (var (after, text) in inserts.OrderByDescending(i => i.AfterLine))
        {
            lines.Insert(after, text);
        }

        return string.Join("\n", lines);
    }

    private static ServiceItem? Match(StandardDocument edition, OfficialItem o) =>
        edition.Items.FirstOrDefault(i => Normalize(i.Name.Zh) == Normalize(o.Name))
        ?? edition.Items.FirstOrDefault(i => i.Number == o.Number && Similar(i.Name.Zh, o.Name));

    private static bool Similar(string a, string b) => a.Intersect(b).Count() * 2 >= Math.Min(a.Length, b.Length);

    /// <summary>PDF extraction adds and drops spaces where lines wrapped; those are not differences. Everything else is.</summary>
    internal static string Normalize(string s) => new([.. s.Where(c => !char.IsWhiteSpace(c))]);

    /// <summary>A YAML double-quoted scalar; control characters become escapes, as YAML does not allow them raw.</summary>
    private static string Quote(string s)
    {
        var sb = new StringBuilder("\"", s.Length + 2);
        foreach (var c in s)
        {
            _ = c switch
            {
                '\\' => sb.Append("\\\\"),
                '"' => sb.Append("\\\""),
                _ when Text.TerminalText.IsUnsafe(c) => sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)),
                _ => sb.Append(c),
            };
        }

        return sb.Append('"').ToString();
    }
}
