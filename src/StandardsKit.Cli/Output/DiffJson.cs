using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using StandardsKit.Diff;
using StandardsKit.Engine;
using StandardsKit.Json;

namespace StandardsKit.Cli.Output;

/// <summary>The <c>diff --format json</c> contract (issue 5): extend, never rename.</summary>
internal static class DiffJson
{
    public static void Write(TextWriter target, StandardsDiff diff)
    {
        using var w = JsonOutput.Writer(target, out var flush);
        w.WriteStartObject();
        WriteSides(w, "old", diff.Old);
        WriteSides(w, "new", diff.New);
        w.WriteStartObject("summary");
        foreach (var (name, count) in DiffSummary.Counts(diff))
        {
            w.WriteNumber(name, count);
        }

        w.WriteEndObject();
        w.WriteStartArray("changes");
        foreach (var c in diff.Changes)
        {
            w.WriteStartObject();
            w.WriteString("item", c.Item);
            w.WriteText("name", c.Name);
            if (c.OldName is { } oldName)
            {
                w.WriteText("oldName", oldName);
            }

            w.WriteStartArray("kinds");
            foreach (var k in c.Kinds)
            {
                w.WriteStringValue(DiffSummary.Name(k));
            }

            w.WriteEndArray();
            w.WriteStartArray("level");
            foreach (var l in c.Level)
            {
                w.WriteStartObject();
                w.WriteString("quantity", l.Quantity);
                if (l.When is not null)
                {
                    w.WriteString("when", l.When);
                }

                w.WriteNumberOrNull("old", l.Old);
                w.WriteNumberOrNull("new", l.New);
                w.WriteString("unit", l.Unit);
                w.WriteString("direction", l.Direction.ToString().ToLowerInvariant());
                if (l.Note is not null)
                {
                    w.WriteString("note", l.Note);
                }

                WriteSteps(w, "oldSteps", l.OldSteps);
                WriteSteps(w, "newSteps", l.NewSteps);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (c.Eligibility is { } e)
            {
                w.WriteStartObject("eligibility");
                w.WriteString("direction", e.Direction.ToString().ToLowerInvariant());
                w.WriteString("old", e.Old);
                w.WriteString("new", e.New);
                WriteResidents(w, "gained", e.Gained);
                WriteResidents(w, "lost", e.Lost);
                if (e.Note is { } note)
                {
                    w.WriteString("note", note);
                }
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("eligibility");
            }

            if (c.Rule is { } rule)
            {
                w.WriteString("rule", rule);
            }

            if (!c.Quantities.IsEmpty)
            {
                w.WriteStartArray("quantities");
                foreach (var q in c.Quantities)
                {
                    w.WriteStringValue(q);
                }

                w.WriteEndArray();
            }

            w.WriteStartArray("fields");
            foreach (var f in c.Fields)
            {
                w.WriteStartObject();
                w.WriteString("field", f.Field);
                w.WriteString("old", f.Old);
                w.WriteString("new", f.New);
                w.WriteString("diff", f.Diff);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        flush();
    }

    private static void WriteSides(Utf8JsonWriter w, string name, ImmutableArray<DiffSide> sides)
    {
        w.WriteStartObject(name);
        w.WriteString("standards", string.Join(", ", sides.Select(s => s.Standard)));
        w.WriteStartArray("editions");
        foreach (var s in sides)
        {
            w.WriteStartObject();
            w.WriteString("standard", s.Standard);
            w.WriteString("title", s.Title.Zh);
            w.WriteString("effectiveFrom", s.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("path", s.Path);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteSteps(Utf8JsonWriter w, string name, ImmutableArray<Model.DatedValue> steps)
    {
        if (steps.IsEmpty)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var s in steps)
        {
            w.WriteStartObject();
            w.WriteString("from", s.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteNumber("value", s.Value);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteResidents(Utf8JsonWriter w, string name, ImmutableArray<Resident> residents)
    {
        w.WriteStartArray(name);
        foreach (var r in residents)
        {
            ResidentJson.Write(w, r);
        }

        w.WriteEndArray();
    }
}
