using System.Globalization;
using Parquet;
using Parquet.Schema;
using StandardsKit.Screening;
using StandardsKit.Engine;
using StandardsKit.Model;

namespace StandardsKit.Cli.Screening;

/// <summary>
/// Parquet: flat columns named like the facts (plus <c>id</c>, <c>county</c>, <c>on</c>); booleans, integers,
/// decimals, doubles, dates and strings (sets as <c>a|b</c> strings). Read one row group at a time, so memory is
/// bounded by the file's row-group size. Standard input is copied to a temporary file first (Parquet needs to seek).
/// </summary>
internal static class ParquetSource
{
    public static IEnumerable<InputRecord> Read(Stream input, string source, FactVocabulary facts)
    {
        string? temporary = null;
        if (!input.CanSeek)
        {
            temporary = Path.Combine(Path.GetTempPath(), "standardskit-screen-" + Guid.NewGuid().ToString("N") + ".parquet");
            using (var copy = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.None))
            {
                input.CopyTo(copy);
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

    private static IEnumerable<InputRecord> ReadSeekable(Stream input, string source, FactVocabulary facts)
    {
        ParquetReader reader;
        try
        {
            reader = ParquetReader.CreateAsync(input, leaveStreamOpen: true).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ArgumentException)
        {
            throw new CliException($"{source}: not a Parquet file ({e.Message})");
        }

        try
        {
            foreach (var record in Rows(reader, source, facts))
            {
                yield return record;
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
            var count = checked((int)group.RowCount);
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

                var text = value switch
                {
                    DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => value.ToString(),
                };
                switch (fields[i].Name)
                {
                    case FactValues.IdColumn: id = text; break;
                    case FactValues.CountyColumn: county = text; break;
                    default: on = text; break;
                }
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
                    var text = value switch
                    {
                        DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                        _ => value.ToString(),
                    };
                    switch (fields[i].Name)
                    {
                        case FactValues.IdColumn: id = text; break;
                        case FactValues.CountyColumn: county = text; break;
                        default: on = text; break;
                    }

                    continue;
                }

                resident = value switch
                {
                    string s => FactValues.WithText(resident, fact, s),
                    bool b => resident.With(fact.Name, b),
                    DateTime dt => resident.With(fact.Name, DateOnly.FromDateTime(dt)),
                    DateOnly d => resident.With(fact.Name, d),
                    double d when !double.IsFinite(d) => throw new RowException($"column '{fact.Name}' is {d}; expected a number"),
                    IConvertible n => resident.With(fact.Name, n.ToDecimal(CultureInfo.InvariantCulture)),
                    _ => throw new RowException($"column '{fact.Name}' has an unsupported value"),
                };
            }

            return new ScreenRow(id ?? Line.ToString(CultureInfo.InvariantCulture), FactValues.County(county, defaults.County), FactValues.Date(on, defaults.On), resident);
        }
    }
}
