using System.Globalization;
using System.Text.Json;
using Parquet;
using Parquet.Schema;
using StandardsKit.Engine;
using StandardsKit.Model;
using StandardsKit.Screening;

namespace StandardsKit.Benchmarks;

/// <summary>
/// Writes the realistic benchmark population (every input fact of the vocabulary, as <see cref="RawResident"/>
/// draws them) as the files <c>standardskit screen</c> reads: <c>PREFIX.jsonl</c> (one object per line, sets as
/// lists) and <c>PREFIX.parquet</c> (typed columns: bool, int, decimal; dates, enums, division codes as strings;
/// sets as <c>a|b</c>, <c>[]</c> for none), the same residents in the same order, each with an <c>id</c> and a
/// <c>county</c> (its residence: 310104 or 310115). Generated in blocks with fixed seeds, so the files are
/// reproducible and memory stays bounded whatever the count.
/// </summary>
/// <remarks>
/// <c>dotnet bench/StandardsKit.Benchmarks/bin/Release/net10.0/StandardsKit.Benchmarks.dll screen-input 1000000 /tmp/residents-1m</c>
/// (docs/performance.md). Values go through <see cref="ResidentRowLayout.ToResident"/>, so every value written is
/// one the engine accepts.
/// </remarks>
public static class ScreenInputFiles
{
    private const int Block = 65_536;

    public static string Write(int count, string prefix)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var catalog = Catalog.Default;
        var layout = catalog.Rows;
        var facts = layout.Facts.Facts.Where(f => f.Derived is null).ToArray();
        var filler = new RowFiller(layout);
        var fields = new List<DataField> { new DataField<string>("id"), new DataField<string>("county") };
        fields.AddRange(facts.Select(Field));
        var schema = new ParquetSchema(fields);

        using var jsonl = new BufferedStream(File.Create(prefix + ".jsonl"), 1 << 16);
        using var parquetFile = File.Create(prefix + ".parquet");
        var parquet = ParquetWriter.CreateAsync(schema, parquetFile).GetAwaiter().GetResult();
        using var json = new Utf8JsonWriter(jsonl, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var row = default(ResidentRow);
        for (var start = 0; start < count; start += Block)
        {
            var n = Math.Min(Block, count - start);
            var people = RawResident.Population(layout.Facts, n, BenchResident.On, seed: 7 + (start / Block));
            var residents = new Resident[n];
            var ids = new string[n];
            var counties = new string[n];
            for (var i = 0; i < n; i++)
            {
                filler.Fill(ref row, people[i]);
                residents[i] = layout.ToResident(row);
                ids[i] = "r" + (start + i + 1).ToString(CultureInfo.InvariantCulture);
                counties[i] = (string)residents[i].Facts["residence"];
                WriteLine(json, jsonl, ids[i], counties[i], residents[i], facts);
            }

            using var group = parquet.CreateRowGroup();
            group.WriteAsync((DataField<string>)fields[0], ids).GetAwaiter().GetResult();
            group.WriteAsync((DataField<string>)fields[1], counties).GetAwaiter().GetResult();
            for (var f = 0; f < facts.Length; f++)
            {
                WriteColumn(group, fields[f + 2], facts[f], residents);
            }
        }

        json.Flush();
        parquet.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return $"{count.ToString(CultureInfo.InvariantCulture)} residents ({facts.Length} facts each, as given) to {prefix}.jsonl and {prefix}.parquet";
    }

    private static DataField Field(FactDeclaration fact) => fact.Kind switch
    {
        FactKind.Bool => new DataField<bool?>(fact.Name),
        FactKind.Int => new DataField<long?>(fact.Name),
        FactKind.Decimal => new DataField<decimal?>(fact.Name),
        _ => new DataField<string>(fact.Name),
    };

    private static void WriteLine(Utf8JsonWriter json, Stream stream, string id, string county, Resident resident, FactDeclaration[] facts)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("county", county);
        foreach (var fact in facts)
        {
            if (!resident.Facts.TryGetValue(fact.Name, out var value))
            {
                continue;
            }

            switch (value)
            {
                case bool b: json.WriteBoolean(fact.Name, b); break;
                case decimal d: json.WriteNumber(fact.Name, d); break;
                case DateOnly date: json.WriteString(fact.Name, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
                case string s: json.WriteString(fact.Name, s); break;
                case IEnumerable<string> set:
                    json.WriteStartArray(fact.Name);
                    foreach (var member in set)
                    {
                        json.WriteStringValue(member);
                    }

                    json.WriteEndArray();
                    break;
                default: throw new InvalidOperationException($"fact '{fact.Name}' has a value of type {value.GetType()}");
            }
        }

        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
        json.Reset();
    }

    private static void WriteColumn(ParquetRowGroupWriter group, DataField field, FactDeclaration fact, Resident[] residents)
    {
        object? Get(Resident r) => r.Facts.TryGetValue(fact.Name, out var v) ? v : null;
        switch (field)
        {
            case DataField<bool?> bools:
                group.WriteAsync<bool>(bools, residents.Select(r => (bool?)Get(r)).ToArray()).GetAwaiter().GetResult();
                break;
            case DataField<long?> longs:
                group.WriteAsync<long>(longs, residents.Select(r => Get(r) is decimal d ? (long?)d : null).ToArray()).GetAwaiter().GetResult();
                break;
            case DataField<decimal?> decimals:
                group.WriteAsync<decimal>(decimals, residents.Select(r => (decimal?)Get(r)).ToArray()).GetAwaiter().GetResult();
                break;
            default:
                group.WriteAsync((DataField<string>)field, residents.Select(r => Text(Get(r))).ToArray()).GetAwaiter().GetResult();
                break;
        }
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        string s => s,
        IEnumerable<string> set => set.Any() ? string.Join('|', set) : "[]",
        _ => throw new InvalidOperationException($"unexpected value {value}"),
    };
}
