using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace StandardsKit.Cli.Output;

internal static class JsonOutput
{
    /// <summary>An indented writer that keeps Chinese readable (no \uXXXX escapes); call flush when done.</summary>
    public static Utf8JsonWriter Writer(TextWriter target, out Action flush)
    {
        var buffer = new MemoryStream();
        var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        flush = () =>
        {
            writer.Flush();
            target.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
        };
        return writer;
    }

    public static void WriteNumberOrNull(this Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    public static void WriteBooleanOrNull(this Utf8JsonWriter w, string name, bool? value)
    {
        if (value is { } v)
        {
            w.WriteBoolean(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>Bilingual text as {"zh": …, "en": …}; "en" is null where nobody translated it, so the shape is stable.</summary>
    public static void WriteText(this Utf8JsonWriter w, string name, Model.LocalizedText text)
    {
        w.WriteStartObject(name);
        w.WriteString("zh", text.Zh);
        w.WriteString("en", text.En);
        w.WriteEndObject();
    }

    /// <summary>An array of strings; with <paramref name="nullWhenEmpty"/>, null instead of an empty array (a fact with no allowed values).</summary>
    public static void WriteStrings(this Utf8JsonWriter w, string name, IEnumerable<string> values, bool nullWhenEmpty = false)
    {
        var list = values as IReadOnlyCollection<string> ?? [.. values];
        if (nullWhenEmpty && list.Count == 0)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartArray(name);
        foreach (var v in list)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    /// <summary>Bilingual text, or null where there is none (no local name, no level text).</summary>
    public static void WriteTextOrNull(this Utf8JsonWriter w, string name, Model.LocalizedText? text)
    {
        if (text is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteText(name, text);
        }
    }
}
