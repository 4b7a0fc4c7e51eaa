using System.Globalization;
using System.Text;
using StandardsKit.Engine;
using StandardsKit.Model;
using StandardsKit.Screening;

namespace StandardsKit.Cli.Screening;

/// <summary>
/// CSV (RFC 4180: commas, double-quoted fields with "" for a quote, CRLF or LF): the header names the columns,
/// facts typed by facts.yaml, sets written <c>a|b</c>, an empty cell meaning "not given".
/// </summary>
internal static class CsvSource
{
    public const int MaxFieldChars = 64 * 1024;
    public const int MaxFields = 1024;

    public static IEnumerable<InputRecord> Read(Stream input, string source, FactVocabulary facts)
    {
        using var reader = new StreamReader(input, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        var lexer = new CsvLexer(reader, source);
        var header = lexer.Next() ?? throw new CliException($"{source}: empty file; the first line must name the columns (facts, id, county, on)");
        FactValues.CheckColumns(header.Fields, facts, $"{source}:1");
        var columns = header.Fields.Select(name => FactValues.IsReserved(name) ? null : facts.Find(name)).ToArray();
        var names = header.Fields;
        var slots = new RowFill(ResidentRowLayout.For(facts)).Slots(names);
        while (lexer.Next() is { } row)
        {
            if (row.Fields.Length == 1 && row.Fields[0].Length == 0)
            {
                continue; // a blank line
            }

            yield return new CsvRecord(source, row.Line, row.Fields, row.Starts, names, columns, slots, row.Error);
        }
    }

    private sealed class CsvRecord(string source, long line, string[] fields, CellStart[] starts, string[] names, FactDeclaration?[] columns, RowSlot?[] slots, string? error)
        : InputRecord(source, line)
    {
        protected override bool Fill(RowFill fill, ref ResidentRow row, out string? id, out string? county, out string? on)
        {
            id = county = on = null;
            if (error is not null || fields.Length != names.Length)
            {
                return false;
            }

            for (var i = 0; i < fields.Length; i++)
            {
                if (columns[i] is not null)
                {
                    if (slots[i] is not { } slot || !RowFill.Text(ref row, slot, fields[i]))
                    {
                        return false;
                    }

                    continue;
                }

                switch (names[i])
                {
                    case FactValues.IdColumn: id = fields[i]; break;
                    case FactValues.CountyColumn: county = fields[i]; break;
                    default: on = fields[i]; break;
                }
            }

            id = string.IsNullOrEmpty(id) ? null : id;
            return true;
        }

        public override ScreenRow Decode(RowDefaults defaults)
        {
            if (error is not null)
            {
                throw new RowException(error);
            }

            if (fields.Length != names.Length)
            {
                throw new RowException($"{fields.Length} fields, but the header names {names.Length} columns");
            }

            string? id = null, county = null, on = null;
            var resident = Resident.Empty;
            for (var i = 0; i < fields.Length; i++)
            {
                if (columns[i] is { } fact)
                {
                    try
                    {
                        resident = FactValues.WithText(resident, fact, fields[i]);
                    }
                    catch (RowException e)
                    {
                        throw new RowException(e.Message) { Line = starts[i].Line, Column = starts[i].Column };
                    }

                    continue;
                }

                switch (names[i])
                {
                    case FactValues.IdColumn: id = fields[i]; break;
                    case FactValues.CountyColumn: county = fields[i]; break;
                    default: on = fields[i]; break;
                }
            }

            return new ScreenRow(string.IsNullOrEmpty(id) ? Line.ToString(CultureInfo.InvariantCulture) : id,
                FactValues.County(county, defaults), FactValues.Date(on, defaults.On), resident);
        }

        public override (long Line, int Column)? PositionOf(string fact) =>
            Array.IndexOf(names, fact) is var i and >= 0 && i < starts.Length ? (starts[i].Line, starts[i].Column) : null;
    }

    /// <summary>Where a field starts: its physical line and 1-based column in characters.</summary>
    private readonly record struct CellStart(long Line, int Column);

    /// <summary>One CSV record: its fields and where each starts, the physical line it starts on, and why it is malformed (if it is).</summary>
    private sealed record CsvLine(string[] Fields, CellStart[] Starts, long Line, string? Error);

    /// <summary>Splits a stream into records; a quoted field may span lines. Fields and counts are bounded.</summary>
    private sealed class CsvLexer(TextReader reader, string source)
    {
        private readonly StringBuilder _field = new();
        private readonly List<CellStart> _starts = [];
        private long _line = 1;
        private int _column; // characters read on the current physical line

        public CsvLine? Next()
        {
            var c = Read();
            if (c < 0)
            {
                return null;
            }

            var start = _line;
            _starts.Clear();
            _starts.Add(new CellStart(_line, _column));
            var fields = new List<string>();
            string? error = null;
            _field.Clear();
            var quoted = false;
            var wasQuoted = false;
            while (true)
            {
                if (c < 0)
                {
                    if (quoted)
                    {
                        error ??= "a quoted field is not closed before the end of the file";
                    }

                    fields.Add(_field.ToString());
                    return new CsvLine([.. fields], [.. _starts], start, error);
                }

                var ch = (char)c;
                if (quoted)
                {
                    if (ch == '"')
                    {
                        if (reader.Peek() == '"')
                        {
                            Read();
                            Append('"', ref error);
                        }
                        else
                        {
                            quoted = false;
                        }
                    }
                    else
                    {
                        if (ch == '\n')
                        {
                            NewLine();
                        }

                        Append(ch, ref error);
                    }
                }
                else if (ch == '"' && _field.Length == 0 && !wasQuoted)
                {
                    quoted = wasQuoted = true;
                }
                else if (ch == ',')
                {
                    fields.Add(_field.ToString());
                    _field.Clear();
                    wasQuoted = false;
                    if (fields.Count > MaxFields)
                    {
                        error ??= $"more than {MaxFields} fields";
                        fields.Clear();
                        _starts.Clear();
                    }

                    _starts.Add(new CellStart(_line, _column + 1));
                }
                else if (ch == '\n' || ch == '\r')
                {
                    if (ch == '\r' && reader.Peek() == '\n')
                    {
                        reader.Read();
                    }

                    NewLine();
                    fields.Add(_field.ToString());
                    return new CsvLine([.. fields], [.. _starts], start, error);
                }
                else
                {
                    if (wasQuoted)
                    {
                        error ??= "text after a closing quote; write \"\" for a quote inside a quoted field";
                    }

                    Append(ch, ref error);
                }

                c = Read();
            }
        }

        private int Read()
        {
            var c = reader.Read();
            _column++;
            return c;
        }

        private void NewLine()
        {
            _line++;
            _column = 0;
        }

        private void Append(char ch, ref string? error)
        {
            if (_field.Length < MaxFieldChars)
            {
                _field.Append(ch);
            }
            else
            {
                error ??= $"a field is longer than {MaxFieldChars:N0} characters";
            }
        }

        public override string ToString() => source;
    }
}
