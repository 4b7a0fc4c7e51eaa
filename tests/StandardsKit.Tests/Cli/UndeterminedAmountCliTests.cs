using System.Text.Json;
using StandardsKit.Tests.Engine;
using StandardsKit.Tests.TestSupport;
using static StandardsKit.Tests.Cli.CliHarness;

namespace StandardsKit.Tests.Cli;

/// <summary><c>eval</c> and <c>test</c> show an amount that depends on missing facts instead of dropping it.</summary>
public class UndeterminedAmountCliTests
{
    private const string OnlyChildDisabled = """{"onlyChildDisabled": true, "familyPlanningComplication": "none"}""";

    private static CliResult EvalFamilyPlanning(string format, params string[] extra) =>
        RunWithInput(OnlyChildDisabled, ["eval", "--county", "310104", "--on", "2024-06-01", "--resident", "-",
            "--item", "family-planning-special-assistance", "--format", format, .. extra]);

    private static JsonElement OnlyQuantity(JsonElement decision) =>
        decision.GetProperty("level").GetProperty("quantities").EnumerateArray().Should().ContainSingle().Which;

    [Fact]
    public void Eval_json_gives_the_family_planning_allowance_as_null_with_its_missing_fact_and_possible_values()
    {
        var r = EvalFamilyPlanning("json");

        r.ExitCode.Should().Be(0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        var decision = doc.RootElement.GetProperty("decisions").EnumerateArray().Should().ContainSingle().Which;
        decision.GetProperty("eligible").GetBoolean().Should().BeTrue();
        decision.GetProperty("missingFacts").EnumerateArray().Select(f => f.GetString()).Should().Equal("onlyChildDeceased");
        var q = OnlyQuantity(decision);
        q.GetProperty("name").GetString().Should().Be("allowance");
        q.GetProperty("value").ValueKind.Should().Be(JsonValueKind.Null);
        q.GetProperty("unit").GetString().Should().Be("CNY/month");
        q.GetProperty("missingFacts").EnumerateArray().Select(f => f.GetString()).Should().Equal("onlyChildDeceased");
        q.GetProperty("possibleValues").EnumerateArray().Select(v => v.GetDecimal()).Should().Equal(460m, 590m);
        q.TryGetProperty("mayBeAbsent", out _).Should().BeFalse("mayBeAbsent is written only when true");
    }

    [Fact]
    public void Eval_json_matches_the_golden_file_for_an_undetermined_amount()
    {
        var r = EvalFamilyPlanning("json");

        r.ExitCode.Should().Be(0, r.Err);
        Golden.Match(RevisionMask.Apply(r.Out), "eval-undetermined-amount.json");
    }

    [Fact]
    public void Eval_json_keeps_determined_quantities_in_their_old_shape()
    {
        var r = RunWithInput("""{"onlyChildDisabled": true, "onlyChildDeceased": false, "familyPlanningComplication": "none"}""", "eval", "--county", "310104", "--on", "2024-06-01",
            "--resident", "-", "--item", "family-planning-special-assistance", "--format", "json");

        using var doc = JsonDocument.Parse(r.Out);
        var q = OnlyQuantity(doc.RootElement.GetProperty("decisions")[0]);
        q.EnumerateObject().Select(p => p.Name).Should().Equal("name", "value", "unit", "jurisdiction");
        q.GetProperty("value").GetDecimal().Should().Be(460m);
    }

    [Fact]
    public void Eval_json_marks_an_amount_that_may_be_absent()
    {
        using var folder = new TempFolder();
        folder.Write("national.yaml", UndeterminedAmountTests.Tiered);

        var r = RunWithInput("{}", "eval", "--standards", folder.Path, "--county", "520102", "--on", "2030-07-01", "--resident", "-",
            "--item", "may-be-absent", "--format", "json");

        r.ExitCode.Should().Be(0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        var q = OnlyQuantity(doc.RootElement.GetProperty("decisions")[0]);
        q.GetProperty("value").ValueKind.Should().Be(JsonValueKind.Null);
        q.GetProperty("possibleValues").EnumerateArray().Select(v => v.GetDecimal()).Should().Equal(5m);
        q.GetProperty("mayBeAbsent").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public void Eval_text_says_which_fact_the_amount_depends_on_in_english_and_chinese()
    {
        var en = EvalFamilyPlanning("text", "--lang", "en");
        var zh = EvalFamilyPlanning("text");

        en.Out.Should().Contain("allowance: 460 or 590 CNY/month — amount depends on onlyChildDeceased");
        zh.Out.Should().Contain("补助标准: 460 或 590 元/月 — 金额取决于 onlyChildDeceased");
    }

    [Theory]
    [InlineData("460")]
    [InlineData("null")]
    public void Test_case_expecting_an_amount_or_none_fails_on_an_undetermined_amount_naming_the_missing_fact(string expected)
    {
        using var folder = new TempFolder();
        var path = folder.Write("undetermined.yaml", $$"""
            tests:
              - name: the allowance needs onlyChildDeceased
                county: "310104"
                on: 2024-06-01
                resident: {onlyChildDisabled: true, familyPlanningComplication: none}
                expect:
                  - item: family-planning-special-assistance
                    eligible: true
                    level: {allowance: {{expected}}}
            """);

        var r = Run("test", path);

        r.ExitCode.Should().Be(1, r.Out + r.Err);
        r.OutLines.Should().Contain(l => l.StartsWith("FAIL the allowance needs onlyChildDeceased", StringComparison.Ordinal));
        r.Out.Should().Contain("got an undetermined amount (460 or 590): amount depends on onlyChildDeceased");
        r.OutLines[^1].Should().Be("0 passed, 1 failed");
    }

    [Fact]
    public void Test_case_with_the_deciding_fact_given_passes()
    {
        using var folder = new TempFolder();
        var path = folder.Write("determined.yaml", """
            tests:
              - name: the disabled-child allowance is 460
                county: "310104"
                on: 2024-06-01
                resident: {onlyChildDisabled: true, onlyChildDeceased: false, familyPlanningComplication: none}
                expect:
                  - item: family-planning-special-assistance
                    level: {allowance: 460}
                    missingFacts: []
            """);

        var r = Run("test", path);

        r.ExitCode.Should().Be(0, r.Out + r.Err);
        r.OutLines[^1].Should().Be("1 passed, 0 failed");
    }
}
