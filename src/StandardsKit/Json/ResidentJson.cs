using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using StandardsKit.Engine;

namespace StandardsKit.Json;

/// <summary>A resident as the JSON object `eval --resident` reads, so an example can be fed straight back in.</summary>
internal static class ResidentJson
{
    /// <summary>The resident as a JSON object (facts in ordinal name order), detached from any document.</summary>
    public static JsonElement ToElement(Resident r)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            Write(w, r);
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        return JsonElement.ParseValue(ref reader);
    }

    public static void Write(Utf8JsonWriter w, Resident r)
    {
        w.WriteStartObject();
        foreach (var (fact, value) in r.Facts.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            switch (value)
            {
                case bool b:
                    w.WriteBoolean(fact, b);
                    break;
                case decimal d:
                    w.WriteNumber(fact, d);
                    break;
                case DateOnly date:
                    w.WriteString(fact, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    break;
                case string s:
                    w.WriteString(fact, s);
                    break;
                case ImmutableArray<string> set:
                    w.WriteStartArray(fact);
                    foreach (var x in set)
                    {
                        w.WriteStringValue(x);
                    }

                    w.WriteEndArray();
                    break;
            }
        }

        w.WriteEndObject();
    }
}
