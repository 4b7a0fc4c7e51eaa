using System.Buffers;
using System.Text.Json;
using StandardsKit.Engine;
using StandardsKit.Input;
using StandardsKit.Screening;

namespace StandardsKit.Cli.Screening;

/// <summary>
/// JSON Lines: one JSON object per line, facts by name (SPEC §4.3) plus optional <c>id</c>, <c>county</c> and
/// <c>on</c>. Lines are cut here (cheap, in order); parsing runs on the workers.
/// </summary>
internal static class JsonlSource
{
    public const int MaxLineBytes = 1024 * 1024;

    public static IEnumerable<InputRecord> Read(Stream input, string source)
    {
        var buffer = new byte[64 * 1024];
        var line = new ArrayBufferWriter<byte>(1024);
        var ready = new List<JsonlRecord>();
        long number = 0;
        var tooLong = false;
        int read;
        while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            var start = 0;
            while (true)
            {
                var end = buffer.AsSpan(start, read - start).IndexOf((byte)'\n');
                var length = end < 0 ? read - start : end;
                if (!tooLong)
                {
                    if (line.WrittenCount + length > MaxLineBytes)
                    {
                        tooLong = true;
                        line.ResetWrittenCount();
                    }
                    else
                    {
                        line.Write(buffer.AsSpan(start, length));
                    }
                }

                if (end < 0)
                {
                    break;
                }

                number++;
                if (Take(source, number, line, tooLong) is { } record)
                {
                    ready.Add(record);
                }

                tooLong = false;
                start += end + 1;
            }

            foreach (var record in ready)
            {
                yield return record;
            }

            ready.Clear();
        }

        if (line.WrittenCount > 0 || tooLong)
        {
            number++;
            if (Take(source, number, line, tooLong) is { } record)
            {
                yield return record;
            }
        }
    }

    private static JsonlRecord? Take(string source, long number, ArrayBufferWriter<byte> line, bool tooLong)
    {
        var bytes = line.WrittenSpan.TrimEnd("\r"u8);
        var blank = bytes.Trim(" \t"u8).IsEmpty;
        var record = tooLong ? new JsonlRecord(source, number, null)
            : blank ? null
            : new JsonlRecord(source, number, bytes.ToArray());
        line.ResetWrittenCount();
        return record;
    }

    private sealed class JsonlRecord(string source, long line, byte[]? bytes) : InputRecord(source, line)
    {
        private Dictionary<string, JsonPosition>? _keys; // where each fact's key is, once decoded

        public override (long Line, int Column)? PositionOf(string fact) =>
            _keys is not null && _keys.TryGetValue(fact, out var at) ? (Line, at.Column) : null;

        protected override bool Fill(RowFill fill, ref ResidentRow row, out string? id, out string? county, out string? on)
        {
            id = county = on = null;
            if (bytes is null)
            {
                return false;
            }

            JsonDocument document;
            try
            {
                document = StrictJson.Parse(StrictJson.CheckUtf8(bytes), ResidentJsonReader.MaxDepth, out _);
            }
            catch (StrictJsonException)
            {
                return false;
            }

            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return false;
                }

                foreach (var property in document.RootElement.EnumerateObject())
                {
                    var value = property.Value;
                    switch (property.Name)
                    {
                        case FactValues.IdColumn:
                            id = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
                            continue;
                        case FactValues.CountyColumn when value.ValueKind == JsonValueKind.String:
                            county = value.GetString();
                            continue;
                        case FactValues.OnColumn when value.ValueKind == JsonValueKind.String:
                            on = value.GetString();
                            continue;
                        case FactValues.CountyColumn or FactValues.OnColumn:
                            return false;
                    }

                    if (fill.Slot(property.Name) is not { } slot || !RowFill.Json(ref row, slot, value))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        public override ScreenRow Decode(RowDefaults defaults)
        {
            if (bytes is null)
            {
                throw new RowException($"line is longer than {MaxLineBytes:N0} bytes");
            }

            JsonDocument document;
            try
            {
                // The same strict reading as eval: a fact given twice is an error, not "the last one wins".
                document = StrictJson.Parse(StrictJson.CheckUtf8(bytes), ResidentJsonReader.MaxDepth, out _keys);
            }
            catch (StrictJsonException e)
            {
                throw new RowException(e.Message.StartsWith("is ", StringComparison.Ordinal) ? e.Message[3..] : "line " + e.Message) { Column = e.Position.Column };
            }

            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new RowException("each line must be a JSON object of facts");
                }

                string? id = null, county = null, on = null;
                var resident = Resident.Empty;
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    try
                    {
                        resident = Add(resident, property, ref id, ref county, ref on);
                    }
                    catch (RowException e) when (e.Column is null && PositionOf(property.Name) is { } at)
                    {
                        throw new RowException(e.Message) { Column = at.Column };
                    }
                }

                return new ScreenRow(id ?? Line.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    FactValues.County(county, defaults), FactValues.Date(on, defaults.On), resident);
            }
        }

        private static Resident Add(Resident resident, JsonProperty property, ref string? id, ref string? county, ref string? on)
        {
            var value = property.Value;
            switch (property.Name)
            {
                case FactValues.IdColumn:
                    id = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
                    return resident;
                case FactValues.CountyColumn:
                    county = value.ValueKind == JsonValueKind.String ? value.GetString() : throw new RowException("'county' must be a string such as \"310104\"");
                    return resident;
                case FactValues.OnColumn:
                    on = value.ValueKind == JsonValueKind.String ? value.GetString() : throw new RowException("'on' must be a string YYYY-MM-DD");
                    return resident;
            }

            return value.ValueKind switch
            {
                JsonValueKind.True => resident.With(property.Name, true),
                JsonValueKind.False => resident.With(property.Name, false),
                JsonValueKind.Number => value.TryGetDecimal(out var d) ? resident.With(property.Name, d) : throw new RowException($"'{property.Name}' is out of range"),
                JsonValueKind.String => resident.With(property.Name, value.GetString()!),
                JsonValueKind.Array => resident.With(property.Name, value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String
                    ? e.GetString()!
                    : throw new RowException($"'{property.Name}' must be a list of strings"))),
                JsonValueKind.Null => resident,
                _ => throw new RowException($"'{property.Name}' must be a plain value, not an object"),
            };
        }
    }
}
