using System.Globalization;
using Parquet;
using Parquet.Schema;
using StandardsKit.Screening;
using StandardsKit.Engine;
using StandardsKit.Input;
using StandardsKit.Model;

namespace StandardsKit.Cli.Screening;

/// <summary>
/// Parquet: flat columns named like the facts (plus <c>id</c>, <c>county</c>, <c>on</c>); booleans, integers,
/// decimals, doubles, dates and strings (sets as <c>a|b</c> strings). Read one row group at a time, so memory is
/// bounded by the file's row-group size. Standard input is copied to a temporary file first (Parquet needs to seek).
/// </summary>
internal static class ParquetSource
{
    /// <summary>Columns in one file (as for CSV).</summary>
    public const int MaxColumns = CsvSource.MaxFields;

    /// <summary>Rows in one row group: a group is read whole, so its size bounds memory.</summary>
    public const long MaxRowGroupRows = 1_000_000;

    /// <summary>Uncompressed bytes of one row group (and of one column chunk), as the file's metadata states them.</summary>
    public const long MaxRowGroupBytes = 256L * 1024 * 1024;

    /// <summary>A Parquet file read from standard input is copied to a temporary file first; at most this many bytes.</summary>
    public const long MaxStandardInputBytes = 1L << 30;

    public static IEnumerable<InputRecord> Read(Stream input, string source, FactVocabulary facts)
    {
        string? temporary = null;
        if (!input.CanSeek)
        {
            temporary = Path.Combine(Path.GetTempPath(), "standardskit-screen-" + Guid.NewGuid().ToString("N") + ".parquet");
            try
            {
                using var copy = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.None);
                Copy(input, copy, source);
            }
            catch
            {
                File.Delete(temporary);
                throw;
            }

            input = new FileStream(temporary, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.DeleteOnClose);
        }

        try
        {
            foreach (var record in ReadSeekable(input, source, facts))
            {
                yield return record;
            }
        }
        finally
        {
            if (temporary is not null)
            {
                input.Dispose();
            }
        }
    }

    /// <summary>Copies standard input, checking the magic "PAR1" first (so /dev/zero ends at once) and stopping at the limit.</summary>
    private static void Copy(Stream input, Stream copy, string source)
    {
        var buffer = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (total < 4 && !buffer.AsSpan(0, (int)Math.Min(n, 4 - total)).SequenceEqual("PAR1"u8[(int)total..(int)Math.Min(4, total + n)]))
            {
                throw new CliException($"{source}: not a Parquet file (it does not start with PAR1)");
            }

            total += n;
            if (total > MaxStandardInputBytes)
            {
                throw new CliException(string.Create(CultureInfo.InvariantCulture,
                    $"{source}: Parquet on standard input is limited to {MaxStandardInputBytes:N0} bytes (it is copied to a temporary file to be read); give the file's name instead"));
            }

            copy.Write(buffer, 0, n);
        }
    }

    private static IEnumerable<InputRecord> ReadSeekable(Stream input, string source, FactVocabulary facts)
    {
        ParquetReader reader;
        try
        {
            reader = ParquetReader.CreateAsync(input, leaveStreamOpen: true).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not (CliException or OutOfMemoryException or InputRefusedException))
        {
            throw new CliException($"{source}: not a Parquet file ({FirstLine(e.Message)})");
        }

        try
        {
            using var rows = Rows(reader, source, facts).GetEnumerator();
            while (true)
            {
                try
                {
                    if (!rows.MoveNext())
                    {
                        break;
                    }
                }
                catch (Exception e) when (e is not (CliException or OutOfMemoryException or InputRefusedException))
                {
                    // A corrupt page or header: the library throws whatever its decoder met (overflow, index, format…).
                    throw new CliException($"{source}: the Parquet file is damaged ({e.GetType().Name}: {FirstLine(e.Message)}); write it again");
                }

                yield return rows.Current;
            }
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static IEnumerable<InputRecord> Rows(ParquetReader reader, string source, FactVocabulary facts)
    {
        var fields = reader.Schema.GetDataFields();
        if (fields.Length > MaxColumns)
        {
            throw new CliException(string.Create(CultureInfo.InvariantCulture, $"{source}: {fields.Length:N0} columns; the limit is {MaxColumns:N0}"));
        }

        FactValues.CheckColumns(fields.Select(f => f.Name), facts, source);
        var unsupported = fields.FirstOrDefault(f => f.IsArray || Kind(f.ClrType) is null);
        if (unsupported is not null)
        {
            throw new CliException($"{source}: column '{unsupported.Name}' has type {unsupported.ClrType.Name}{(unsupported.IsArray ? "[]" : "")}; " +
                "use booleans, integers, decimals, doubles, dates or strings (sets as \"a|b\" strings)");
        }

        var columns = fields.Select(f => FactValues.IsReserved(f.Name) ? null : facts.Find(f.Name)).ToArray();
        var slots = new RowFill(ResidentRowLayout.For(facts)).Slots(fields.Select(f => f.Name).ToArray());
        long row = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var meta = group.RowGroup;
            var largest = meta.Columns.Count == 0 ? 0 : meta.Columns.Max(c => c.MetaData?.TotalUncompressedSize ?? 0);
            if (group.RowCount is < 0 or > MaxRowGroupRows || meta.TotalByteSize is < 0 or > MaxRowGroupBytes || largest is < 0 or > MaxRowGroupBytes)
            {
                throw new CliException(string.Create(CultureInfo.InvariantCulture,
                    $"{source}: row group {g + 1} has {group.RowCount:N0} rows and {Math.Max(meta.TotalByteSize, largest):N0} bytes; the limits are {MaxRowGroupRows:N0} rows and {MaxRowGroupBytes:N0} bytes per group — write the file with smaller row groups"));
            }

            var count = (int)group.RowCount;
            var data = fields.Select(f => ReadColumn(group, f, count)).ToArray();
            for (var i = 0; i < count; i++)
            {
                row++;
                var values = new object?[fields.Length];
                for (var c = 0; c < fields.Length; c++)
                {
                    values[c] = data[c].GetValue(i);
                }

                yield return new ParquetRecord(source, row, fields, columns, slots, values);
            }
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].TrimEnd('\r');

    private static string? Kind(Type type) => type switch
    {
        _ when type == typeof(bool) => "bool",
        _ when type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) || type == typeof(sbyte)
            || type == typeof(ushort) || type == typeof(uint) || type == typeof(decimal) || type == typeof(double) || type == typeof(float) => "number",
        _ when type == typeof(DateTime) || type == typeof(DateOnly) => "date",
        _ when IsText(type) => "string",
        _ => null,
    };

    // Parquet.Net 6 reports UTF-8 columns as ReadOnlyMemory<char> when read from a file, string when declared.
    private static bool IsText(Type type) => type == typeof(string) || type == typeof(ReadOnlyMemory<char>);

    private static Array ReadColumn(ParquetRowGroupReader group, DataField field, int count)
    {
        var t = field.ClrType;
        if (IsText(t))
        {
            var strings = new string?[count];
            group.ReadAsync(field, strings.AsMemory()).AsTask().GetAwaiter().GetResult();
            return strings;
        }

        return t switch
        {
            _ when t == typeof(bool) => Read<bool>(group, field, count),
            _ when t == typeof(int) => Read<int>(group, field, count),
            _ when t == typeof(long) => Read<long>(group, field, count),
            _ when t == typeof(short) => Read<short>(group, field, count),
            _ when t == typeof(byte) => Read<byte>(group, field, count),
            _ when t == typeof(sbyte) => Read<sbyte>(group, field, count),
            _ when t == typeof(ushort) => Read<ushort>(group, field, count),
            _ when t == typeof(uint) => Read<uint>(group, field, count),
            _ when t == typeof(decimal) => Read<decimal>(group, field, count),
            _ when t == typeof(double) => Read<double>(group, field, count),
            _ when t == typeof(float) => Read<float>(group, field, count),
            _ when t == typeof(DateOnly) => Read<DateOnly>(group, field, count),
            _ => Read<DateTime>(group, field, count),
        };
    }

    private static T?[] Read<T>(ParquetRowGroupReader group, DataField field, int count)
        where T : struct
    {
        var values = new T?[count];
        group.ReadAsync<T>(field, values.AsMemory()).AsTask().GetAwaiter().GetResult();
        return values;
    }

    private sealed class ParquetRecord(string source, long row, DataField[] fields, FactDeclaration?[] columns, RowSlot?[] slots, object?[] values) : InputRecord(source, row)
    {
        protected override bool Fill(RowFill fill, ref ResidentRow row, out string? id, out string? county, out string? on)
        {
            id = county = on = null;
            for (var i = 0; i < fields.Length; i++)
            {
                var value = values[i];
                if (value is null)
                {
                    continue;
                }

                if (columns[i] is not null)
                {
                    if (slots[i] is not { } slot || !RowFill.Cell(ref row, slot, value))
                    {
                        return false;
                    }

                    continue;
                }

                KeyColumn(fields[i].Name, value, ref id, ref county, ref on);
            }

            return true;
        }

        public override ScreenRow Decode(RowDefaults defaults)
        {
            string? id = null, county = null, on = null;
            var resident = Resident.Empty;
            for (var i = 0; i < fields.Length; i++)
            {
                var value = values[i];
                if (value is null)
                {
                    continue;
                }

                if (columns[i] is not { } fact)
                {
                    KeyColumn(fields[i].Name, value, ref id, ref county, ref on);
                    continue;
                }

                resident = value switch
                {
                    string { Length: > CsvSource.MaxFieldChars } => throw new RowException(string.Create(CultureInfo.InvariantCulture, $"column '{fact.Name}' is longer than {CsvSource.MaxFieldChars:N0} characters")),
                    string s => FactValues.WithText(resident, fact, s),
                    bool b => resident.With(fact.Name, b),
                    DateTime dt => resident.With(fact.Name, DateOnly.FromDateTime(dt)),
                    DateOnly d => resident.With(fact.Name, d),
                    double d when !double.IsFinite(d) => throw new RowException($"column '{fact.Name}' is {d}; expected a number"),
                    IConvertible n => resident.With(fact.Name, n.ToDecimal(CultureInfo.InvariantCulture)),
                    _ => throw new RowException($"column '{fact.Name}' has an unsupported value"),
                };
            }

            return new ScreenRow(id ?? Line.ToString(CultureInfo.InvariantCulture), FactValues.County(county, defaults), FactValues.Date(on, defaults.On), resident);
        }

        // A column that is not a fact is one of the row's keys (id, county, on), read as text whatever its Parquet type.
        private static void KeyColumn(string column, object value, ref string? id, ref string? county, ref string? on)
        {
            var text = value switch
            {
                DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
            switch (column)
            {
                case FactValues.IdColumn: id = text; break;
                case FactValues.CountyColumn: county = text; break;
                default: on = text; break;
            }
        }
    }
}
