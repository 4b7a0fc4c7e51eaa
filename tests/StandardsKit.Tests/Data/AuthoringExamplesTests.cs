using System.Text.Json;
using System.Text.RegularExpressions;
using StandardsKit.Tests.TestSupport;
using YamlDotNet.RepresentationModel;
using static StandardsKit.Tests.Cli.CliHarness;

namespace StandardsKit.Tests.Data;

/// <summary>
/// The YAML examples in docs/authoring.md are what they claim to be. The comment before each fence says:
/// <c>&lt;!-- example: file PATH --&gt;</c> — a whole file, written at PATH in a copy of standards/, which must
/// validate with no error and no warning of its own (and, under tests/, pass <c>standardskit test</c>);
/// <c>&lt;!-- example: partial … --&gt;</c> — an excerpt, which must still be YAML.
/// </summary>
public sealed partial class AuthoringExamplesTests
{
    private sealed record Example(int Line, string? Annotation, string Yaml)
    {
        public string? File => Annotation is { } a && FileAnnotation().Match(a) is { Success: true } m ? m.Groups[1].Value : null;

        public bool Partial => Annotation is { } a && a.StartsWith("partial", StringComparison.Ordinal);
    }

    private static readonly Lazy<List<Example>> All = new(() =>
    {
        var lines = File.ReadAllLines(Path.Combine(Repo.Root, "docs", "authoring.md"));
        var examples = new List<Example>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```yaml")
            {
                continue;
            }

            var note = i > 0 && AnnotationLine().Match(lines[i - 1]) is { Success: true } m ? m.Groups[1].Value.Trim() : null;
            var end = Array.FindIndex(lines, i + 1, l => l.Trim() == "```");
            end.Should().BePositive($"the fence at docs/authoring.md:{i + 1} is closed");
            examples.Add(new Example(i + 1, note, string.Join('\n', lines[(i + 1)..end]) + "\n"));
            i = end;
        }

        return examples;
    });

    public static TheoryData<string> FileExamples => [.. All.Value.Where(e => e.File is not null).Select(e => e.File!)];

    public static TheoryData<int> PartialExamples => [.. All.Value.Where(e => e.Partial).Select(e => e.Line)];

    [Fact]
    public void Every_yaml_example_says_whether_it_is_a_whole_file_or_partial()
    {
        All.Value.Should().HaveCountGreaterThanOrEqualTo(6);
        All.Value.Should().OnlyContain(e => e.File != null || e.Partial,
            "each ```yaml fence in docs/authoring.md needs '<!-- example: file PATH -->' or '<!-- example: partial -->' on the line before it");
        All.Value.Select(e => e.File).Should().Contain(["local/310104-xuhui/2024.yaml", "tests/authoring-example.yaml"],
            "the overlay and the test cases are whole files, checked for real");
    }

    [Theory]
    [MemberData(nameof(FileExamples))]
    public void A_whole_file_example_validates_in_a_copy_of_the_standards(string path)
    {
        var example = All.Value.Single(e => e.File == path);
        using var folder = new TempFolder();
        var root = folder.CopyFrom(Repo.Standards, "standards");
        var file = Path.Combine(root, path);
        File.Exists(file).Should().BeFalse("an example adds a file; it does not replace one of the standards");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, example.Yaml);

        var r = Run("validate", root, "--format", "json");

        var diagnostics = JsonDocument.Parse(r.Out).RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => (Severity: d.GetProperty("severity").GetString(), File: d.TryGetProperty("file", out var f) ? f.GetString() : null, Text: d.GetProperty("message").GetString()))
            .ToList();
        var own = path.Replace('\\', '/');
        diagnostics.Where(d => d.Severity == "error" || (d.Severity == "warning" && d.File?.Replace('\\', '/').EndsWith(own, StringComparison.Ordinal) == true))
            .Should().BeEmpty($"the example at docs/authoring.md:{example.Line} must be valid as written");
        r.ExitCode.Should().Be(0, r.Out);

        if (own.StartsWith("tests/", StringComparison.Ordinal))
        {
            var t = Run("test", file);
            t.ExitCode.Should().Be(0, t.Out + t.Err);
            t.OutLines[^1].Should().MatchRegex(@"^[1-9]\d* passed, 0 failed$");
        }
    }

    [Theory]
    [MemberData(nameof(PartialExamples))]
    public void A_partial_example_is_still_yaml(int line)
    {
        var example = All.Value.Single(e => e.Line == line);

        var parse = () => new YamlStream().Load(new StringReader(example.Yaml));

        parse.Should().NotThrow($"the excerpt at docs/authoring.md:{line} must at least be YAML");
    }

    [GeneratedRegex(@"^\s*<!--\s*example:\s*(.*?)\s*-->\s*$")]
    private static partial Regex AnnotationLine();

    [GeneratedRegex(@"^file\s+(\S+)$")]
    private static partial Regex FileAnnotation();
}
