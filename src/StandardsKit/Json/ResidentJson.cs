using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using StandardsKit.Engine;

namespace StandardsKit.Cli.Output;

/// <summary>A resident as the JSON object `eval --resident` reads, so an example can be fed straight back in.</summary>
internal static class ResidentJson
{
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
