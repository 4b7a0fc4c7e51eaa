using static StandardsKit.Tests.Cli.CliHarness;

namespace StandardsKit.Tests.Cli;

/// <summary>--lang zh|en on every command that prints text for people: the same name, values and default (zh); units and headings follow it.</summary>
public sealed class LanguageOptionTests
{
    private const string Date = "2024-06-01";

    [Fact]
    public void Show_in_Chinese_by_default_names_fields_and_units_in_Chinese()
    {
        var zh = Run("show", "maternal-health", "--county", "310104", "--on", Date);

        zh.ExitCode.Should().Be(0, zh.Err);
        zh.Out.Should().Contain("适用条件: pregnant or postpartum").And.Contain("产前检查（antenatalChecks） (次): 9").And.Contain("服务标准: 9次产前检查");
        zh.Out.Should().NotContain("(times)").And.NotContain("eligibility:");
    }

    [Fact]
    public void Show_in_English_uses_English_names_labels_and_units()
    {
        var en = Run("show", "maternal-health", "--county", "310104", "--on", Date, "--lang", "en");

        en.ExitCode.Should().Be(0, en.Err);
        en.OutLines[0].Should().Be("maternal-health: Maternal health services (孕产妇健康服务)");
        en.Out.Should().Contain("eligibility: pregnant or postpartum").And.Contain("antenatalChecks (times): 9").And.Contain("serviceStandard: 9 antenatal checks");
        en.Out.Should().NotContain("(次)");
    }

    [Fact]
    public void Report_units_and_headings_follow_the_language()
    {
        var zh = Run("report", "--county", "310104", "--on", Date);
        var en = Run("report", "--county", "310104", "--on", Date, "--lang", "en");

        zh.OutLines[0].Should().Be($"310104 底线对照（{Date}）");
        zh.Out.Should().Contain("地方: 产前检查 9 次").And.Contain("age >= 65: 75 元/月").And.Contain("民办园保教费免除上限 700 元/月 where the parent sets no amount");
        en.OutLines[0].Should().Be($"Floor report for 310104 on {Date}");
        en.Out.Should().Contain("local:    antenatalChecks 9 times").And.Contain("age >= 65: 75 CNY/month").And.Contain("Maternal health services");
    }

    [Fact]
    public void Diff_summary_and_units_follow_the_language()
    {
        var zh = Run("diff", "cn-national@2021", "cn-national@2023");
        var en = Run("diff", "cn-national@2021", "cn-national@2023", "--lang", "en");

        zh.OutLines[1].Should().Contain("标准提高");
        en.OutLines[1].Should().Contain("levelRaised");
        zh.Out.Should().NotContain("CNY/");
        en.Out.Should().Contain("CNY/");
    }

    [Fact]
    public void Eval_text_units_follow_the_language()
    {
        const string Pregnant = """{"birthDate": "1995-03-01", "pregnant": true, "hukou": "310104"}""";
        var zh = RunWithInput(Pregnant, "eval", "--county", "310104", "--on", Date, "--resident", "-", "--format", "text", "--item", "maternal-health");
        var en = RunWithInput(Pregnant, "eval", "--county", "310104", "--on", Date, "--resident", "-", "--format", "text", "--item", "maternal-health", "--lang", "en");

        zh.Out.Should().Contain("产前检查 9 次");
        en.Out.Should().Contain("antenatalChecks 9 times");
    }

    [Theory]
    [InlineData("show", "maternal-health")]
    [InlineData("report", "--county", "310104")]
    [InlineData("diff", "cn-national@2021", "cn-national@2023")]
    [InlineData("eval", "--county", "310104", "--resident", "-")]
    [InlineData("list")]
    [InlineData("equalization")]
    [InlineData("facts")]
    [InlineData("standards")]
    [InlineData("divisions", "find", "徐汇")]
    public void Every_command_refuses_a_language_it_does_not_have(params string[] args)
    {
        var r = RunWithInput("{}", [.. args, "--lang", "fr"]);

        r.ExitCode.Should().Be(2);
        r.Err.Should().Contain("'fr'").And.Contain("'zh'").And.Contain("'en'");
    }
}
