using StandardsKit.Tests.TestSupport;
using static StandardsKit.Tests.Cli.CliHarness;

namespace StandardsKit.Tests.Cli;

/// <summary>
/// Every command that prints text, in both languages, escapes control characters that come from YAML: an item name,
/// a standard's title, a fact's description, a division's name and a test's name each carry a newline that would
/// start a forged <c>::error::</c> workflow command and an ESC that would clear the terminal.
/// </summary>
public sealed class HostileNamesInTextOutputTests : IDisposable
{
    /// <summary>In YAML double quotes: \n and \e are a real newline and ESC once loaded.</summary>
    private const string Forged = @"\n::error::forged\e[2J";

    private readonly TempFolder _folder = new();
    private readonly string _standards;

    public HostileNamesInTextOutputTests()
    {
        _folder.CopyFrom(Repo.Standards, "standards");
        _standards = Path.Combine(_folder.Path, "standards");
        Edit("local/310000-shanghai/2021.yaml", "name: {zh: 孕产期保健, en: Maternal care}", $"name: {{zh: \"孕产期{Forged}保健\", en: \"Maternal{Forged} care\"}}");
        Edit("local/310000-shanghai/2021.yaml", "name: {zh: 老年综合津贴, en: Comprehensive old-age allowance}", $"name: {{zh: \"老年{Forged}津贴\", en: \"Old-age{Forged} allowance\"}}");
        Edit("local/310000-shanghai/2021.yaml", "title: {zh: 上海市基本公共服务项目清单, en: Shanghai basic public service item list}", $"title: {{zh: \"上海{Forged}清单\", en: \"Shanghai{Forged} list\"}}");
        Edit("facts.yaml", "description: {zh: 出生日期, en: Date of birth}", $"description: {{zh: \"出生{Forged}日期\", en: \"Date{Forged} of birth\"}}");
        Edit("divisions/divisions.yaml", "{code: \"310104\", name: \"徐汇区\", parent: \"310100\"}", $"{{code: \"310104\", name: \"徐汇{Forged}区\", parent: \"310100\"}}");
        Edit("tests/local-shanghai.yaml", "  - name: a pre-school child from a dibao family in Xuhui gets Shanghai's fee waiver (up to 700 a month in a private kindergarten)",
            $"  - name: \"a pre-school{Forged} child from a dibao family\"");
    }

    public static TheoryData<string[]> TextCommands()
    {
        var data = new TheoryData<string[]>();
        foreach (var lang in new[] { "zh", "en" })
        {
            foreach (var args in new[]
                     {
                         new[] { "list", "--county", "310104", "--on", "2024-06-01" },
                         ["show", "maternal-health", "--county", "310104", "--on", "2024-06-01"],
                         ["report", "--county", "310104", "--on", "2024-06-01"],
                         ["report", "--county", "310104", "--on", "2024-06-01", "--format", "markdown"],
                         ["eval", "--county", "310104", "--on", "2024-06-01", "--resident", "-", "--format", "text"],
                         ["equalization", "--on", "2024-06-01", "--province", "310000"],
                         ["equalization", "--on", "2024-06-01", "--province", "310000", "--format", "markdown"],
                         ["facts"],
                         ["standards"],
                         ["divisions", "find", "3101"],
                     })
            {
                data.Add([.. args, "--lang", lang]);
            }
        }

        data.Add(["test"]);
        data.Add(["validate"]);
        return data;
    }

    [Theory]
    [MemberData(nameof(TextCommands))]
    public void No_control_character_from_yaml_reaches_the_terminal(string[] args)
    {
        var r = RunWithInput("""{"birthDate": "1995-03-01", "pregnant": true}""", ["--standards", _standards, .. args]);

        r.ExitCode.Should().BeOneOf([0, 1], r.Err);
        foreach (var (stream, text) in new[] { ("stdout", r.Out), ("stderr", r.Err) })
        {
            text.Should().NotContain("\u001b", $"{stream} of {string.Join(' ', args)}");
            text.Split('\n').Should().NotContain(l => l.TrimStart().StartsWith("::", StringComparison.Ordinal), $"{stream} of {string.Join(' ', args)}");
        }

        if (args[0] != "validate")
        {
            (r.Out + r.Err).Should().Contain(@"\n::error::forged\u001B[2J", "the forged text is shown, escaped, where the command prints it");
        }
    }

    public void Dispose() => _folder.Dispose();

    private void Edit(string relative, string from, string to)
    {
        var path = Path.Combine(_standards, relative);
        var text = File.ReadAllText(path);
        text.Should().Contain(from, $"{relative} is the fixture");
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }
}
