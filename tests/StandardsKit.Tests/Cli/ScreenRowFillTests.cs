using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using Parquet;
using Parquet.Schema;
using StandardsKit.Cli.Screening;
using StandardsKit.Engine;
using StandardsKit.Model;
using StandardsKit.Screening;
using StandardsKit.Tests.TestSupport;
using static StandardsKit.Tests.Cli.CliHarness;

namespace StandardsKit.Tests.Cli;

/// <summary>
/// <c>screen</c>'s fast path (issue 13): rows filled straight from JSON Lines, CSV and Parquet into
/// <see cref="ResidentRow"/>s, with no <see cref="Resident"/> per row. Its output must be byte for byte what the
/// reference reading (a <see cref="Resident"/> per row, as before) prints, bad rows and their messages included, and
/// it must really be taken for the rows it can take.
/// </summary>
public sealed partial class ScreenRowFillTests : IDisposable
{
    private static readonly string[] Counties = ["310104", "110101", "510104", "330203", "520102"];
    private static readonly FactDeclaration[] Facts = [.. Catalog.Default.Facts.Facts];
    private readonly TempFolder _folder = new();

    /// <summary>One cell: a fact and a value as JSON text and as CSV text; <c>Valid</c> when the engine accepts it.</summary>
    private sealed record Cell(FactDeclaration Fact, string Json, string Csv, bool Valid);

    /// <summary>A resident: a county (sometimes missing or wrong) and cells of every kind, valid or not.</summary>
    private sealed record Person(string? County, Cell[] Cells);

    private static Cell Draw(FactDeclaration fact, Random random, bool valid)
    {
        static string Q(string s) => "\"" + s + "\"";
        if (fact.Derived is not null)
        {
            return new Cell(fact, "7", "7", false); // a stated age: the reference reading decides what it means
        }

        if (!valid)
        {
            return random.Next(6) switch
            {
                0 => new Cell(fact, Q("bogus"), "bogus", false),
                1 => new Cell(fact, "1.5", "1.5", false),
                2 => new Cell(fact, "-99999999", "-99999999", false),
                3 => new Cell(fact, "true", "true", false),
                4 => new Cell(fact, "[\"bogus\"]", "bogus|other", false),
                _ => new Cell(fact, "{\"a\": 1}", "2030-01-01", false),
            };
        }

        switch (fact.Kind)
        {
            case FactKind.Bool:
                var b = random.Next(2) == 0;
                return new Cell(fact, b ? "true" : "false", random.Next(3) switch { 0 => b ? "TRUE" : "FALSE", 1 => b ? "1" : "0", _ => b ? "true" : "false" }, true);
            case FactKind.Int:
                var min = (long)(fact.Min ?? 0);
                var n = min + random.Next((int)Math.Min((long)(fact.Max ?? 120) - min + 1, 200));
                var text = n.ToString(CultureInfo.InvariantCulture);
                return new Cell(fact, random.Next(5) == 0 ? text + ".0" : text, random.Next(5) == 0 ? text + ".00" : text, true);
            case FactKind.Decimal:
                var d = Math.Round((decimal)random.NextDouble() * 1000, 2).ToString(CultureInfo.InvariantCulture);
                return new Cell(fact, d, d, true);
            case FactKind.Date:
                var date = new DateOnly(1925, 1, 1).AddDays(random.Next(36_000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                return new Cell(fact, Q(date), date, true);
            case FactKind.Enum:
                var value = fact.Values[random.Next(fact.Values.Length)];
                return new Cell(fact, Q(value), value, true);
            case FactKind.Set:
                var members = fact.Values.Where(_ => random.Next(3) == 0).ToList();
                return new Cell(fact, "[" + string.Join(", ", members.Select(Q)) + "]",
                    members.Count == 0 ? "[]" : string.Join(random.Next(2) == 0 ? "|" : " | ", members), true);
            case FactKind.Division:
                var code = Counties[random.Next(Counties.Length)];
                return new Cell(fact, Q(code), code, true);
            default:
                return new Cell(fact, Q("text"), "text", true);
        }
    }

    /// <summary>Residents whose cells are mostly valid; <paramref name="badPercent"/> of the cells are not.</summary>
    private static Gen<Person[]> People(int badPercent) => Gen.Select(Gen.Int[0, 1_000_000], Gen.Int[1, 30]).Select((seed, count) =>
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            var county = random.Next(40) == 0 ? null : random.Next(40) == 0 ? "999999" : Counties[random.Next(Counties.Length)];
            var cells = Facts.Where(f => random.Next(100) < 60 && (f.Derived is null || random.Next(10) == 0))
                .Select(f => Draw(f, random, random.Next(100) >= badPercent)).ToArray();
            return new Person(county, cells);
        }).ToArray();
    });

    private static string Jsonl(Person[] people) => string.Join("\n", people.Select((p, i) =>
        "{\"id\": \"r" + i.ToString(CultureInfo.InvariantCulture) + "\"" + (p.County is null ? "" : ", \"county\": \"" + p.County + "\"")
        + string.Concat(p.Cells.Select(c => ", \"" + c.Fact.Name + "\": " + c.Json)) + "}"));

    private static string Csv(Person[] people)
    {
        var columns = Facts.Where(f => people.Any(p => p.Cells.Any(c => c.Fact == f))).ToList();
        var text = new StringBuilder("id,county," + string.Join(",", columns.Select(f => f.Name)) + "\n");
        for (var i = 0; i < people.Length; i++)
        {
            var cells = people[i].Cells.ToDictionary(c => c.Fact);
            text.Append('r').Append(i).Append(',').Append(people[i].County).Append(',')
                .AppendJoin(",", columns.Select(f => cells.TryGetValue(f, out var c) ? "\"" + c.Csv + "\"" : ""))
                .Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The same run on the fast path and on the reference path alone.</summary>
    private static (CliResult Fast, CliResult Reference) Both(string stdin, params string[] args)
    {
        var fast = RunWithInput(stdin, args);
        ScreenPipeline.ReferenceOnly.Value = true;
        try
        {
            return (fast, RunWithInput(stdin, args));
        }
        finally
        {
            ScreenPipeline.ReferenceOnly.Value = false;
        }
    }

    [GeneratedRegex(@" in [0-9.,]+ s \([0-9,]+ decisions/s\)|用时 [0-9.,]+ 秒（每秒 [0-9,]+ 项）")]
    private static partial Regex Timing();

    private static void ShouldBeIdentical((CliResult Fast, CliResult Reference) run)
    {
        run.Fast.ExitCode.Should().Be(run.Reference.ExitCode);
        run.Fast.Out.Should().Be(run.Reference.Out, "the fast path must print exactly what the reference reading prints");
        Timing().Replace(run.Fast.Err, "").Should().Be(Timing().Replace(run.Reference.Err, ""), "bad rows must be reported exactly as before");
    }

    [Fact]
    public void Json_lines_screen_byte_for_byte_as_the_reference_reading_bad_rows_included()
    {
        People(badPercent: 1).Sample(people =>
        {
            ShouldBeIdentical(Both(Jsonl(people), "screen", "--county", "310104", "--on", "2024-06-01", "--threads", "2"));
        }, iter: 30);
    }

    [Fact]
    public void Csv_screens_byte_for_byte_as_the_reference_reading_bad_rows_included()
    {
        People(badPercent: 3).Sample(people =>
        {
            var path = _folder.Write($"people-{Guid.NewGuid():N}.csv", Csv(people));
            ShouldBeIdentical(Both("", "screen", path, "--county", "310104", "--on", "2024-06-01", "--format", "csv"));
        }, iter: 20);
    }

    [Fact]
    public async Task Parquet_screens_byte_for_byte_as_the_reference_reading()
    {
        var people = People(badPercent: 0).Array[3].Single().SelectMany(p => p).ToArray();
        var path = Path.Combine(_folder.Path, "people.parquet");
        await WriteParquet(path, people);

        ShouldBeIdentical(Both("", "screen", path, "--county", "310104", "--on", "2024-06-01"));
    }

    [Fact]
    public void Every_valid_row_takes_the_fast_path_and_fills_the_row_the_reference_reading_fills()
    {
        var layout = Catalog.Default.Rows;
        var defaults = new RowDefaults("310104", new DateOnly(2024, 6, 1), Catalog.Default.Facts);
        var fill = new RowFill(layout);
        People(badPercent: 0).Sample(people =>
        {
            // Stated ages are left to the reference reading on purpose; everything else valid must fill.
            var valid = people.Select(p => p with { County = "310104", Cells = [.. p.Cells.Where(c => c.Fact.Derived is null)] }).ToArray();
            var sources = new (string Name, IEnumerable<InputRecord> Records)[]
            {
                ("jsonl", JsonlSource.Read(new MemoryStream(Encoding.UTF8.GetBytes(Jsonl(valid))), "-")),
                ("csv", CsvSource.Read(new MemoryStream(Encoding.UTF8.GetBytes(Csv(valid))), "-", Catalog.Default.Facts)),
            };
            foreach (var (name, records) in sources)
            {
                foreach (var record in records)
                {
                    var fast = default(ResidentRow);
                    record.TryFill(defaults, fill, ref fast, out var header).Should().BeTrue($"{name} line {record.Line} holds only valid facts");
                    var reference = record.Decode(defaults);
                    var expected = default(ResidentRow);
                    layout.Fill(reference.Resident!, ref expected);
                    layout.ToResident(fast).Facts.Should().BeEquivalentTo(layout.ToResident(expected).Facts, $"{name} line {record.Line}");
                    header.Should().Be(reference with { Resident = null });
                }
            }
        }, iter: 30);
    }

    [Fact]
    public async Task Every_valid_parquet_row_takes_the_fast_path_and_fills_the_row_the_reference_reading_fills()
    {
        var layout = Catalog.Default.Rows;
        var defaults = new RowDefaults("310104", new DateOnly(2024, 6, 1), Catalog.Default.Facts);
        var people = People(badPercent: 0).Array[3].Single().SelectMany(p => p)
            .Select(p => p with { County = "310104", Cells = [.. p.Cells.Where(c => c.Fact.Derived is null)] }).ToArray();
        var path = Path.Combine(_folder.Path, "valid.parquet");
        await WriteParquet(path, people);

        await using var stream = File.OpenRead(path);
        var rows = 0;
        foreach (var record in ParquetSource.Read(stream, path, Catalog.Default.Facts))
        {
            var fast = default(ResidentRow);
            record.TryFill(defaults, new RowFill(layout), ref fast, out _).Should().BeTrue($"row {record.Line} holds only valid facts");
            var expected = default(ResidentRow);
            layout.Fill(record.Decode(defaults).Resident!, ref expected);
            layout.ToResident(fast).Facts.Should().BeEquivalentTo(layout.ToResident(expected).Facts, $"row {record.Line}");
            rows++;
        }

        rows.Should().Be(people.Length);
    }

    [Fact]
    public void The_fast_path_gives_each_resident_what_evaluating_it_alone_gives()
    {
        var on = new DateOnly(2024, 6, 1);
        People(badPercent: 0).Sample(people =>
        {
            var valid = people.Select(p => p with { County = p.County is null or "999999" ? "310104" : p.County, Cells = [.. p.Cells.Where(c => c.Fact.Derived is null)] }).ToArray();
            var result = RunWithInput(Jsonl(valid), "screen", "--on", "2024-06-01");
            result.ExitCode.Should().Be(0, result.Err);
            var expected = new List<string>();
            for (var i = 0; i < valid.Length; i++)
            {
                var json = "{" + string.Join(", ", valid[i].Cells.Select(c => "\"" + c.Fact.Name + "\": " + c.Json)) + "}";
                foreach (var d in Catalog.Default.Evaluate(Resident.FromJson(json), valid[i].County!, on, new EvaluationOptions { Explain = false }).Decisions)
                {
                    var amounts = d.Level?.Quantities.Select(q => q.Name + "=" + (q.Value?.ToString(CultureInfo.InvariantCulture) ?? string.Join("|", q.PossibleValues))) ?? [];
                    expected.Add($"r{i} {valid[i].County} {d.Item} {d.Eligible?.ToString() ?? "null"} [{string.Join(",", d.MissingFacts)}] [{string.Join(";", amounts)}]");
                }
            }

            var actual = result.OutLines.Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!).Select(r =>
                $"{r["id"]} {r["county"]} {r["item"]} {r["eligible"]?.GetValue<bool>().ToString() ?? "null"} [{string.Join(",", r["missingFacts"]!.AsArray().Select(f => f!.GetValue<string>()))}] " +
                $"[{string.Join(";", r["quantities"]!.AsArray().Select(q => q!["name"] + "=" + (q["value"] is { } v ? v.GetValue<decimal>().ToString(CultureInfo.InvariantCulture) : string.Join("|", q["possibleValues"]!.AsArray().Select(p => p!.GetValue<decimal>().ToString(CultureInfo.InvariantCulture))))))}]");
            actual.Should().Equal(expected);
        }, iter: 10);
    }

    private static async Task WriteParquet(string path, Person[] people)
    {
        var columns = Facts.Where(f => f.Derived is null && people.Any(p => p.Cells.Any(c => c.Fact == f))).ToList();
        var fields = new List<DataField> { new DataField<string>("id"), new DataField<string>("county") };
        fields.AddRange(columns.Select(f => f.Kind switch
        {
            FactKind.Bool => (DataField)new DataField<bool?>(f.Name),
            FactKind.Int => new DataField<long?>(f.Name),
            FactKind.Decimal => new DataField<decimal?>(f.Name),
            FactKind.Date => new DataField<DateOnly?>(f.Name),
            _ => new DataField<string>(f.Name),
        }));
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(fields[0], people.Select((_, i) => "r" + i.ToString(CultureInfo.InvariantCulture)).ToList());
        await group.WriteAsync(fields[1], people.Select(p => p.County).ToList());
        for (var k = 0; k < columns.Count; k++)
        {
            var fact = columns[k];
            var cells = people.Select(p => p.Cells.FirstOrDefault(c => c.Fact == fact)?.Csv).ToList();
            switch (fact.Kind)
            {
                case FactKind.Bool:
                    await group.WriteAsync<bool>(fields[k + 2], cells.Select(c => c is null ? (bool?)null : c is "true" or "TRUE" or "1").ToArray());
                    break;
                case FactKind.Int:
                    await group.WriteAsync<long>(fields[k + 2], cells.Select(c => c is null ? (long?)null : (long)decimal.Parse(c, CultureInfo.InvariantCulture)).ToArray());
                    break;
                case FactKind.Decimal:
                    await group.WriteAsync<decimal>(fields[k + 2], cells.Select(c => c is null ? (decimal?)null : decimal.Parse(c, CultureInfo.InvariantCulture)).ToArray());
                    break;
                case FactKind.Date:
                    await group.WriteAsync<DateOnly>(fields[k + 2], cells.Select(c => c is null ? (DateOnly?)null : DateOnly.Parse(c, CultureInfo.InvariantCulture)).ToArray());
                    break;
                default:
                    await group.WriteAsync(fields[k + 2], cells);
                    break;
            }
        }
    }

    public void Dispose() => _folder.Dispose();
}
