using Parquet;
using Parquet.Schema;

namespace StandardsKit.Tests.Hostile;

/// <summary>Cases for screen, replay, equalization and serve: files that are not files, strict JSON, escaped output, atomic -o.</summary>
internal static partial class HostileCorpus
{
    private static readonly string[] ScreenArgs = ["screen", "--county", "310104", "--on", "2024-06-01"];

    private static HostileCase S(string id, Action<CaseFolder> arrange, string[] args, string error, int exit = 2, bool positioned = false) => new()
    {
        Id = "screen/" + id,
        Arrange = arrange,
        Args = [.. ScreenArgs, .. args],
        Exit = exit,
        ErrorOn = ErrorOn.Err,
        Error = error,
        Positioned = positioned,
    };

    /// <summary>A screen case whose rows are reported on stderr as <c>file:line: what</c> (exit 1) and the run goes on.</summary>
    private static HostileCase SRow(string id, string jsonl, string row) => new()
    {
        Id = "screen/" + id,
        Arrange = f => f.Write("r.jsonl", jsonl),
        Args = [.. ScreenArgs, "r.jsonl", "--item", "maternal-health"],
        Exit = 1,
        Then = (_, r) => r.Stderr.Should().MatchRegex(row),
    };

    /// <summary>A Parquet file of the given columns (all <c>int?</c> or all <c>string</c>), one row group of <paramref name="rows"/> rows.</summary>
    private static void Parquet(CaseFolder f, string name, int columns, int rows, Func<int, string?>? text = null)
    {
        var fields = Enumerable.Range(0, columns)
            .Select(i => text is null ? (DataField)new DataField<int?>(columns == 1 ? "age" : $"c{i}") : new DataField<string>(columns == 1 ? "hukou" : $"c{i}"))
            .ToList();
        using var stream = File.Create(f.Full(name));
        var writer = ParquetWriter.CreateAsync(new ParquetSchema(fields), stream).GetAwaiter().GetResult();
        try
        {
            using var group = writer.CreateRowGroup();
            foreach (var field in fields)
            {
                if (text is null)
                {
                    group.WriteAsync<int>(field, new int?[rows]).GetAwaiter().GetResult();
                }
                else
                {
                    group.WriteAsync(field, Enumerable.Range(0, rows).Select(text).ToArray()).GetAwaiter().GetResult();
                }
            }
        }
        finally
        {
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static IEnumerable<HostileCase> Screen()
    {
        // Inputs that are not files, or not to be read whole.
        yield return S("dev-zero", _ => { }, ["--input-format", "jsonl", "/dev/zero"], "/dev/zero is a device or kernel file");
        yield return S("link-to-dev-zero", f => f.Link("r.jsonl", "/dev/zero"), ["r.jsonl"], @"r\.jsonl \(a link to /dev/zero\) is a device or kernel file");
        yield return S("fifo", f => f.Fifo("r.jsonl"), ["r.jsonl"], @"r\.jsonl is a FIFO");
        yield return S("fifo-after-a-good-file", f =>
        {
            f.Write("a.jsonl", "{\"pregnant\": true}\n");
            f.Fifo("r.csv");
        }, ["a.jsonl", "r.csv", "-o", "out.jsonl"], @"r\.csv is a FIFO") with
        {
            Then = (f, _) => File.Exists(f.Full("out.jsonl")).Should().BeFalse("a refused input is found before anything is written"),
        };
        yield return S("folder", f => f.Folder("r.jsonl"), ["r.jsonl"], "r.jsonl is a folder");
        yield return S("missing", _ => { }, ["nowhere.jsonl"], "nowhere.jsonl: no such file");
        yield return S("parquet-stdin-dev-zero", _ => { }, ["--input-format", "parquet", "-"], "not a Parquet file \\(it does not start with PAR1\\)") with { Stdin = "/dev/zero" };
        yield return S("parquet-garbage", f => f.Write("r.parquet", "PAR1 this is not parquet at all PAR1"), ["r.parquet"], @"r\.parquet: not a Parquet file");
        yield return S("parquet-truncated", f =>
        {
            Parquet(f, "whole.parquet", 1, 10);
            var bytes = File.ReadAllBytes(f.Full("whole.parquet"));
            f.WriteBytes("r.parquet", bytes[..^12]);
            File.Delete(f.Full("whole.parquet"));
        }, ["r.parquet"], @"r\.parquet: not a Parquet file");
        yield return S("parquet-1100-columns", f => Parquet(f, "r.parquet", 1100, 1), ["r.parquet"], @"r\.parquet: 1,100 columns; the limit is 1,024");
        yield return S("parquet-row-group-over-a-million-rows", f => Parquet(f, "r.parquet", 1, 1_000_001), ["r.parquet"],
            @"r\.parquet: row group 1 has 1,000,001 rows .* the limits are 1,000,000 rows");
        yield return new HostileCase
        {
            Id = "screen/parquet-100k-character-string",
            Arrange = f => Parquet(f, "r.parquet", 1, 2, i => i == 0 ? new string('1', 100_000) : "310000"),
            Args = [.. ScreenArgs, "r.parquet", "--item", "maternal-health"],
            Exit = 1,
            Then = (_, r) => r.Stderr.Should().Contain("r.parquet:1: column 'hukou' is longer than 65,536 characters"),
        };

        // Rows: strict JSON, named keys.
        yield return SRow("duplicate-keys", "{\"pregnant\": true, \"pregnant\": false}\n", @"r\.jsonl:1:.*'pregnant' twice");
        yield return SRow("nul-in-key", "{\"military\\u0000Status\": \"veteran\"}\n", @"r\.jsonl:1:2: unknown fact 'military\\u0000Status'");
        yield return SRow("megabyte-line", "{\"hukou\": \"" + new string('1', 1_100_000) + "\"}\n{\"pregnant\": true}\n", @"r\.jsonl:1: .*longer than");

        // CSV output: formula injection.
        yield return new HostileCase
        {
            Id = "screen/csv-formula-injection",
            Arrange = f => f.Write("r.jsonl", string.Join("\n", new[] { "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "-12.5" }
                .Select(id => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object> { ["id"] = id, ["pregnant"] = true }))) + "\n"),
            Args = [.. ScreenArgs, "r.jsonl", "--item", "maternal-health", "--format", "csv"],
            Exit = 0,
            Then = (_, r) =>
            {
                var ids = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]).ToList();
                ids.Should().Equal("'=cmd|' /C calc'!A0", "'+1+1", "'-2+3", "'@SUM(A1)", "-12.5"); // tab and CR: CsvCellTests
            },
        };

        // -o: atomic, only the file asked for, never a folder or a device.
        yield return S("output-kept-on-error", f =>
        {
            f.Write("a.jsonl", "{\"pregnant\": true}\n");
            f.Write("b.jsonl", "{\"pregnant\": true}\n");
            f.Write("out.csv", "old\n");
        }, ["a.jsonl", "b.jsonl", "--input-format", "parquet", "-o", "out.csv"], @"a\.jsonl: not a Parquet file") with
        {
            Then = (f, _) => File.ReadAllText(f.Full("out.csv")).Should().Be("old\n", "the target is replaced only by a whole output"),
        };
        yield return S("output-is-a-folder", f =>
        {
            f.Write("a.jsonl", "{\"pregnant\": true}\n");
            f.Folder("out");
        }, ["a.jsonl", "-o", "out"], @"--output out is a folder, not a file");
        yield return S("output-is-dev-null-link", f =>
        {
            f.Write("a.jsonl", "{\"pregnant\": true}\n");
            f.Link("out.jsonl", "/dev/full");
        }, ["a.jsonl", "-o", "out.jsonl"], @"--output out\.jsonl is a character device, not a file");
        yield return S("output-folder-missing", f => f.Write("a.jsonl", "{\"pregnant\": true}\n"), ["a.jsonl", "-o", "no/such/out.jsonl"], "the folder .* does not exist");
        yield return new HostileCase
        {
            Id = "screen/output-through-a-link-stays-a-link",
            Arrange = f =>
            {
                f.Write("a.jsonl", "{\"pregnant\": true}\n");
                f.Write("real/out.csv", "old\n");
                f.Link("out.csv", "real/out.csv");
            },
            Args = [.. ScreenArgs, "a.jsonl", "--item", "maternal-health", "-o", "out.csv"],
            Exit = 0,
            MayWrite = ["real/out.csv"],
            Then = (f, _) =>
            {
                new FileInfo(f.Full("out.csv")).LinkTarget.Should().Be("real/out.csv");
                File.ReadAllText(f.Full("real/out.csv")).Should().StartWith("id,county,on,item,eligible");
            },
        };
        yield return S("threads-zero", f => f.Write("a.jsonl", "{}\n"), ["a.jsonl", "--threads", "0"], "--threads must be between 1 and 256");
    }

    private static HostileCase R(string id, Action<CaseFolder> arrange, string error, bool positioned = true, string file = "r.json") => new()
    {
        Id = "replay/" + id,
        Arrange = arrange,
        Args = ["replay", file],
        Exit = 2,
        ErrorOn = ErrorOn.Err,
        Error = error,
        Positioned = positioned,
    };

    private static HostileCase R(string id, string json, string error, bool positioned = true) => R(id, f => f.Write("r.json", json), error, positioned);

    private static IEnumerable<HostileCase> Replay()
    {
        yield return R("dev-zero", _ => { }, "/dev/zero is a device or kernel file", positioned: false, file: "/dev/zero");
        yield return R("fifo", f => f.Fifo("r.json"), "r.json is a FIFO", positioned: false);
        yield return R("folder", f => f.Folder("r.json"), "r.json is a folder", positioned: false);
        yield return R("sparse-100MB", f => f.Sparse("r.json", 100L * 1024 * 1024, "{"), "104,857,600 bytes; the limit is 67,108,864", positioned: false);
        yield return R("empty", "", "no decision record in the file", positioned: false);
        yield return R("unknown-member", "{\"county\": \"310104\",\n \"bogus\": 1}", @"r\.json:2:\d+: not a decision record: \$\.bogus: is not a member of a decision record");
        yield return R("member-in-other-case", "{\"County\": \"310104\"}", @"r\.json:1:\d+: .*\$\.County: is not a member");
        yield return R("unknown-member-after-chinese", "{\"county\": \"北京北京\", \"x\": 1}", @"r\.json:1:2[0-9]: .*\$\.x: is not a member");
        yield return R("duplicate-key", "{\"county\": \"310104\",\n \"county\": \"110101\"}", @"r\.json:2:2: not a decision record: the record gives the key 'county' twice \(first at line 1, column 2\)");
        yield return R("duplicate-key-nested", "{\"input\": {\"resident\": {\"age\": 1, \"age\": 2}}}", @"r\.json:1:\d+: .*gives the key 'age' twice");
        yield return R("duplicate-key-second-record", "{\"county\": \"310104\"}\n{\"on\": \"2024-06-01\", \"on\": \"2024-06-02\"}", @"r\.json:2:\d+: .*gives the key 'on' twice");
        yield return R("wrong-type", "{\"county\": 310104}", @"r\.json:1:\d+: .*\$\.county: has the wrong type");
        yield return R("missing-members", "{\"county\": \"310104\"}", @"r\.json:1:\d+: .*lacks the members 'on', 'chain', 'revision', 'decisions' of a decision record");
        yield return R("invalid-utf8", f => f.WriteBytes("r.json", [(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}']), @"r\.json:1:3: .*UTF-8");
        yield return R("not-json", "{county: 1}", @"r\.json:1:2: not a decision record");
        yield return R("deep-nesting", new string('[', 10_000) + new string(']', 10_000), @"r\.json:1:\d+: not a decision record");
    }

    private static string[] EqualizationArgs => ["equalization", "--on", "2024-06-01", "--province", "310000"];

    private static HostileCase Q(string id, Action<CaseFolder> arrange, string population, string error, bool positioned = true) => new()
    {
        Id = "equalization/" + id,
        Arrange = arrange,
        Args = [.. EqualizationArgs, "--population", population],
        Exit = 2,
        ErrorOn = ErrorOn.Err,
        Error = error,
        Positioned = positioned,
    };

    /// <summary>The national 2023 edition with the maternal-health item named with HTML, markdown pipes and a newline.</summary>
    private static void ScriptName(CaseFolder f)
    {
        f.National("std");
        var path = f.Full("std/national/2023.yaml");
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text.Replace("name: {zh: 孕产妇健康服务,", "name: {zh: \"孕<script>alert(1)</script>|x\\n|y\",", StringComparison.Ordinal));
    }

    private static IEnumerable<HostileCase> Equalization()
    {
        yield return Q("population-dev-zero", _ => { }, "/dev/zero", "--population /dev/zero is a device or kernel file", positioned: false);
        yield return Q("population-fifo", f => f.Fifo("p.csv"), "p.csv", "--population p.csv is a FIFO", positioned: false);
        yield return Q("population-folder", f => f.Folder("p.jsonl"), "p.jsonl", "--population p.jsonl is a folder", positioned: false);
        yield return Q("population-duplicate-key", f => f.Write("p.jsonl", "{\"county\": \"310104\", \"weight\": 1, \"weight\": 2}\n"), "p.jsonl",
            @"p\.jsonl:1:35: the line gives the key 'weight' twice \(first at line 1, column 22\)");
        yield return Q("population-duplicate-fact", f => f.Write("p.jsonl", "{\"county\": \"310104\", \"weight\": 1, \"pregnant\": true, \"pregnant\": false}\n"), "p.jsonl",
            @"p\.jsonl:1:\d+: .*'pregnant' twice");
        yield return Q("population-duplicate-column", f => f.Write("p.csv", "county,weight,weight\n310104,1,2\n"), "p.csv",
            @"p\.csv:1:15: the header names the column 'weight' twice \(first at column 8\)");
        yield return Q("population-column-counts-characters", f => f.Write("p.csv", "county,weight,hukou,pregnant\n310104,1,𠀀𠀀,maybe\n"), "p.csv",
            @"p\.csv:2:13: 'maybe' is not true or false");
        yield return Q("population-json-column-counts-characters", f => f.Write("p.jsonl", "{\"county\": \"北京\", \"weight\": 1, x}\n"), "p.jsonl",
            @"p\.jsonl:1:31: not valid JSON");
        yield return Q("population-nul-in-key", f => f.Write("p.jsonl", "{\"county\": \"310104\", \"weight\": 1, \"military\\u0000Status\": \"veteran\"}\n"), "p.jsonl",
            @"p\.jsonl:1:1: unknown fact 'military\\u0000Status'");
        foreach (var format in new[] { "html", "markdown" })
        {
            yield return new HostileCase
            {
                Id = $"equalization/script-in-a-name-{format}",
                Arrange = ScriptName,
                Args = [.. EqualizationArgs, "--standards", "std", "--format", format],
                Exit = 0,
                Then = (_, r) =>
                {
                    r.Stdout.Should().NotContain("<script", "text from YAML is escaped");
                    r.Stdout.Should().Contain(format == "html" ? "&lt;script&gt;alert(1)&lt;/script&gt;|x" : "&lt;script>alert(1)&lt;/script>\\|x");
                },
            };
        }

        yield return new HostileCase
        {
            Id = "report/script-in-a-name-markdown",
            Arrange = ScriptName,
            Args = ["report", "--standards", "std", "--county", "310104", "--on", "2024-06-01", "--format", "markdown"],
            Exit = 0,
            Then = (_, r) =>
            {
                r.Stdout.Should().NotContain("<script");
                r.Stdout.Split('\n').Should().Contain(l => l.StartsWith("| `maternal-health` | 孕&lt;script>alert(1)&lt;/script>\\|x\\n\\|y |", StringComparison.Ordinal),
                    "the name stays in its cell and its row");
            },
        };
    }

    private static HostileCase U(string id, string urls, string error) => new()
    {
        Id = "serve/" + id,
        Args = ["serve", "--urls", urls],
        Exit = 2,
        ErrorOn = ErrorOn.Err,
        Error = error,
    };

    /// <summary>serve refuses what it cannot listen on before it starts: one line, not a host start-up failure with a stack trace.</summary>
    private static IEnumerable<HostileCase> Serve()
    {
        yield return U("urls-ftp", "ftp://127.0.0.1:5080", "--urls 'ftp://127.0.0.1:5080' is not an http:// or https:// address");
        yield return U("urls-garbage", "garbage", "--urls 'garbage' is not an http:// or https:// address");
        yield return U("urls-file", "file:///etc/passwd", "is not an http:// or https:// address");
        yield return U("urls-no-host", "http://", "--urls 'http://' is not a valid address");
        yield return U("urls-port-out-of-range", "http://127.0.0.1:99999", "has no valid host or port");
        yield return U("urls-path", "http://127.0.0.1:0/admin", "has a path");
        yield return U("urls-empty", " ; ", "--urls is empty");
        yield return U("urls-second-bad", "http://127.0.0.1:0;gopher://x", "--urls 'gopher://x' is not an http");
        yield return U("urls-control-characters", "http://\u001b[2J\u202e:80", "--urls 'http://\\\\u001B\\[2J\\\\u202E:80'");
        yield return U("urls-megabyte", "http://" + new string('a', 1_000_000), @"--urls 'http://a{73}…' has no valid host or port");
        yield return new HostileCase { Id = "serve/max-batch-zero", Args = ["serve", "--urls", "http://127.0.0.1:0", "--max-batch", "0"], Exit = 2, ErrorOn = ErrorOn.Err, Error = "--max-batch and --timeout must be at least 1" };
        yield return new HostileCase { Id = "serve/watch-without-standards", Args = ["serve", "--watch"], Exit = 2, ErrorOn = ErrorOn.Err, Error = "--watch needs a standards folder" };
    }
}
