using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using StandardsKit.Analysis;
using StandardsKit.Engine;
using StandardsKit.Model;

namespace StandardsKit.Cli.Output;

/// <summary>
/// <c>list</c>, <c>show</c> and <c>report</c> with <c>--format json</c> (schemas/list-output, show-output and
/// report-output.schema.json): data, the same in either <c>--lang</c>; names in both languages, quantities as
/// numbers with their units apart, and null for "none".
/// </summary>
internal static class ItemsJson
{
    public static void List(TextWriter target, Catalog catalog, string county, DateOnly on, ImmutableArray<EffectiveItem> items)
    {
        using var w = JsonOutput.Writer(target, out var flush);
        w.WriteStartObject();
        Head(w, county, on);
        w.WriteString("name", county == "000000" ? null : catalog.Divisions.Find(county)?.Name);
        w.WriteStartArray("chain");
        foreach (var c in catalog.ChainFor(county, on))
        {
            w.WriteStartObject();
            w.WriteString("jurisdiction", c.Jurisdiction);
            w.WriteString("standard", c.Standard);
            w.WriteString("edition", c.Edition);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("items");
        foreach (var item in items)
        {
            w.WriteStartObject();
            Item(w, item);
            Level(w, item, on);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        flush();
    }

    public static void Show(TextWriter target, string county, DateOnly on, EffectiveItem item)
    {
        using var w = JsonOutput.Writer(target, out var flush);
        w.WriteStartObject();
        Head(w, county, on);
        Item(w, item);
        if (item.Eligibility is { } e)
        {
            w.WriteStartObject("eligibility");
            w.WriteString("when", e.When);
            w.WriteString("jurisdiction", item.EligibilityLayer?.Document.Jurisdiction);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("eligibility");
        }

        Level(w, item, on);
        w.WriteStartArray("layers");
        foreach (var layer in item.Layers)
        {
            var i = layer.Item;
            w.WriteStartObject();
            w.WriteString("standard", layer.Document.Key);
            w.WriteString("jurisdiction", layer.Document.Jurisdiction);
            w.WriteText("name", i.Name);
            Provenance(w, "provenance", i.Provenance);
            w.WriteString("at", i.Span?.ToString());
            w.WriteStartObject("fields");
            foreach (var name in ItemFieldNames.All)
            {
                if (i.Fields.TryGetValue(name, out var field))
                {
                    w.WriteStartObject(name);
                    w.WriteText("text", field.Text);
                    Provenance(w, "provenance", field.Provenance);
                    w.WriteEndObject();
                }
            }

            w.WriteEndObject();
            if (i.Eligibility is { } rule)
            {
                w.WriteStartObject("eligibility");
                w.WriteString("when", rule.When);
                Provenance(w, "provenance", rule.Provenance);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("eligibility");
            }

            w.WriteTextOrNull("levelText", i.Level?.Text);

            QuantityJson.WriteAll(w, "quantities", i.Level is { } level ? level.Quantities.Select(q => (q, (string?)null)) : null, on);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        flush();
    }

    /// <summary>The floor report's rows with the quantities behind each level: <c>national</c> null for a local-only item.</summary>
    public static void Report(TextWriter target, string county, DateOnly on, ImmutableArray<FloorReportRow> rows, ImmutableArray<EffectiveItem> items)
    {
        var byId = items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        using var w = JsonOutput.Writer(target, out var flush);
        w.WriteStartObject();
        Head(w, county, on);
        w.WriteStartArray("items");
        foreach (var r in rows)
        {
            var item = byId[r.Item];
            w.WriteStartObject();
            w.WriteString("item", r.Item);
            w.WriteString("name", r.Name.Zh);
            w.WriteText("names", r.Name);
            w.WriteString("jurisdiction", r.Jurisdiction);
            w.WriteString("status", FloorReportOutput.Status(r.Status));
            w.WriteString("nationalLevel", r.NationalLevel);
            w.WriteString("localLevel", r.LocalLevel);
            var root = item.Layers[0];
            QuantityJson.WriteAll(w, "national", root.Document.IsNational ? (root.Item.Level?.Quantities ?? []).Select(q => (q, (string?)root.Document.Jurisdiction)) : null, on);
            QuantityJson.WriteAll(w, "local", item.Quantities.Select(q => (q.Quantity, (string?)q.Layer.Document.Jurisdiction)), on);
            w.WriteStrings("above", r.Above);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        flush();
    }

    private static void Head(Utf8JsonWriter w, string county, DateOnly on)
    {
        w.WriteString("county", county);
        w.WriteString("on", on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static void Item(Utf8JsonWriter w, EffectiveItem item)
    {
        w.WriteString("id", item.Id);
        w.WriteNumberOrNull("number", item.Number);
        w.WriteText("name", item.Name);
        w.WriteTextOrNull("localName", item.LocalName);

        w.WriteString("kind", item.Kind switch { ItemKind.Basic => "basic", ItemKind.NonBasic => "non-basic", _ => "local" });
        w.WriteString("jurisdiction", item.Jurisdiction);
    }

    /// <summary>The quantities in effect (each from the most specific layer that sets it) and the level text.</summary>
    private static void Level(Utf8JsonWriter w, EffectiveItem item, DateOnly on)
    {
        w.WriteTextOrNull("levelText", item.LevelText);
        QuantityJson.WriteAll(w, "quantities", item.Quantities.Select(q => (q.Quantity, (string?)q.Layer.Document.Jurisdiction)), on);
    }

    private static void Provenance(Utf8JsonWriter w, string name, Provenance? p)
    {
        if (p is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteString("evidence", p.Evidence.Name());
        w.WriteStrings("sources", p.Sources);
        w.WriteEndObject();
    }
}
