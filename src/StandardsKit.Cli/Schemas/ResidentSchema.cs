using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using StandardsKit.Model;

namespace StandardsKit.Cli.Schemas;

/// <summary>
/// resident.schema.json: the JSON Schema of a resident's facts, generated from a fact vocabulary (facts.yaml), so
/// that editors complete and check fact names in a test's <c>resident:</c> and in <c>eval --resident</c> files.
/// </summary>
internal static class ResidentSchema
{
    public const string FileName = "resident.schema.json";

    public const string Id = "https://standardskit.github.io/schemas/" + FileName;

    /// <summary>The schema text (two-space indentation, LF line ends, a final newline): the same facts give the same bytes.</summary>
    public static string Generate(FactVocabulary facts)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "http://json-schema.org/draft-07/schema#");
            w.WriteString("$id", Id);
            w.WriteString("title", "StandardsKit resident facts");
            w.WriteString("description",
                "A resident's facts: a test case's `resident:` in standards/tests/*.yaml and the JSON file of `standardskit eval --resident`. " +
                "Generated from standards/facts.yaml by `standardskit schema export`; regenerate instead of editing. " +
                "A fact left out (or null) is absent.");
            w.WriteString("type", "object");
            w.WriteBoolean("additionalProperties", false);
            w.WriteStartObject("properties");
            w.WriteStartObject("$schema");
            w.WriteString("description", "The schema of this file, for editors (`eval` ignores it).");
            w.WriteString("type", "string");
            w.WriteEndObject();
            foreach (var fact in facts.Facts)
            {
                w.WritePropertyName(fact.Name);
                WriteFact(w, fact);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteFact(Utf8JsonWriter w, FactDeclaration fact)
    {
        w.WriteStartObject();
        w.WriteString("description", Describe(fact));
        w.WriteStartArray("type");
        w.WriteStringValue(fact.Kind switch
        {
            FactKind.Bool => "boolean",
            FactKind.Int => "integer",
            FactKind.Decimal => "number",
            FactKind.Set => "array",
            _ => "string",
        });
        w.WriteStringValue("null");
        w.WriteEndArray();
        switch (fact.Kind)
        {
            case FactKind.Date:
                w.WriteString("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
                break;
            case FactKind.Division:
                w.WriteString("pattern", "^[0-9]{6}$");
                break;
            case FactKind.Enum:
                WriteValues(w, fact, withNull: true);
                break;
            case FactKind.Set:
                w.WriteBoolean("uniqueItems", true);
                w.WriteStartObject("items");
                WriteValues(w, fact, withNull: false);
                w.WriteEndObject();
                break;
        }

        if (fact.Min is { } min)
        {
            w.WriteNumber("minimum", min);
        }

        if (fact.Max is { } max)
        {
            w.WriteNumber("maximum", max);
        }

        w.WriteEndObject();
    }

    private static void WriteValues(Utf8JsonWriter w, FactDeclaration fact, bool withNull)
    {
        w.WriteStartArray("enum");
        foreach (var value in fact.Values)
        {
            w.WriteStringValue(value);
        }

        if (withNull)
        {
            w.WriteNullValue();
        }

        w.WriteEndArray();
    }

    /// <summary>Markdown shown by the editor on hover and completion: meaning (en, zh), type, unit, range, absence.</summary>
    private static string Describe(FactDeclaration fact)
    {
        var text = new StringBuilder();
        text.Append("**").Append(Markdown(fact.Description.En ?? fact.Description.Zh)).Append("**");
        if (fact.Description.En is not null)
        {
            text.Append(" (").Append(Markdown(fact.Description.Zh)).Append(')');
        }

        text.Append("\n\n").Append(fact.Kind switch
        {
            FactKind.Bool => "`true` or `false`.",
            FactKind.Int => "A whole number.",
            FactKind.Decimal => "A number.",
            FactKind.Date => "A date, `\"YYYY-MM-DD\"`.",
            FactKind.Division => "A 6-digit county-level division code (GB/T 2260), quoted, e.g. `\"310104\"`.",
            FactKind.Enum => "One of " + string.Join(", ", fact.Values.Select(v => $"`{v}`")) + ".",
            FactKind.Set => "A list of any of " + string.Join(", ", fact.Values.Select(v => $"`{v}`")) + ".",
            _ => "Text.",
        });
        if (fact.Unit is { } unit)
        {
            text.Append(" Unit: ").Append(Markdown(unit)).Append('.');
        }

        text.Append((fact.Min, fact.Max) switch
        {
            ({ } min, { } max) => string.Create(CultureInfo.InvariantCulture, $" From {min} to {max}."),
            ({ } min, null) => string.Create(CultureInfo.InvariantCulture, $" At least {min}."),
            (null, { } max) => string.Create(CultureInfo.InvariantCulture, $" At most {max}."),
            _ => "",
        });

        if (fact.Derived == "age-from-birthDate")
        {
            text.Append(" Computed from `birthDate` on the evaluation date when that is given; state it only when the birth date is not known.");
        }

        text.Append(fact.DefaultsToCounty ? " Left out: the county evaluated."
            : fact.AbsentMeansNone ? " Left out: none (a known answer, not an unknown)."
            : " Left out: unknown (rules that need it are undetermined).");
        return text.ToString();
    }

    /// <summary>Fact descriptions are plain text: keep characters that markdown would read as markup literal.</summary>
    private static string Markdown(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
