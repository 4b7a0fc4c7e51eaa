using StandardsKit.Json;
using StandardsKit.Tests.TestSupport;
using static StandardsKit.Tests.Cli.CliHarness;

namespace StandardsKit.Tests.Cli;

/// <summary><c>eval --record</c> and <c>replay</c>: a stored decision is tied to its revision and can be re-checked.</summary>
public sealed class ReplayCommandTests : IDisposable
{
    private const string ShanghaiAntenatal = "{name: antenatalChecks, unit: times, value: 9}";

    private readonly TempFolder _folder = new();
    private readonly string _standards;

    public ReplayCommandTests() => _standards = _folder.CopyFrom(Repo.Standards, "standards");

    private static string Pregnant => Path.Combine(Repo.Samples, "resident-pregnant-shanghai.json");

    private string Shanghai => Path.Combine(_standards, "local", "310000-shanghai", "2021.yaml");

    private string Record(string name, params string[] extra)
    {
        var r = Run(["--standards", _standards, "eval", "--county", "310104", "--on", "2024-06-01", "--resident", Pregnant, "--record", .. extra]);
        r.ExitCode.Should().Be(0, r.Err);
        return _folder.Write(name, r.Out);
    }

    private void Edit(string from, string to)
    {
        var text = File.ReadAllText(Shanghai);
        text.Should().Contain(from);
        File.WriteAllText(Shanghai, text.Replace(from, to, StringComparison.Ordinal));
    }

    [Fact]
    public void A_record_holds_the_result_its_revision_and_the_input()
    {
        var record = EvaluationJson.Deserialize(File.ReadAllText(Record("r.json")));

        record.Input!.County.Should().Be("310104");
        record.Input.On.Should().Be(new DateOnly(2024, 6, 1));
        record.Input.Resident.GetProperty("pregnant").GetBoolean().Should().BeTrue();
        record.Input.Items.Should().BeNull();
        record.Revision.Standards.Should().MatchRegex("^[0-9a-f]{64}$");
        record.Decisions.Should().Contain(d => d.Item == "maternal-health" && d.Eligible == true);
    }

    [Fact]
    public void Replay_with_unchanged_standards_exits_0()
    {
        var path = Record("r.json");

        var r = Run("--standards", _standards, "replay", path);

        r.ExitCode.Should().Be(0, r.Out + r.Err);
        r.Out.Should().Contain("310104 on 2024-06-01: all 83 decision(s) are the same").And.NotContain("note:");
        r.OutLines[^1].Should().Be("1 record(s) replayed: 1 same, 0 differ");
    }

    [Fact]
    public void A_record_made_before_an_amount_change_replays_with_exit_1_naming_the_item_and_both_amounts()
    {
        var path = Record("before.json");
        Edit(ShanghaiAntenatal, "{name: antenatalChecks, unit: times, value: 12}");

        var r = Run("--standards", _standards, "replay", path);

        r.ExitCode.Should().Be(1, r.Out + r.Err);
        r.Out.Should().Contain("1 decision(s) differ");
        r.Out.Should().Contain("  maternal-health: antenatalChecks 9 times → 12 times");
        r.Out.Should().MatchRegex("note: the standards revision differs: recorded [0-9a-f]{64}, now [0-9a-f]{64}");
    }

    [Fact]
    public void An_eligibility_change_is_named_with_both_answers()
    {
        var path = Record("before.json", "--item", "maternal-health");
        // Shanghai's maternal care inherits the national rule; give it a narrower one of its own.
        Edit("    funding: district\n    leadDepartments: [市卫生健康委]\n    level:\n      text: {zh: 9次产前检查",
            "    funding: district\n    leadDepartments: [市卫生健康委]\n    eligibility:\n      when: pregnant and ruralHukou\n" +
            "      provenance: {evidence: reconstructed, note: test}\n    level:\n      text: {zh: 9次产前检查");

        var r = Run("--standards", _standards, "replay", path);

        r.ExitCode.Should().Be(1, r.Out + r.Err);
        r.Out.Should().Contain("maternal-health: eligible eligible → not eligible");
        r.Out.Should().NotContain("added", "a record made with --item compares only that item");
    }

    [Fact]
    public void Json_lines_of_records_replay_one_by_one()
    {
        var one = File.ReadAllText(Record("a.json", "--item", "maternal-health"));
        var compact = System.Text.Json.Nodes.JsonNode.Parse(one)!.ToJsonString();
        var log = _folder.Write("log.jsonl", compact + "\n" + compact + "\n");

        var r = Run("--standards", _standards, "replay", log);

        r.ExitCode.Should().Be(0, r.Out + r.Err);
        r.Out.Should().Contain("log.jsonl#1:").And.Contain("log.jsonl#2:");
        r.OutLines[^1].Should().Be("2 record(s) replayed: 2 same, 0 differ");
    }

    [Fact]
    public void Eval_output_without_input_is_not_a_record()
    {
        var r0 = Run("eval", "--county", "310104", "--on", "2024-06-01", "--resident", Pregnant, "--item", "maternal-health");
        var path = _folder.Write("plain.json", r0.Out);

        var r = Run("replay", path);

        r.ExitCode.Should().Be(2);
        r.Err.Should().Contain("not a decision record").And.Contain("eval --record").And.NotContain("   at ");
    }

    [Theory]
    [InlineData("{\"county\": \"310104\",")]
    [InlineData("[1, 2]")]
    [InlineData("")]
    public void A_malformed_record_file_exits_2_with_one_line(string text)
    {
        var path = _folder.Write("bad.json", text);

        var r = Run("replay", path);

        r.ExitCode.Should().Be(2);
        r.Err.TrimEnd('\n').Should().NotContain("\n").And.Contain("bad.json").And.NotContain("   at ");
    }

    [Fact]
    public void Record_with_text_format_is_a_usage_error()
    {
        var r = Run("eval", "--county", "310104", "--resident", Pregnant, "--record", "--format", "text");

        r.ExitCode.Should().Be(2);
        r.Err.Should().Contain("--record writes JSON");
    }

    public void Dispose() => _folder.Dispose();
}
