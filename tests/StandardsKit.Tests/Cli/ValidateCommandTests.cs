using System.Text.Json;
using StandardsKit.Tests.TestSupport;
using static StandardsKit.Tests.Cli.CliHarness;

namespace StandardsKit.Tests.Cli;

public class ValidateCommandTests
{
    /// <summary>A copy of standards/ with the national 2023 maternal-health rule changed to an undeclared fact.</summary>
    private sealed class BrokenCopy : IDisposable
    {
        public BrokenCopy()
        {
            Root = Folder.CopyFrom(Repo.Standards, "standards");
            File = Path.Combine(Root, "national", "2023.yaml").Replace('\\', '/');
            var text = System.IO.File.ReadAllText(File).Replace("\r\n", "\n", StringComparison.Ordinal);
            const string original = "\n      when: pregnant or postpartum\n";
            var index = text.IndexOf(original, StringComparison.Ordinal);
            index.Should().BePositive("the 2023 edition has the maternal-health rule 'when: pregnant or postpartum'");
            text.IndexOf(original, index + 1, StringComparison.Ordinal).Should().Be(-1, "the rule is edited in one place only");
            System.IO.File.WriteAllText(File, text.Remove(index, original.Length).Insert(index, "\n      when: isPregnant or postpartum\n"));

            var start = index + 1;
            Line = text[..start].Count(c => c == '\n') + 1;
            Column = "      when: ".Length + 1;
        }

        public TempFolder Folder { get; } = new();

        public string Root { get; }

        public string File { get; }

        public int Line { get; }

        public int Column { get; }

        public void Dispose() => Folder.Dispose();
    }

    [Fact]
    public void Validate_exits_0_on_the_embedded_standards()
    {
        var r = Run("validate");

        r.ExitCode.Should().Be(0, r.Out + r.Err);
        r.OutLines[^1].Should().MatchRegex(@"^0 errors, \d+ warnings? in \d+ files$");
        r.Out.Should().Contain("provenance cn-national@2023:");
    }

    [Fact]
    public void Validate_exits_0_on_the_repository_standards_folder()
    {
        var r = Run("validate", Repo.Standards);

        r.ExitCode.Should().Be(0, r.Out + r.Err);
        r.Err.Should().BeEmpty();
        r.OutLines[^1].Should().StartWith("0 errors");
    }

    [Fact]
    public void Undeclared_fact_exits_1_with_a_path_line_col_error_line()
    {
        using var copy = new BrokenCopy();

        var r = Run("validate", copy.Root);

        r.ExitCode.Should().Be(1);
        r.OutLines.Should().Contain(line => line.StartsWith(
            $"{copy.File}:{copy.Line}:{copy.Column}: error SK0102: unknown fact 'isPregnant'", StringComparison.Ordinal));
        r.OutLines[^1].Should().StartWith("1 error,");
    }

    [Fact]
    public void Github_format_writes_workflow_error_annotations()
    {
        using var copy = new BrokenCopy();

        var r = Run("validate", copy.Root, "--format", "github");

        r.ExitCode.Should().Be(1);
        r.OutLines.Should().Contain(line => line.StartsWith(
            $"::error file={copy.File},line={copy.Line},col={copy.Column},title=SK0102::unknown fact 'isPregnant'", StringComparison.Ordinal));
        r.OutLines.Where(l => l.StartsWith("::", StringComparison.Ordinal)).Should().OnlyContain(l => l.StartsWith("::error ", StringComparison.Ordinal) || l.StartsWith("::warning ", StringComparison.Ordinal) || l.StartsWith("::notice ", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_format_is_valid_json_with_the_diagnostic_and_a_summary()
    {
        using var copy = new BrokenCopy();

        var r = Run("validate", copy.Root, "--format", "json");

        r.ExitCode.Should().Be(1);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        var d = root.GetProperty("diagnostics").EnumerateArray().Single(e => e.GetProperty("code").GetString() == "SK0102");
        d.GetProperty("severity").GetString().Should().Be("error");
        d.GetProperty("file").GetString().Should().Be(copy.File);
        d.GetProperty("line").GetInt32().Should().Be(copy.Line);
        d.GetProperty("column").GetInt32().Should().Be(copy.Column);
        d.GetProperty("message").GetString().Should().Be("unknown fact 'isPregnant'");
        root.GetProperty("summary").GetProperty("errors").GetInt32().Should().Be(1);
        root.GetProperty("provenance").GetArrayLength().Should().BeGreaterThan(0);
    }

    [Fact]
    public void Json_format_on_clean_standards_reports_no_errors()
    {
        var r = Run("validate", "--format", "json");

        r.ExitCode.Should().Be(0);
        using var doc = JsonDocument.Parse(r.Out);
        doc.RootElement.GetProperty("summary").GetProperty("errors").GetInt32().Should().Be(0);
        doc.RootElement.GetProperty("summary").GetProperty("files").GetInt32().Should().BeGreaterThan(0);
    }

    [Fact]
    public void Min_evidence_verbatim_turns_weaker_evidence_into_findings()
    {
        var r = Run("validate", "--min-evidence", "verbatim");

        r.ExitCode.Should().Be(1);
        r.Out.Should().Contain("error SK0401:");
    }

    [Fact]
    public void Carried_forward_text_is_counted_apart_and_refused_by_min_evidence_policy_but_not_by_carried_forward()
    {
        var counts = Run("validate");
        counts.Out.Should().MatchRegex(@"provenance cn-national@2023: items verbatim 0, secondary \d+, policy \d+, carried-forward [1-9]\d*, reconstructed \d+");

        var policy = Run("validate", "--min-evidence", "policy");
        policy.ExitCode.Should().Be(1);
        policy.Out.Should().Contain("cn-national@2023 item 'veteran-resettlement' serviceObject is carried-forward, below the required policy");

        var carried = Run("validate", "--min-evidence", "carried-forward");
        carried.Out.Should().NotContain("is carried-forward, below");
        carried.Out.Should().Contain("is reconstructed, below the required carried-forward");
    }

    [Fact]
    public void Missing_folder_is_a_usage_or_io_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), "sk-missing-" + Guid.NewGuid().ToString("N"));

        var r = Run("validate", missing);

        r.ExitCode.Should().Be(2);
        r.Err.Should().Contain(missing);
        r.Err.Should().NotContain("   at ");
    }

    [Theory]
    [InlineData("validate", "--format", "xml")]
    [InlineData("validate", "--min-evidence", "rumour")]
    [InlineData("eval", "--bogus", "x")]
    [InlineData("frobnicate")]
    public void Usage_errors_exit_2_with_a_message_on_stderr(params string[] args)
    {
        var r = Run(args);

        r.ExitCode.Should().Be(2);
        r.Err.Should().StartWith("standardskit: ");
        r.Err.Should().NotContain("   at ");
    }

    [Fact]
    public void Folder_without_yaml_files_is_a_usage_error()
    {
        using var folder = new TempFolder();

        var r = Run("validate", folder.Path);

        r.ExitCode.Should().Be(2);
        r.Err.Should().Contain("no *.yaml files");
    }
}
