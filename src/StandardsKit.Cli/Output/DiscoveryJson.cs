using System.Globalization;
using System.Text.Json;
using StandardsKit.Divisions;
using StandardsKit.Model;

namespace StandardsKit.Cli.Output;

/// <summary>
/// JSON of <c>facts</c>, <c>standards</c> and <c>divisions find</c> (schemas/facts-output, standards-output and
/// divisions-output.schema.json): data, the same in either language; null where a value is absent.
/// </summary>
internal static class DiscoveryJson
{
    public static void Facts(TextWriter target, FactVocabulary facts)
    {
        using var w = JsonOutput.Writer(target, out var flush);
        w.WriteStartObject();
        w.WriteStartArray("facts");
        foreach (var f in facts.Facts)
        {
            w.WriteStartObject();
            w.WriteString("name", f.Name);
            w.WriteString("type", Type(f.Kind));
            w.WriteString("unit", f.Unit);
            w.WriteStrings("values", f.Values, nullWhenEmpty: true);

            w.WriteNumberOrNull("min", f.Min);
            w.WriteNumberOrNull("max", f.Max);
            w.WriteString("derived", f.Derived);
            w.WriteString("absent", Absent(f));
            w.WriteString("default", f.DefaultsToCounty ? "county" : null);
            w.WriteText("description", f.Description);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        flush();
    }

    public static void Standards(TextWriter target, IReadOnlyList<StandardEditions> editions)
    {
        using var w = JsonOutput.Writer(target, out var flush);
        w.WriteStartObject();
        w.WriteStartArray("standards");
        foreach (var e in editions)
        {
            var d = e.Document;
            w.WriteStartObject();
            w.WriteString("id", d.Id);
            w.WriteString("edition", d.Edition);
            w.WriteString("key", d.Key);
            w.WriteString("jurisdiction", d.Jurisdiction);
            w.WriteText("title", d.Title);
            w.WriteString("documentNumber", d.DocumentNumber);
            Date(w, "published", d.Published);
            Date(w, "effectiveFrom", d.EffectiveFrom);
            Date(w, "effectiveUntil", d.EffectiveUntil);
            Date(w, "supersededOn", e.SupersededOn);
            w.WriteString("extends", d.Extends);
            w.WriteString("supersedes", d.Supersedes);
            w.WriteNumber("items", d.Items.Length);
            w.WriteNumber("sources", d.Sources.Length);
            w.WriteStartObject("evidence");
            Counts(w, "items", e.Evidence.Items);
            Counts(w, "fields", e.Evidence.Fields);
            w.WriteEndObject();
            w.WriteString("path", d.Path);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        flush();
    }

    public static void Divisions(TextWriter target, IDivisionDirectory divisions, string query, IReadOnlyList<Division> found)
    {
        using var w = JsonOutput.Writer(target, out var flush);
        w.WriteStartObject();
        w.WriteString("query", query);
        w.WriteStartArray("divisions");
        foreach (var d in found)
        {
            w.WriteStartObject();
            w.WriteString("code", d.Code);
            w.WriteString("name", d.Name);
            w.WriteString("level", DivisionNames.Level(divisions, d));
            w.WriteStartArray("path");
            foreach (var p in DivisionNames.PathOf(divisions, d))
            {
                w.WriteStartObject();
                w.WriteString("code", p.Code);
                w.WriteString("name", p.Name);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        flush();
    }

    /// <summary>The type as facts.yaml spells it.</summary>
    public static string Type(FactKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>What an absent value means, as facts.yaml's <c>absent</c> says it.</summary>
    public static string Absent(FactDeclaration f) => f.AbsentMeansNone ? "none" : "unknown";

    private static void Date(Utf8JsonWriter w, string name, DateOnly? date) =>
        w.WriteString(name, date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static void Counts(Utf8JsonWriter w, string name, System.Collections.Immutable.ImmutableDictionary<Evidence, int> counts)
    {
        w.WriteStartObject(name);
        foreach (var (evidence, count) in counts.OrderBy(p => p.Key))
        {
            w.WriteNumber(evidence.Name(), count);
        }

        w.WriteEndObject();
    }
}
