using System.Globalization;
using System.Text.Json;
using StandardsKit.Engine;
using StandardsKit.Model;

namespace StandardsKit.Cli.Output;

/// <summary>The <c>eval --format json</c> contract (SPEC §6). Add fields freely; never rename or remove one.</summary>
internal static class EvaluationJson
{
    public static void Write(TextWriter target, Evaluation evaluation)
    {
        using var w = JsonOutput.Writer(target, out var flush);
        w.WriteStartObject();
        w.WriteString("county", evaluation.County);
        w.WriteString("on", evaluation.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteStartArray("chain");
        foreach (var link in evaluation.Chain)
        {
            w.WriteStartObject();
            w.WriteString("jurisdiction", link.Jurisdiction);
            w.WriteString("standard", link.Standard);
            w.WriteString("edition", link.Edition);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("decisions");
        foreach (var d in evaluation.Decisions)
        {
            WriteDecision(w, d);
        }

        w.WriteEndArray();
        if (!evaluation.Warnings.IsEmpty)
        {
            // Extra field (SPEC §6 is extended, never broken): present only when there is something to say.
            w.WriteStartArray("warnings");
            foreach (var warning in evaluation.Warnings)
            {
                w.WriteStartObject();
                w.WriteString("code", warning.Code);
                w.WriteString("message", warning.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        flush();
    }

    private static void WriteDecision(Utf8JsonWriter w, Decision d)
    {
        w.WriteStartObject();
        w.WriteString("item", d.Item);
        w.WriteNumberOrNull("number", d.Number);

        w.WriteText("name", d.Name);
        if (d.LocalName is { } local)
        {
            w.WriteText("localName", local);
        }

        w.WriteString("kind", d.Kind switch { ItemKind.Basic => "basic", ItemKind.NonBasic => "non-basic", _ => "local" });
        w.WriteString("jurisdiction", d.Jurisdiction);
        w.WriteBooleanOrNull("eligible", d.Eligible);

        w.WriteStartArray("missingFacts");
        foreach (var f in d.MissingFacts)
        {
            w.WriteStringValue(f);
        }

        w.WriteEndArray();
        if (d.Level is { } level)
        {
            w.WriteStartObject("level");
            w.WriteStartArray("quantities");
            foreach (var q in level.Quantities)
            {
                w.WriteStartObject();
                w.WriteString("name", q.Name);
                w.WriteNumberOrNull("value", q.Value);
                w.WriteString("unit", q.Unit);
                if (q.AtLeast)
                {
                    w.WriteBoolean("atLeast", true);
                }

                w.WriteString("jurisdiction", q.Jurisdiction);
                if (q.Value is null)
                {
                    // Only undetermined amounts carry these, so a determined quantity keeps its shape (SPEC §6).
                    WriteUndetermined(w, q);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (level.Text is { } text)
            {
                w.WriteText("text", text);
            }
            else
            {
                w.WriteNull("text");
            }

            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("level");
        }

        w.WriteStartArray("because");
        foreach (var r in d.Because)
        {
            w.WriteStartObject();
            w.WriteString("expression", r.Expression);
            w.WriteBooleanOrNull("result", r.Result);

            w.WriteString("source", r.Source.ToString());
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("citations");
        foreach (var c in d.Citations)
        {
            w.WriteStartObject();
            w.WriteString("standard", c.Standard);
            w.WriteString("title", c.Title.Zh);
            w.WriteString("url", c.Url);

            w.WriteString("item", c.Item);
            w.WriteString("evidence", c.Evidence.Name());
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteUndetermined(Utf8JsonWriter w, ResolvedQuantity q)
    {
        w.WriteStartArray("missingFacts");
        foreach (var f in q.MissingFacts)
        {
            w.WriteStringValue(f);
        }

        w.WriteEndArray();
        w.WriteStartArray("possibleValues");
        foreach (var v in q.PossibleValues)
        {
            w.WriteNumberValue(v);
        }

        w.WriteEndArray();
        if (q.MayBeAbsent)
        {
            w.WriteBoolean("mayBeAbsent", true);
        }
    }
}
