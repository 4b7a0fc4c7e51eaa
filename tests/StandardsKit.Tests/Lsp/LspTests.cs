using System.Diagnostics;
using System.Text.Json;
using StandardsKit.Tests.TestSupport;

namespace StandardsKit.Tests.Lsp;

/// <summary>
/// What an author sees in an editor: yaml-language-server (VS Code's YAML extension) run over LSP on copies of the
/// standards with one error each, with the schemas in schemas/. One session serves every test here (the server
/// takes seconds to start); lsp-client.mjs speaks the protocol and prints what the server published.
/// </summary>
public sealed class LspTests
{
    private static readonly Lazy<Session> Shared = new(Session.Run);

    [LspFact]
    public void One_misspelled_key_in_the_national_standard_gives_exactly_one_diagnostic_at_its_line()
    {
        var s = Shared.Value;

        var d = s.Diagnostics(s.Misspelled).Should().ContainSingle(s.Summary(s.Misspelled)).Which;
        d.Line.Should().Be(s.MisspelledLine);
        d.Message.Should().Contain("feilds");
    }

    [LspFact]
    public void A_missing_area_gives_one_diagnostic_that_names_area_in_a_national_and_in_a_local_standard()
    {
        var s = Shared.Value;

        s.Diagnostics(s.NationalWithoutArea).Should().ContainSingle(s.Summary(s.NationalWithoutArea)).Which.Message.Should().Contain("area");
        s.Diagnostics(s.LocalWithoutArea).Should().ContainSingle(s.Summary(s.LocalWithoutArea)).Which.Message.Should().Contain("area");
    }

    [LspFact]
    public void Completion_inside_a_test_residents_mapping_offers_the_fact_names_by_modeline_and_by_association()
    {
        var s = Shared.Value;

        s.Completions[0].Should().Contain("birthDate").And.Contain("hukou").And.NotContain("sex", "sex is already given");
        s.Completions[1].Should().Contain("birthDate");
        s.Diagnostics(s.TestFile).Should().BeEmpty(s.Summary(s.TestFile));
        s.Diagnostics(s.AssociatedTestFile).Should().BeEmpty(s.Summary(s.AssociatedTestFile));
    }

    internal sealed record LspDiagnostic(int Line, int Character, string Message);

    /// <summary>The documents, the server's answers about them, and the raw output for failure messages.</summary>
    internal sealed class Session
    {
        private Dictionary<string, List<LspDiagnostic>> _diagnostics = [];

        public string Misspelled { get; private set; } = "";

        public int MisspelledLine { get; private set; }

        public string NationalWithoutArea { get; private set; } = "";

        public string LocalWithoutArea { get; private set; } = "";

        public string TestFile { get; private set; } = "";

        public string AssociatedTestFile { get; private set; } = "";

        public List<List<string>> Completions { get; private set; } = [];

        public string Output { get; private set; } = "";

        /// <summary>How many diagnostics a document got, and the first few, for a failure message.</summary>
        public string Summary(string path) =>
            $"{Diagnostics(path).Count} diagnostics: " + string.Join("; ", Diagnostics(path).Take(5).Select(d => $"{d.Line + 1}:{d.Character + 1} {d.Message}"));

        public List<LspDiagnostic> Diagnostics(string path) =>
            _diagnostics.TryGetValue(path, out var list) ? list : throw new InvalidOperationException($"no diagnostics for {path}: {Output}");

        public static Session Run()
        {
            // Deleted when the test process ends: the session outlives any one test.
            var root = Path.Combine(Path.GetTempPath(), "sk-lsp-" + Guid.NewGuid().ToString("N")[..12]);
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                if (Directory.Exists(root))
                {
                    Directory.Delete(root, recursive: true);
                }
            };
            Copy(Path.Combine(Repo.Root, "schemas"), Path.Combine(root, "schemas"));
            var session = new Session();

            // (a) the first optional key of an item, misspelled.
            var national = Read(Path.Combine(Repo.Standards, "national", "2023.yaml"));
            var fields = national.IndexOf("\n    fields:\n", StringComparison.Ordinal);
            fields.Should().BePositive("national/2023.yaml has items with fields");
            session.Misspelled = Write(root, "standards/national/2023.yaml", national.Remove(fields, "\n    fields:".Length).Insert(fields, "\n    feilds:"));
            session.MisspelledLine = national[..(fields + 1)].Count(c => c == '\n'); // 0-based, as LSP counts

            // (c) a national item and a local-only item without their area.
            var area = national.IndexOf("\n    area: childcare\n", StringComparison.Ordinal);
            session.NationalWithoutArea = Write(root, "standards/national/2030.yaml", national.Remove(area, "\n    area: childcare".Length));
            var shanghai = Read(Path.Combine(Repo.Standards, "local", "310000-shanghai", "2021.yaml"));
            const string localArea = "    kind: local\n    area: military-services\n";
            shanghai.Should().Contain(localArea);
            session.LocalWithoutArea = Write(root, "standards/local/310000-shanghai/2021.yaml", shanghai.Replace(localArea, "    kind: local\n", StringComparison.Ordinal));

            // (b) a test whose resident mapping is being written; one file has the modeline, one is associated by settings.
            const string test = "tests:\n  - name: completion\n    county: \"310104\"\n    on: 2024-01-01\n    resident:\n      sex: female\n      \n    expect:\n      - {item: maternal-health}\n";
            session.TestFile = Write(root, "standards/tests/editing.yaml", "# yaml-language-server: $schema=../../schemas/tests.schema.json\n" + test);
            session.AssociatedTestFile = Write(root, "standards/tests/associated.yaml", test);
            var blankLine = test.Split('\n').ToList().FindIndex(l => l == "      ");

            var request = new
            {
                root,
                schemas = new Dictionary<string, string[]> { [new Uri(Path.Combine(root, "schemas", "tests.schema.json")).AbsoluteUri] = ["**/associated.yaml"] },
                documents = new[] { session.Misspelled, session.NationalWithoutArea, session.LocalWithoutArea, session.TestFile, session.AssociatedTestFile },
                completions = new[]
                {
                    new { path = session.TestFile, line = blankLine + 1, character = 6 },
                    new { path = session.AssociatedTestFile, line = blankLine, character = 6 },
                },
            };
            var requestFile = Write(root, "request.json", JsonSerializer.Serialize(request));
            var (code, stdout, stderr) = RunNode(Path.Combine(Repo.Root, "tests", "StandardsKit.Tests", "Lsp", "lsp-client.mjs"), LspFactAttribute.Server, requestFile);
            code.Should().Be(0, $"lsp-client.mjs failed: {stderr}");
            session.Output = stdout;
            using var json = JsonDocument.Parse(stdout);
            session._diagnostics = json.RootElement.GetProperty("diagnostics").EnumerateObject().ToDictionary(
                p => p.Name,
                p => p.Value.EnumerateArray().Select(d => new LspDiagnostic(d.GetProperty("line").GetInt32(), d.GetProperty("character").GetInt32(), d.GetProperty("message").GetString()!)).ToList());
            session.Completions = [.. json.RootElement.GetProperty("completions").EnumerateArray().Select(c => c.EnumerateArray().Select(l => l.GetString()!).ToList())];
            return session;
        }

        private static (int Code, string Out, string Err) RunNode(params string[] args)
        {
            using var node = Process.Start(new ProcessStartInfo(LspFactAttribute.Node, args)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            }) ?? throw new InvalidOperationException("node did not start");
            var stdout = node.StandardOutput.ReadToEndAsync();
            var stderr = node.StandardError.ReadToEndAsync();
            if (!node.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                node.Kill(entireProcessTree: true); // ours: started above
                throw new TimeoutException("lsp-client.mjs did not finish in 90 s");
            }

            return (node.ExitCode, stdout.Result, stderr.Result);
        }

        private static string Read(string path) => File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);

        private static string Write(string root, string relative, string text)
        {
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            return path;
        }

        private static void Copy(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (var file in Directory.EnumerateFiles(from, "*.json"))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }
        }
    }
}
