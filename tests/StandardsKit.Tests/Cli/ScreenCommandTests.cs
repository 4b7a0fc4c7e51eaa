using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Parquet;
using Parquet.Schema;
using StandardsKit.Engine;
using StandardsKit.Model;
using StandardsKit.Tests.TestSupport;
using static StandardsKit.Tests.Cli.CliHarness;

namespace StandardsKit.Tests.Cli;

/// <summary>
/// <c>screen</c>: files or stdin of residents in, one row per resident and item out, equal to evaluating each
/// resident on its own, in input order, with bad rows reported by line while the run goes on.
/// </summary>
public sealed class ScreenCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static readonly string[] Counties = ["310104", "110101", "510104", "330203", "520102"];

    /// <summary>A resident as a JSON object of some facts of facts.yaml, with values of every kind (and some out of range).</summary>
    private static readonly Gen<JsonObject> ResidentGen = Gen.Select(
        Gen.Int[0, 1_000_000], Gen.Int[0, Counties.Length - 1], Gen.Int[0, 100].Array[Catalog.Default.Facts.Facts.Length])
        .Select((seed, county, draws) =>
        {
            var random = new Random(seed);
            var resident = new JsonObject { ["county"] = Counties[county] };
            var facts = Catalog.Default.Facts.Facts;
            for (var i = 0; i < facts.Length; i++)
            {
                if (draws[i] < 40 || facts[i].Derived is not null)
                {
                    continue; // not given
                }

                resident[facts[i].Name] = Value(facts[i], random);
            }

            return resident;
        });

    private static JsonNode? Value(FactDeclaration fact, Random random) => fact.Kind switch
    {
        FactKind.Bool => random.Next(2) == 0,
        FactKind.Int => (int)(fact.Min ?? 0) + random.Next((int)Math.Min((fact.Max ?? 120) - (fact.Min ?? 0) + 1, 200)),
        FactKind.Decimal => Math.Round((decimal)random.NextDouble() * 1000, 2),
        FactKind.Date => new DateOnly(1925, 1, 1).AddDays(random.Next(36_000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        FactKind.Enum => fact.Values[random.Next(fact.Values.Length)],
        FactKind.Set => new JsonArray([.. fact.Values.Where(_ => random.Next(4) == 0).Select(v => (JsonNode)v!)]),
        FactKind.Division => Counties[random.Next(Counties.Length)],
        _ => "text",
    };

    private static List<JsonObject> Rows(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject())];

    /// <summary>The screen rows of one resident, as the library decides them one at a time (what `eval` prints).</summary>
    private static IEnumerable<string> Expected(string id, string county, JsonObject facts)
    {
        var copy = JsonNode.Parse(facts.ToJsonString())!.AsObject();
        copy.Remove("county");
        copy.Remove("id");
        var evaluation = Catalog.Default.Evaluate(Resident.FromJson(copy.ToJsonString()), county, new DateOnly(2024, 6, 1));
        return evaluation.Decisions.Select(d => Canonical(id, county, d.Item, d.Eligible, d.MissingFacts,
            d.Level?.Quantities.Select(q => $"{q.Name}={q.Value?.ToString(CultureInfo.InvariantCulture) ?? string.Join("|", q.PossibleValues)} {q.Unit}") ?? []));
    }

    private static string Canonical(string id, string county, string item, bool? eligible, IEnumerable<string> missing, IEnumerable<string> quantities) =>
        $"{id} {county} {item} {eligible?.ToString() ?? "null"} [{string.Join(",", missing)}] [{string.Join("; ", quantities)}]";

    private static string Canonical(JsonObject row) => Canonical(row["id"]!.GetValue<string>(), row["county"]!.GetValue<string>(), row["item"]!.GetValue<string>(),
        row["eligible"]?.GetValue<bool>(), row["missingFacts"]!.AsArray().Select(f => f!.GetValue<string>()),
        row["quantities"]!.AsArray().Select(q => $"{q!["name"]}={(q["value"] is { } v ? v.ToJsonString() : string.Join("|", q["possibleValues"]!.AsArray().Select(p => p!.ToJsonString())))} {q["unit"]}"));

    [Fact]
    public void Screening_equals_evaluating_each_resident_on_its_own_for_generated_residents()
    {
        ResidentGen.List[1, 40].Sample(residents =>
        {
            var input = string.Join("\n", residents.Select((r, i) => { r["id"] = $"r{i}"; return r.ToJsonString(); }));
            var result = RunWithInput(input, "screen", "--on", "2024-06-01", "--threads", "3");

            result.ExitCode.Should().Be(0, result.Err);
            var expected = residents.SelectMany((r, i) => Expected($"r{i}", r["county"]!.GetValue<string>(), r)).ToList();
            Rows(result.Out).Select(Canonical).Should().Equal(expected);
        }, iter: 25);
    }

    [Fact]
    public void The_pregnant_Xuhui_resident_screens_exactly_as_eval_decides()
    {
        var resident = File.ReadAllText(Path.Combine(Repo.Samples, "resident-pregnant-shanghai.json")).ReplaceLineEndings(" ");
        var eval = JsonNode.Parse(RunWithInput(resident, "eval", "--county", "310104", "--on", "2024-06-01", "--resident", "-").Out)!;

        var screened = Rows(RunWithInput(resident, "screen", "--county", "310104", "--on", "2024-06-01").Out);

        screened.Should().HaveCount(eval["decisions"]!.AsArray().Count);
        foreach (var (row, decision) in screened.Zip(eval["decisions"]!.AsArray()))
        {
            row["id"]!.GetValue<string>().Should().Be("1", "a row without an id is named by its line");
            row["item"]!.GetValue<string>().Should().Be(decision!["item"]!.GetValue<string>());
            JsonNode.DeepEquals(row["eligible"], decision["eligible"]).Should().BeTrue();
            JsonNode.DeepEquals(row["missingFacts"], decision["missingFacts"]).Should().BeTrue();
            var quantities = decision["level"] is JsonObject level ? level["quantities"]!.AsArray() : [];
            row["quantities"]!.AsArray().Select(q => q!["value"]?.ToJsonString()).Should().Equal(quantities.Select(q => q!["value"]?.ToJsonString()));
        }
    }

    [Fact]
    public void Output_keeps_input_order_across_threads_with_each_residents_rows_together()
    {
        var input = string.Join("\n", Enumerable.Range(0, 1500).Select(i => $$"""{"id": "{{i}}", "pregnant": {{(i % 3 == 0 ? "true" : "false")}}}"""));

        var result = RunWithInput(input, "screen", "--county", "310104", "--on", "2024-06-01", "--threads", "4", "--item", "maternal-health", "--item", "basic-contraception");

        result.ExitCode.Should().Be(0, result.Err);
        var ids = Rows(result.Out).Select(r => int.Parse(r["id"]!.GetValue<string>(), CultureInfo.InvariantCulture)).ToList();
        ids.Should().Equal(Enumerable.Range(0, 1500).SelectMany(i => new[] { i, i }));
    }

    [Fact]
    public void Bad_rows_are_reported_with_their_line_and_the_run_goes_on_with_exit_1()
    {
        var input = """
            {"id": "a", "pregnant": true}
            {"id": "b", "pregnent": true}

            not json
            {"id": "c", "county": "999999"}
            {"id": "e", "pregnant": true, "pregnant": false}
            {"id": "f\u001b[2J", "pregnant": "yes\nforged"}
            {"id": "d", "pregnant": false}
            """;

        var result = RunWithInput(input, "screen", "--county", "310104", "--on", "2024-06-01", "--item", "maternal-health");

        result.ExitCode.Should().Be(1);
        Rows(result.Out).Select(r => r["id"]!.GetValue<string>()).Should().Equal("a", "d");
        var errors = result.Err.Split('\n').Where(l => l.StartsWith("-:", StringComparison.Ordinal)).ToList();
        errors.Should().HaveCount(5);
        errors[0].Should().StartWith("-:2:13: unknown fact 'pregnent'").And.Contain("did you mean 'pregnant'");
        errors[1].Should().MatchRegex("^-:4:[0-9]+: not valid JSON");
        errors[2].Should().StartWith("-:5: unknown county code '999999'");
        errors[3].Should().StartWith("-:6:").And.Contain("gives the key 'pregnant' twice");
        errors[4].Should().StartWith("-:7:22: ").And.Contain("\\n").And.NotContain("forged\n");
        result.Err.Should().Contain("已筛查 2 名居民（5 行有错误）").And.NotContain("\r").And.NotContain("\u001b");
    }

    [Fact]
    public void Fail_fast_stops_at_the_first_bad_row()
    {
        var input = string.Join("\n", Enumerable.Range(0, 600).Select(i => i == 300 ? "{\"agee\": 3}" : $$"""{"id": "{{i}}"}"""));

        var result = RunWithInput(input, "screen", "--county", "310104", "--on", "2024-06-01", "--item", "maternal-health", "--fail-fast");

        result.ExitCode.Should().Be(1);
        Rows(result.Out).Should().HaveCount(300).And.OnlyContain(r => int.Parse(r["id"]!.GetValue<string>(), CultureInfo.InvariantCulture) < 300);
        result.Err.Should().Contain("-:301:2: unknown fact 'agee'");
    }

    [Fact]
    public void A_row_without_a_county_needs_the_county_option()
    {
        var result = RunWithInput("{\"pregnant\": true}\n{\"county\": \"310104\", \"pregnant\": true}", "screen", "--on", "2024-06-01", "--item", "maternal-health");

        result.ExitCode.Should().Be(1);
        result.Err.Should().Contain("-:1: no county: give the row a 'county' or run with --county");
        Rows(result.Out).Should().ContainSingle().Which["county"]!.GetValue<string>().Should().Be("310104");
    }

    [Fact]
    public void Csv_columns_are_typed_by_facts_yaml_with_sets_as_pipes_brackets_for_none_and_empty_cells_not_given()
    {
        var csv = _folder.Write("residents.csv",
            "id,county,on,birthDate,pregnant,militaryStatus,disabilityGrade,chronicDisease\n" +
            "p1,310104,2024-06-01,1995-03-01,true,,,[]\n" +
            "v1,310104,,1950-01-01,false,veteran|martyrFamily,2,hypertension\n" +
            "\"q,1\",110101,2024-06-01,,,\"activeServiceFamily\",,\n" +
            "bad,310104,,1995-03-01,yes,,,\n");

        var result = Run("screen", csv, "--on", "2024-06-01");

        result.ExitCode.Should().Be(1, "row 5 is bad");
        result.Err.Should().Contain("residents.csv:5:24: column 'pregnant' is \"yes\"; expected true or false");
        var rows = Rows(result.Out);
        rows.Select(r => r["id"]!.GetValue<string>()).Distinct().Should().Equal("p1", "v1", "q,1");
        var expected = new[] {
            ("p1", "310104", """{"birthDate": "1995-03-01", "pregnant": true, "chronicDisease": []}"""),
            ("v1", "310104", """{"birthDate": "1950-01-01", "pregnant": false, "militaryStatus": ["veteran", "martyrFamily"], "disabilityGrade": 2, "chronicDisease": ["hypertension"]}"""),
            ("q,1", "110101", """{"militaryStatus": ["activeServiceFamily"]}"""),
        }.SelectMany(r => Expected(r.Item1, r.Item2, JsonNode.Parse(r.Item3)!.AsObject()));
        rows.Select(Canonical).Should().Equal(expected);
    }

    [Fact]
    public void A_county_cell_may_name_the_county_as_county_does()
    {
        var input = "{\"id\": \"a\", \"county\": \"徐汇区\", \"pregnant\": true}\n" +
            "{\"id\": \"b\", \"county\": \"310104\", \"pregnant\": true}\n" +
            "{\"id\": \"c\", \"county\": \"朝阳区\", \"pregnant\": true}\n";

        var result = RunWithInput(input, "screen", "--on", "2024-06-01", "--item", "maternal-health");

        result.ExitCode.Should().Be(1, "row c names two divisions");
        var rows = Rows(result.Out);
        rows.Select(r => (r["id"]!.GetValue<string>(), r["county"]!.GetValue<string>())).Should().Equal(("a", "310104"), ("b", "310104"));
        rows[0]["eligible"]!.ToJsonString().Should().Be(rows[1]["eligible"]!.ToJsonString());
        result.Err.Should().Contain("-:3: column county '朝阳区' names 2 divisions: 110105").And.Contain("220104");
    }

    [Fact]
    public void A_bad_cell_is_reported_at_its_line_and_column_in_csv_and_json_lines()
    {
        // Row 3's quoted id spans two lines, so its bad date is on line 4, not on the line the record starts.
        var csv = _folder.Write("cells.csv",
            "id,county,birthDate,pregnant\n" +
            "a,310104,1990-01-01,maybe\n" +
            "\"b\n2\",310104,1990-13-01,true\n");
        var jsonl = _folder.Write("cells.jsonl",
            "{\"id\": \"a\", \"county\": \"310104\", \"pregnant\": \"maybe\"}\n" +
            "{\"id\": \"b\", \"county\": \"310104\",   \"birthDate\": \"1990-13-01\"}\n" +
            "{\"id\": \"c\", \"county\": \"310104\", \"age\": 1e99999}\n");

        var fromCsv = Run("screen", csv, "--on", "2024-06-01");
        var fromJsonl = Run("screen", jsonl, "--on", "2024-06-01");

        fromCsv.Err.Should().Contain("cells.csv:2:21: column 'pregnant' is \"maybe\"; expected true or false")
            .And.Contain("cells.csv:4:11: fact 'birthDate' is \"1990-13-01\"; expected a date");
        fromJsonl.Err.Should().Contain("cells.jsonl:1:33: fact 'pregnant' is \"maybe\"; expected true or false")
            .And.Contain("cells.jsonl:2:35: fact 'birthDate' is \"1990-13-01\"")
            .And.Contain("cells.jsonl:3:33: 'age' is out of range");
    }

    [Fact]
    public void A_csv_header_with_an_unknown_column_is_a_usage_error_with_a_suggestion()
    {
        var csv = _folder.Write("residents.csv", "id,pregnent\n1,true\n");

        var result = Run("screen", csv, "--county", "310104");

        result.ExitCode.Should().Be(2);
        result.Err.Should().Contain("residents.csv:1: column 'pregnent' is not a fact").And.Contain("did you mean 'pregnant'");
    }

    [Fact]
    public void Csv_output_has_a_header_and_quotes_what_needs_quoting()
    {
        var result = RunWithInput("""{"id": "x,1", "onlyChildDisabled": true}""", "screen", "--county", "310104", "--on", "2024-06-01",
            "--item", "family-planning-special-assistance", "--format", "csv");

        result.ExitCode.Should().Be(0, result.Err);
        result.OutLines.Should().Equal(
            "id,county,on,item,eligible,quantities,missingFacts",
            "\"x,1\",310104,2024-06-01,family-planning-special-assistance,true,allowance=460|590? CNY/month; complicationAllowance=260|390|520|none? CNY/month,familyPlanningComplication|onlyChildDeceased");
    }

    [Fact]
    public async Task Parquet_in_and_out_gives_the_same_decisions_as_json_lines()
    {
        var residents = ResidentGen.Array[30].Single();
        var jsonl = _folder.Write("residents.jsonl", string.Join("\n", residents.Select((r, i) => { r["id"] = $"r{i}"; return r.ToJsonString(); })));
        var parquet = Path.Combine(_folder.Path, "residents.parquet");
        await WriteResidentsParquet(parquet, residents);
        var output = Path.Combine(_folder.Path, "out.parquet");

        var fromJsonl = Run("screen", jsonl, "--on", "2024-06-01", "--format", "csv");
        var fromParquet = Run("screen", parquet, "--on", "2024-06-01", "--output", output);

        fromJsonl.ExitCode.Should().Be(0, fromJsonl.Err);
        fromParquet.ExitCode.Should().Be(0, fromParquet.Err);
        fromParquet.Out.Should().BeEmpty();
        var parquetLines = await ReadParquetAsCsv(output);
        var firstDifference = parquetLines.Zip(fromJsonl.OutLines.Skip(1)).FirstOrDefault(p => p.First != p.Second);
        firstDifference.Should().Be(default((string, string)), "Parquet and JSON Lines inputs must screen alike");
        parquetLines.Should().Equal(fromJsonl.OutLines.Skip(1));
    }

    private static async Task WriteResidentsParquet(string path, JsonObject[] residents)
    {
        var facts = Catalog.Default.Facts.Facts.Where(f => f.Derived is null).ToList();
        var fields = new List<DataField> { new DataField<string>("id"), new DataField<string>("county") };
        fields.AddRange(facts.Select(f => f.Kind switch
        {
            FactKind.Bool => (DataField)new DataField<bool?>(f.Name),
            FactKind.Int => new DataField<int?>(f.Name),
            FactKind.Decimal => new DataField<decimal?>(f.Name),
            FactKind.Date => new DataField<DateOnly?>(f.Name),
            _ => new DataField<string>(f.Name),
        }));
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(fields[0], residents.Select(r => r["id"]!.GetValue<string>()).ToList());
        await group.WriteAsync(fields[1], residents.Select(r => r["county"]!.GetValue<string>()).ToList());
        for (var i = 0; i < facts.Count; i++)
        {
            var fact = facts[i];
            var field = fields[i + 2];
            var cells = residents.Select(r => r[fact.Name]).ToList();
            switch (fact.Kind)
            {
                case FactKind.Bool:
                    await group.WriteAsync<bool>(field, cells.Select(c => c?.GetValue<bool>()).ToArray());
                    break;
                case FactKind.Int:
                    await group.WriteAsync<int>(field, cells.Select(c => c is null ? (int?)null : c.GetValue<int>()).ToArray());
                    break;
                case FactKind.Decimal:
                    await group.WriteAsync<decimal>(field, cells.Select(c => c is null ? (decimal?)null : c.GetValue<decimal>()).ToArray());
                    break;
                case FactKind.Date:
                    await group.WriteAsync<DateOnly>(field, cells.Select(c => c is null ? (DateOnly?)null : DateOnly.Parse(c.GetValue<string>(), CultureInfo.InvariantCulture)).ToArray());
                    break;
                case FactKind.Set:
                    await group.WriteAsync(field, cells.Select(c => c is null ? null
                        : c.AsArray().Count == 0 ? "[]" : string.Join("|", c.AsArray().Select(v => v!.GetValue<string>()))).ToList());
                    break;
                default:
                    await group.WriteAsync(field, cells.Select(c => c?.GetValue<string>()).ToList());
                    break;
            }
        }
    }

    private static async Task<List<string>> ReadParquetAsCsv(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var lines = new List<string>();
        var fields = reader.Schema.GetDataFields();
        fields.Select(f => f.Name).Should().Equal("id", "county", "on", "item", "eligible", "quantities", "missingFacts");
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = (int)group.RowCount;
            var strings = new Dictionary<string, string?[]>();
            foreach (var f in fields.Where(f => f.Name != "eligible"))
            {
                strings[f.Name] = new string?[n];
                await group.ReadAsync(f, strings[f.Name].AsMemory());
            }

            var eligible = new bool?[n];
            await group.ReadAsync<bool>(fields[4], eligible.AsMemory());
            for (var i = 0; i < n; i++)
            {
                static string Quote(string? s) => s is null ? "" : s.AsSpan().IndexOfAny(",\"") >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
                lines.Add(string.Join(",", Quote(strings["id"][i]), strings["county"][i], strings["on"][i], strings["item"][i],
                    eligible[i] switch { true => "true", false => "false", null => "" }, Quote(strings["quantities"][i]), Quote(strings["missingFacts"][i])));
            }
        }

        return lines;
    }

    [Fact]
    public void The_summary_on_stderr_counts_each_item()
    {
        var input = "{\"pregnant\": true}\n{\"pregnant\": false, \"postpartum\": false}\n{}";

        var result = RunWithInput(input, "screen", "--county", "310104", "--on", "2024-06-01", "--item", "maternal-health", "--lang", "en");
        var zh = RunWithInput(input, "screen", "--county", "310104", "--on", "2024-06-01", "--item", "maternal-health");

        result.Err.Should().Contain("screened 3 residents (0 rows with errors): 3 decisions").And.Contain("decisions/s")
            .And.Contain("item").And.Contain("not eligible").And.Contain("undetermined");
        zh.Err.Should().Contain("已筛查 3 名居民（0 行有错误）：3 项判定").And.Contain("符合条件").And.Contain("无法确定");
        zh.Err.Split('\n').Should().Contain(l => l.StartsWith("maternal-health", StringComparison.Ordinal)
            && l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).SequenceEqual(new[] { "1", "1", "1" }));
        result.Err.Split('\n').Should().Contain(l => l.StartsWith("maternal-health", StringComparison.Ordinal)
            && l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).SequenceEqual(new[] { "1", "1", "1" }));
    }

    [Fact]
    public void An_input_without_a_known_extension_needs_its_format()
    {
        var path = _folder.Write("residents.txt", "{}");

        Run("screen", path, "--county", "310104").Err.Should().Contain("--input-format");
        Run("screen", path, "--county", "310104", "--input-format", "jsonl", "--item", "maternal-health").ExitCode.Should().Be(0);
    }

    public void Dispose() => _folder.Dispose();
}
