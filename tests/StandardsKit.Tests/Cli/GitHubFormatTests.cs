using StandardsKit.Tests.TestSupport;
using static StandardsKit.Tests.Cli.CliHarness;

namespace StandardsKit.Tests.Cli;

/// <summary>
/// <c>validate --format github</c> follows GitHub's workflow-command escaping: <c>%</c> as <c>%25</c> everywhere, and
/// <c>,</c> and <c>:</c> as <c>%2C</c> and <c>%3A</c> inside properties; a newline or other control character from
/// YAML is shown as a visible escape (as in text output) so one finding is one annotation on one line.
/// </summary>
public sealed class GitHubFormatTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void File_property_escapes_percent_comma_and_colon()
    {
        _folder.Write(Path.Combine("in", "a,b:c", "x%0A.yaml"), "a: 1\na: 2\n");

        var r = Run("validate", "--format", "github", Path.Combine(_folder.Path, "in"));

        r.ExitCode.Should().Be(1);
        var annotation = r.OutLines.Single(l => l.StartsWith("::", StringComparison.Ordinal));
        annotation.Should().StartWith("::error file=").And.Contain("/a%2Cb%3Ac/x%250A.yaml,line=2,col=1,title=SK0003::duplicate key 'a'");
    }

    [Fact]
    public void Message_escapes_percent_and_shows_control_characters_so_nothing_forges_a_command()
    {
        const string Key = "\"k%0A::error::forged\\nb\\r\\u0085\"";
        _folder.Write(Path.Combine("in", "x.yaml"), $"{Key}: 1\n{Key}: 2\n");

        var r = Run("validate", "--format", "github", Path.Combine(_folder.Path, "in"));

        r.ExitCode.Should().Be(1);
        r.OutLines.Should().HaveCount(2, "one annotation and the summary: " + r.Out);
        r.OutLines[0].Should().EndWith("title=SK0003::duplicate key 'k%250A::error::forged\\nb\\r\\u0085' (first at line 1) — remove one of them");
        r.Out.Should().NotContain("%0A::").And.NotContain("\r").And.NotContain("\u0085");
    }

    public void Dispose() => _folder.Dispose();
}
