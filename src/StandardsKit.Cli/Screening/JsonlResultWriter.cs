using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace StandardsKit.Cli.Screening;

/// <summary>
/// JSON Lines out: <c>{"id", "county", "on", "item", "eligible", "quantities": [{name, value, unit, …}], "missingFacts"}</c>;
/// quantities as in SPEC §6 (an undetermined one has <c>"value": null</c>, <c>possibleValues</c> and its own <c>missingFacts</c>).
/// </summary>
/// <remarks>
/// A rendered chunk is megabytes (83 lines per resident): its buffer is reused once written, not dropped. Dropped,
/// each chunk left large-object-heap garbage that only a full collection returns, and peak memory grew the fewer
/// other allocations there were to trigger one. At most the chunks in flight hold buffers, so the pool is bounded.
/// </remarks>
internal sealed class JsonlResultWriter(Stream output) : ResultWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    private readonly System.Collections.Concurrent.ConcurrentBag<ArrayBufferWriter<byte>> _free = [];

    public override object Render(IReadOnlyList<ScreenedResident> residents)
    {
        if (!_free.TryTake(out var buffer))
        {
            buffer = new ArrayBufferWriter<byte>(Math.Max(1, residents.Count) * 4096);
        }

        using var w = new Utf8JsonWriter(buffer, Options);
        foreach (var (row, evaluation) in residents)
        {
            var on = Iso(row.On);
            foreach (var d in evaluation.Decisions)
            {
                w.WriteStartObject();
                w.WriteString("id", row.Id);
                w.WriteString("county", row.County);
                w.WriteString("on", on);
                w.WriteString("item", d.Item);
                if (d.Eligible is { } e)
                {
                    w.WriteBoolean("eligible", e);
                }
                else
                {
                    w.WriteNull("eligible");
                }

                w.WriteStartArray("quantities");
                foreach (var q in d.Level?.Quantities ?? [])
                {
                    w.WriteStartObject();
                    w.WriteString("name", q.Name);
                    if (q.Value is { } v)
                    {
                        w.WriteNumber("value", v);
                    }
                    else
                    {
                        w.WriteNull("value");
                    }

                    w.WriteString("unit", q.Unit);
                    if (q.AtLeast)
                    {
                        w.WriteBoolean("atLeast", true);
                    }

                    if (q.Value is null)
                    {
                        w.WriteStartArray("possibleValues");
                        foreach (var p in q.PossibleValues)
                        {
                            w.WriteNumberValue(p);
                        }

                        w.WriteEndArray();
                        w.WriteStartArray("missingFacts");
                        foreach (var f in q.MissingFacts)
                        {
                            w.WriteStringValue(f);
                        }

                        w.WriteEndArray();
                        if (q.MayBeAbsent)
                        {
                            w.WriteBoolean("mayBeAbsent", true);
                        }
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartArray("missingFacts");
                foreach (var f in d.MissingFacts)
                {
                    w.WriteStringValue(f);
                }

                w.WriteEndArray();
                w.WriteEndObject();
                w.Flush();
                buffer.Write("\n"u8);
                w.Reset(buffer);
            }
        }

        return buffer;
    }

    public override void Write(object rendered)
    {
        var buffer = (ArrayBufferWriter<byte>)rendered;
        output.Write(buffer.WrittenSpan);
        buffer.ResetWrittenCount();
        _free.Add(buffer);
    }

    public override void Complete() => output.Flush();
}
