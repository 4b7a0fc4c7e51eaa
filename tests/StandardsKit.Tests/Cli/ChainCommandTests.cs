using System.Text.Json;
using StandardsKit.Tests.TestSupport;
using static StandardsKit.Tests.Cli.CliHarness;
using static StandardsKit.Tests.Loading.ChainCheckTests;

namespace StandardsKit.Tests.Cli;

/// <summary>The "two notions of parent" reproducers, re-run through the command line.</summary>
public class ChainCommandTests
{
    private static TempFolder Folder(params (string Name, string Text)[] files)
    {
        var folder = new TempFolder();
        foreach (var (name, text) in files)
        {
            folder.Write(name, text);
        }

        return folder;
    }

    private static string LineOf(string text, string needle) =>
        (text.Replace("\r\n", "\n", StringComparison.Ordinal)[..text.IndexOf(needle, StringComparison.Ordinal)].Count(c => c == '\n') + 1)
        .ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Validate_fails_on_a_province_and_a_city_both_defining_probe_bonus_and_names_both_places()
    {
        var province = Local("cn-51", "510000", Bonus("probe-bonus", 100));
        var city = Local("cn-510100", "510100", Bonus("probe-bonus", 500));
        using var folder = Folder(("national.yaml", National), ("sichuan.yaml", province), ("chengdu.yaml", city));

        var r = Run("validate", folder.Path);

        r.ExitCode.Should().Be(1, r.Out + r.Err);
        var chengdu = Path.Combine(folder.Path, "chengdu.yaml");
        var sichuan = Path.Combine(folder.Path, "sichuan.yaml");
        r.OutLines.Should().Contain(
            $"{chengdu}:{LineOf(city, "{id: probe-bonus")}:5: error SK0205: item id 'probe-bonus' is also an item of cn-51@2030 ({sichuan}:{LineOf(province, "{id: probe-bonus")}:5); "
            + "both are in force in 510100 from 2030-06-01, so one would hide the other — rename it, or write 'implements: probe-bonus' to overlay the item of cn-51@2030");
    }

    [Fact]
    public void Eval_of_a_Chengdu_resident_after_renaming_the_city_item_gives_the_city_amount()
    {
        using var folder = Folder(("national.yaml", National),
            ("sichuan.yaml", Local("cn-51", "510000", Bonus("probe-bonus", 100))),
            ("chengdu.yaml", Local("cn-510100", "510100", Bonus("cd-probe-bonus", 500))));

        var r = RunWithInput("{}", "--standards", folder.Path, "eval", "--county", "510104", "--on", "2030-07-01", "--resident", "-", "--item", "cd-probe-bonus");

        r.ExitCode.Should().Be(0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        var decision = doc.RootElement.GetProperty("decisions").EnumerateArray().Single();
        decision.GetProperty("jurisdiction").GetString().Should().Be("510100");
        decision.GetProperty("level").GetProperty("quantities").EnumerateArray().Single().GetProperty("value").GetDecimal().Should().Be(500m);
    }

    [Fact]
    public void Validate_warns_when_Chongqing_takes_effect_before_the_national_edition_it_extends()
    {
        using var folder = new TempFolder();
        var root = folder.CopyFrom(Repo.Standards, "standards");
        var file = Path.Combine(root, "local", "500000-chongqing", "2022.yaml");
        var text = File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal);
        text.Should().Contain("\neffectiveFrom: 2022-07-01\n");
        text = text.Replace("\neffectiveFrom: 2022-07-01\n", "\neffectiveFrom: 2020-01-01\n", StringComparison.Ordinal);
        File.WriteAllText(file, text);

        var r = Run("validate", root);

        r.ExitCode.Should().Be(0, r.Out + r.Err);
        r.OutLines.Should().Contain(line => line.StartsWith(
            $"{file}:{LineOf(text, "effectiveFrom: 2020-01-01")}:1: warning SK0214: cn-50@2022 takes effect 2020-01-01, before its parent cn-national@2021 (2021-03-30); "
            + "until then its items overlay nothing and stand alone — ", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_lists_the_local_standards_that_lag_the_national_2023_revision_as_notices()
    {
        var r = Run("validate");

        r.ExitCode.Should().Be(0, r.Out + r.Err);
        r.OutLines.Should().Contain(line => line.StartsWith(
            "standards/local/510000-sichuan/2022.yaml:10:1: info SK0215: cn-51@2022 extends cn-national@2021, which cn-national@2023 supersedes from 2023-08-09; "
            + "its items overlay cn-national@2023 from then on", StringComparison.Ordinal));
        r.OutLines.Count(l => l.Contains(" info SK0215: ", StringComparison.Ordinal)).Should().Be(9,
            "Shanghai, Jiangsu, Guangdong, Hainan, Guizhou, Yunnan, Chongqing, Sichuan and Chengdu extend the national 2021 edition and "
            + "stay in force after 2023-08-09 (Zhoushan 2021 and Zhejiang 2021 are superseded the same day)");
    }

    [Fact]
    public void Validate_json_includes_the_notices_and_counts_them()
    {
        var r = Run("validate", "--format", "json");

        r.ExitCode.Should().Be(0, r.Out + r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        var notices = doc.RootElement.GetProperty("diagnostics").EnumerateArray().Where(d => d.GetProperty("code").GetString() == "SK0215").ToList();
        notices.Should().HaveCount(9);
        notices.Should().OnlyContain(d => d.GetProperty("severity").GetString() == "info");
        notices.Should().Contain(d => d.GetProperty("message").GetString()!.StartsWith("cn-50@2022 extends cn-national@2021, which cn-national@2023 supersedes from 2023-08-09", StringComparison.Ordinal));
        var summary = doc.RootElement.GetProperty("summary");
        summary.GetProperty("notices").GetInt32().Should().Be(doc.RootElement.GetProperty("diagnostics").EnumerateArray().Count(d => d.GetProperty("severity").GetString() == "info"));
        summary.GetProperty("warnings").GetInt32().Should().Be(1, "Shanghai's list takes effect before the national 2021 edition");
    }
}
