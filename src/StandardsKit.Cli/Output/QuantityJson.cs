using System.Globalization;
using System.Text.Json;
using StandardsKit.Model;

namespace StandardsKit.Cli.Output;

/// <summary>
/// One quantity in the JSON of <c>list</c>, <c>show</c> and <c>report</c> (the <c>quantity</c> definition of
/// schemas/list-, show- and report-output.schema.json): numbers as numbers, the unit apart, and null where there is none.
/// </summary>
internal static class QuantityJson
{
    /// <summary>
    /// <c>{name, unit, atLeast, jurisdiction, tiers: [{when, value, steps: [{from, value}]}]}</c>: <c>value</c> is the
    /// tier's amount on <paramref name="on"/> (null before its first step), <c>from</c> null for a step that holds
    /// from the edition's start.
    /// </summary>
    public static void Write(Utf8JsonWriter w, Quantity q, DateOnly on, string? jurisdiction)
    {
        w.WriteStartObject();
        w.WriteString("name", q.Name);
        w.WriteString("unit", q.Unit);
        w.WriteBoolean("atLeast", q.AtLeast);
        if (jurisdiction is not null)
        {
            w.WriteString("jurisdiction", jurisdiction);
        }

        w.WriteStartArray("tiers");
        foreach (var tier in q.Tiers)
        {
            w.WriteStartObject();
            w.WriteString("when", tier.When);
            w.WriteNumberOrNull("value", tier.ValueOn(on));
            w.WriteStartArray("steps");
            foreach (var step in tier.Values)
            {
                w.WriteStartObject();
                if (step.From == DateOnly.MinValue)
                {
                    w.WriteNull("from");
                }
                else
                {
                    w.WriteString("from", step.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }

                w.WriteNumber("value", step.Value);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>An array of quantities, or null when <paramref name="quantities"/> is null ("none", as for a local-only item's national level).</summary>
    public static void WriteAll(Utf8JsonWriter w, string name, IEnumerable<(Quantity Quantity, string? Jurisdiction)>? quantities, DateOnly on)
    {
        if (quantities is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartArray(name);
        foreach (var (q, jurisdiction) in quantities)
        {
            Write(w, q, on, jurisdiction);
        }

        w.WriteEndArray();
    }
}
