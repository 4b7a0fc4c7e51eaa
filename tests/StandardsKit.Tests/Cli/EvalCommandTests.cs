using StandardsKit.Tests.TestSupport;
using static StandardsKit.Tests.Cli.CliHarness;

namespace StandardsKit.Tests.Cli;

public class EvalCommandTests
{
    private static string PregnantSample => Path.Combine(Repo.Samples, "resident-pregnant-shanghai.json");

    [Fact]
    public void Eval_json_matches_the_golden_file_for_a_pregnant_Xuhui_resident()
    {
        var r = Run("eval", "--county", "310104", "--on", "2024-06-01", "--resident", PregnantSample, "--format", "json");

        r.ExitCode.Should().Be(0, r.Err);
        r.Err.Should().BeEmpty();
        Golden.Match(RevisionMask.Apply(r.Out), "eval-pregnant-shanghai.json");
    }

    [Fact]
    public void Golden_file_records_Shanghai_maternal_care_with_both_citations()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(Golden.Read("eval-pregnant-shanghai.json"));
        var maternal = doc.RootElement.GetProperty("decisions").EnumerateArray().Single(d => d.GetProperty("item").GetString() == "maternal-health");

        maternal.GetProperty("eligible").GetBoolean().Should().BeTrue();
        maternal.GetProperty("jurisdiction").GetString().Should().Be("310000");
        maternal.GetProperty("level").GetProperty("quantities").EnumerateArray()
            .Single(q => q.GetProperty("name").GetString() == "antenatalChecks").GetProperty("value").GetDecimal().Should().Be(9);
        maternal.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("standard").GetString())
            .Should().Equal("cn-national@2023", "cn-31@2021");
    }

    [Fact]
    public void Resident_can_be_read_from_standard_input()
    {
        var r = RunWithInput(File.ReadAllText(PregnantSample), "eval", "--county", "310104", "--on", "2024-06-01", "--resident", "-");

        r.ExitCode.Should().Be(0, r.Err);
        Golden.Match(RevisionMask.Apply(r.Out), "eval-pregnant-shanghai.json");
    }

    [Fact]
    public void Item_option_keeps_only_that_item()
    {
        var r = Run("eval", "--county", "310104", "--on", "2024-06-01", "--resident", PregnantSample, "--item", "maternal-health");

        r.ExitCode.Should().Be(0, r.Err);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Out);
        doc.RootElement.GetProperty("decisions").EnumerateArray().Select(d => d.GetProperty("item").GetString())
            .Should().Equal("maternal-health");
    }

    [Fact]
    public void Text_output_explains_the_decision_with_citations()
    {
        var r = Run("eval", "--county", "310104", "--on", "2024-06-01", "--resident", PregnantSample, "--format", "text", "--lang", "en");

        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Should().Contain("County 310104 on 2024-06-01");
        r.Out.Should().Contain("[maternal-health] — eligible (defined by 310000)");
        r.Out.Should().Contain("level: antenatalChecks 9 times (310000)");
        r.Out.Should().Contain("cites: cn-national@2023").And.Contain("cites: cn-31@2021");
        r.Out.Should().Contain("because pregnant = true");
    }

    [Fact]
    public void Text_output_in_chinese_is_the_default()
    {
        var r = Run("eval", "--county", "310104", "--on", "2024-06-01", "--resident", PregnantSample, "--format", "text");

        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Should().Contain("符合条件").And.Contain("依据: cn-31@2021");
    }

    [Theory]
    [InlineData("{\"birthDate\": \"1995-03-01\",")]
    [InlineData("[\"not\", \"an object\"]")]
    [InlineData("{\"pregnant\": \"yes\"}")]
    [InlineData("{\"pregnent\": true}")]
    public void Bad_resident_exits_2_with_one_line_on_stderr_and_no_stack_trace(string json)
    {
        using var folder = new TempFolder();
        var path = folder.Write("resident.json", json);

        var r = Run("eval", "--county", "310104", "--on", "2024-06-01", "--resident", path);

        r.ExitCode.Should().Be(2);
        r.Out.Should().BeEmpty();
        r.Err.TrimEnd('\n', '\r').Should().NotContain("\n").And.StartWith("standardskit: ").And.Contain(path);
        r.Err.Should().NotContain("   at ");
    }

    [Fact]
    public void Missing_resident_file_exits_2()
    {
        var r = Run("eval", "--county", "310104", "--on", "2024-06-01", "--resident", "/no/such/resident.json");

        r.ExitCode.Should().Be(2);
        r.Err.Should().Contain("/no/such/resident.json").And.NotContain("   at ");
    }

    [Theory]
    [InlineData("310199", "unknown county code '310199'")]
    [InlineData("3101", "not a 6-digit county code")]
    [InlineData("440300", "'440300' 深圳市 is a prefecture-level division, not a county-level code; give one of its county-level units, e.g. 440303 罗湖区")]
    [InlineData("110000", "'110000' 北京市 is a province-level division, not a county-level code; give one of its county-level units, e.g. 110101 东城区")]
    [InlineData("232761", "unknown county code '232761'")]
    public void Bad_county_exits_2_with_a_hint(string county, string expected)
    {
        var r = Run("eval", "--county", county, "--on", "2024-06-01", "--resident", PregnantSample);

        r.ExitCode.Should().Be(2);
        r.Err.Should().Contain(expected).And.NotContain("   at ");
    }

    [Theory]
    [InlineData("460302")] // 西沙区, 三沙市
    [InlineData("620200")] // 嘉峪关市, a city without counties
    [InlineData("000000")] // the national standard alone
    public void County_level_units_and_the_national_code_evaluate(string county)
    {
        var r = Run("eval", "--county", county, "--on", "2024-06-01", "--resident", PregnantSample);

        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Should().Contain($"\"county\": \"{county}\"");
    }

    [Fact]
    public void Bad_date_exits_2()
    {
        var r = Run("eval", "--county", "310104", "--on", "2024-13-01", "--resident", PregnantSample);

        r.ExitCode.Should().Be(2);
        r.Err.Should().Contain("--on '2024-13-01' is not a date");
    }

    [Fact]
    public void Missing_required_county_is_a_usage_error()
    {
        var r = Run("eval", "--resident", PregnantSample);

        r.ExitCode.Should().Be(2);
        r.Err.Should().Contain("--county");
    }

    [Fact]
    public void A_date_before_any_standard_is_in_force_is_an_error_naming_the_earliest_date()
    {
        var r = RunWithInput("{}", "eval", "--county", "310104", "--on", "1990-01-01", "--resident", "-");

        r.ExitCode.Should().Be(2, "an evaluation with no standard in force would read as 'entitled to nothing'");
        r.Out.Should().BeEmpty();
        r.Err.Trim().Should().Be("standardskit: --on 1990-01-01 is before any standard is in force for 310104: the earliest date in force is 2021-01-04; give --on 2021-01-04 or later");
    }

    [Theory]
    [InlineData("list", "json")]
    [InlineData("list", "text")]
    [InlineData("report", "json")]
    [InlineData("report", "text")]
    [InlineData("show", "text")]
    public void List_show_and_report_refuse_a_date_before_any_standard_instead_of_answering_empty(string command, string format)
    {
        // Before, list printed "0 items" and report an empty table with exit 0: read as "nothing is guaranteed here".
        string[] args = command == "show" ? ["show", "maternal-health"] : [command];
        var r = Run([.. args, "--county", "徐汇区", "--on", "1990-01-01", "--format", format]);

        r.ExitCode.Should().Be(2);
        r.Out.Should().BeEmpty();
        r.Err.Trim().Should().Be("standardskit: --on 1990-01-01 is before any standard is in force for 310104: the earliest date in force is 2021-01-04; give --on 2021-01-04 or later");
    }

    [Fact]
    public void The_earliest_date_in_force_evaluates()
    {
        var r = RunWithInput("{}", "eval", "--county", "310104", "--on", "2021-01-04", "--resident", "-");

        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Should().Contain("\"cn-31\"");
    }
}
