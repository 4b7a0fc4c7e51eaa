using System.Text;
using System.Text.Json;

namespace StandardsKit.Input;

/// <summary>A 1-based line and column (in characters) in a JSON text.</summary>
internal readonly record struct JsonPosition(int Line, int Column);

/// <summary>
/// JSON that is wrong in a way System.Text.Json accepts or reports without a usable position. The message reads after
/// the name of what was read: "resident is not valid JSON: …", "resident gives the key 'x' twice …".
/// </summary>
internal sealed class StrictJsonException(string message, JsonPosition position) : Exception(message)
{
    public JsonPosition Position { get; } = position;

    /// <summary>The JSON pointer (<c>#/input/county</c>) of the value at fault, where known.</summary>
    public string? Pointer { get; init; }
}

/// <summary>
/// Parses JSON the way YAML is read: a key given twice in one object is an error at the second key (System.Text.Json
/// keeps the last silently, so <c>{"dibao": true, "dibao": false}</c> would mean whatever came last), and every error
/// carries its line and column. Every JSON input the tool reads goes through here.
/// </summary>
internal static class StrictJson
{
    /// <summary>Parses <paramref name="utf8"/>; <paramref name="keys"/> receives where each top-level key is.</summary>
    /// <exception cref="StrictJsonException">The JSON is malformed, too deep, or repeats a key.</exception>
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8, int maxDepth, out Dictionary<string, JsonPosition> keys)
    {
        keys = new Dictionary<string, JsonPosition>(StringComparer.Ordinal);
        var positions = new PositionTracker(utf8);
        var options = new JsonReaderOptions { MaxDepth = maxDepth, CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false };
        var reader = new Utf8JsonReader(utf8.Span, options);
        var open = new Stack<Dictionary<string, JsonPosition>?>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        open.Push(new Dictionary<string, JsonPosition>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.StartArray:
                        open.Push(null);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        open.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        var at = positions.At(reader.TokenStartIndex);
                        var seen = open.Peek()!;
                        if (seen.TryGetValue(name, out var first))
                        {
                            throw Twice(name, first, at);
                        }

                        seen[name] = at;
                        if (open.Count == 1)
                        {
                            keys[name] = at;
                        }

                        break;
                }
            }
        }
        catch (JsonException e)
        {
            throw new StrictJsonException("is not valid JSON: " + FirstSentence(e.Message), positions.AtLine((int)(e.LineNumber ?? 0), (int)(e.BytePositionInLine ?? 0)));
        }
        catch (InvalidOperationException e)
        {
            // GetString on a key that is not valid UTF-8 or holds an invalid escape.
            throw new StrictJsonException("is not valid JSON: " + FirstSentence(e.Message), positions.At(reader.TokenStartIndex));
        }

        try
        {
            return JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = maxDepth });
        }
        catch (JsonException e)
        {
            throw new StrictJsonException("is not valid JSON: " + FirstSentence(e.Message), positions.AtLine((int)(e.LineNumber ?? 0), (int)(e.BytePositionInLine ?? 0)));
        }
    }

    /// <summary>
    /// Checks a sequence of JSON values (one document, or JSON Lines) for keys given twice in one object, without building
    /// them; an error names the line and column (in characters) in the whole text and the JSON pointer of the key.
    /// Malformed JSON is left to the parser that reads the values.
    /// </summary>
    /// <exception cref="StrictJsonException">A key is given twice.</exception>
    public static void CheckKeys(ReadOnlyMemory<byte> utf8, int maxDepth)
    {
        var positions = new PositionTracker(utf8);
        var offset = 0;
        var options = new JsonReaderOptions { MaxDepth = maxDepth, CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false };
        while (true)
        {
            var rest = utf8.Span[offset..];
            var skip = rest.Length - rest.TrimStart(" \t\r\n"u8).Length;
            offset += skip;
            if (offset >= utf8.Length)
            {
                return;
            }

            var reader = new Utf8JsonReader(utf8.Span[offset..], isFinalBlock: false, state: new JsonReaderState(options));
            var open = new Stack<Frame>();
            try
            {
                while (reader.Read())
                {
                    switch (reader.TokenType)
                    {
                        case JsonTokenType.StartObject or JsonTokenType.StartArray:
                            var path = open.Count == 0 ? "" : open.Peek().Child();
                            open.Push(new Frame(reader.TokenType == JsonTokenType.StartObject ? new Dictionary<string, JsonPosition>(StringComparer.Ordinal) : null, path));
                            break;
                        case JsonTokenType.EndObject or JsonTokenType.EndArray:
                            open.Pop();
                            break;
                        case JsonTokenType.PropertyName:
                            var name = reader.GetString()!;
                            var at = positions.At(offset + reader.TokenStartIndex);
                            var frame = open.Peek();
                            frame.Name = name;
                            if (frame.Keys!.TryGetValue(name, out var first))
                            {
                                throw Twice(name, first, at, "#" + frame.Child());
                            }

                            frame.Keys[name] = at;
                            continue;
                        default:
                            if (open.Count > 0)
                            {
                                open.Peek().Child();
                            }

                            break;
                    }

                    if (open.Count == 0)
                    {
                        break;
                    }
                }
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                return; // malformed: the parser reading the values reports it
            }

            if (reader.BytesConsumed == 0 || open.Count != 0)
            {
                return;
            }

            offset += (int)reader.BytesConsumed;
        }
    }

    /// <summary>An object or array being read: its keys so far, its JSON pointer, and the last key or next index.</summary>
    private sealed class Frame(Dictionary<string, JsonPosition>? keys, string path)
    {
        private int _index;

        public Dictionary<string, JsonPosition>? Keys { get; } = keys;

        public string? Name { get; set; }

        /// <summary>The pointer of the value that starts now: the last key's, or the next element's.</summary>
        public string Child() => Keys is null
            ? path + "/" + (_index++).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : path + "/" + Name!.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
    }

    // Both readers word a repeated key alike, and print it safely: a key is the reader's input, not ours.
    private static StrictJsonException Twice(string name, JsonPosition first, JsonPosition at, string? pointer = null) =>
        new(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"gives the key '{Printable(name)}' twice (first at line {first.Line}, column {first.Column}); give each key once"), at)
        {
            Pointer = pointer,
        };

    /// <summary>A key as it can be printed: control characters as \uXXXX.</summary>
    public static string Printable(string name) =>
        string.Concat(name.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));

    /// <summary>Decodes UTF-8 strictly (a byte-order mark is dropped), reporting where the first invalid byte is.</summary>
    /// <exception cref="StrictJsonException">The bytes are not UTF-8.</exception>
    public static ReadOnlyMemory<byte> CheckUtf8(ReadOnlyMemory<byte> bytes)
    {
        if (bytes.Span.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(bytes.Span);
            return bytes;
        }
        catch (DecoderFallbackException e)
        {
            throw new StrictJsonException("is not valid UTF-8; save the file as UTF-8", new PositionTracker(bytes).At(Math.Max(0, e.Index)));
        }
    }

    private static string FirstSentence(string message)
    {
        var i = message.IndexOf(". ", StringComparison.Ordinal);
        var first = i > 0 ? message[..i] : message.TrimEnd('.');
        var path = first.IndexOf(" Path: ", StringComparison.Ordinal);
        return path > 0 ? first[..path] : first;
    }

    /// <summary>Turns byte offsets into lines and columns, moving forward only, so locating every key is one pass.</summary>
    private sealed class PositionTracker(ReadOnlyMemory<byte> utf8)
    {
        private long _offset;
        private int _line = 1;
        private int _column = 1;

        public JsonPosition At(long offset)
        {
            if (offset < _offset)
            {
                (_offset, _line, _column) = (0, 1, 1);
            }

            var span = utf8.Span;
            for (; _offset < Math.Min(offset, span.Length); _offset++)
            {
                var b = span[(int)_offset];
                if (b == (byte)'\n')
                {
                    _line++;
                    _column = 1;
                }
                else if ((b & 0xC0) != 0x80)
                {
                    _column++;
                }
            }

            return new JsonPosition(_line, _column);
        }

        /// <summary>From System.Text.Json's 0-based line and byte in the line.</summary>
        public JsonPosition AtLine(int line, int byteInLine)
        {
            var span = utf8.Span;
            var start = 0;
            for (var l = 0; l < line && start < span.Length; l++)
            {
                var next = span[start..].IndexOf((byte)'\n');
                start = next < 0 ? span.Length : start + next + 1;
            }

            return At(Math.Min(span.Length, start + (long)byteInLine));
        }
    }
}
