using FluentAssertions;
using StandardsKit.Tests.TestSupport;
using Xunit;

namespace StandardsKit.Tests.Cli;

/// <summary>
/// Issue 8's first list, re-run through the CLI on a copy of the repository's standards. Each of these once
/// gave a clean answer it had not earned (or crashed); the others in that list live beside their features
/// (<see cref="SemanticsCommandTests"/>, <see cref="ChainCommandTests"/>, <see cref="UndeterminedAmountCliTests"/>).
/// </summary>
public sealed class SoundCoreReproducerTests : IDisposable
{
    private const string Shanghai = "local/310000-shanghai/2021.yaml";
    private const string IntFacts = """

          - name: householdSize
            type: int
            min: 1
            description: {zh: 家庭人口数, en: Household size}
            absent: unknown

          - name: earners
            type: int
            min: 1
            description: {zh: 就业人数, en: Number of earners}
            absent: unknown

        """;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Copy(string name = "standards")
    {
        var standards = _temp.CopyFrom(Repo.Standards, name);
        Directory.Delete(Path.Combine(standards, "tests"), recursive: true);
        return standards;
    }

    private static void Edit(string standards, string relative, string from, string to)
    {
        var file = Path.Combine(standards, relative);
        var text = File.ReadAllText(file);
        text.Split(from).Length.Should().Be(2, $"'{from}' should occur once in {relative}");
        File.WriteAllText(file, text.Replace(from, to, StringComparison.Ordinal));
    }

    private static void AppendFacts(string standards, string facts) => File.AppendAllText(Path.Combine(standards, "facts.yaml"), facts);

    private static void GiveMaternalCareItsOwnRule(string standards, string when) => Edit(standards, Shanghai,
        "    funding: district\n    leadDepartments: [市卫生健康委]\n    level:\n      text: {zh: 9次产前检查",
        $"    funding: district\n    leadDepartments: [市卫生健康委]\n    eligibility:\n      when: {when}\n"
        + "      provenance: {evidence: reconstructed, note: \"Test rule.\"}\n    level:\n      text: {zh: 9次产前检查");

    [Fact]
    public void Maternal_care_narrowed_to_local_hukou_is_violated_with_a_resident_whose_hukou_and_residence_are_real_different_counties()
    {
        var standards = Copy();
        GiveMaternalCareItsOwnRule(standards, "pregnant and hukou == residence");

        var result = CliHarness.Run("validate", standards);

        result.ExitCode.Should().Be(1);
        var error = result.OutLines.Single(l => l.Contains("error SK0302", StringComparison.Ordinal));
        error.Should().StartWith(Path.Combine(standards, Shanghai) + ":").And.Contain("'sh-maternal-care' narrows the eligibility");
        var example = System.Text.RegularExpressions.Regex.Match(error, "\"hukou\": \"(\\d{6})\", \"pregnant\": true, \"residence\": \"(\\d{6})\"");
        example.Success.Should().BeTrue(error);
        example.Groups[1].Value.Should().NotBe(example.Groups[2].Value);
        example.Groups[1].Value.Should().StartWith("31", "the example lives in a Shanghai county the overlay covers");
        // The number proved grows with the data in standards/; what matters is the two violations and nothing unsupported.
        result.OutLines.Should().Contain(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^floor proofs: \d+ proved, 2 violated, 0 unsupported"));
    }

    [Fact]
    public void Validate_json_gives_each_violated_interval_with_its_example_resident()
    {
        var standards = Copy();
        GiveMaternalCareItsOwnRule(standards, "pregnant and hukou == residence");

        var result = CliHarness.Run("validate", standards, "--format", "json");

        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        var violated = json.RootElement.GetProperty("proofs").EnumerateArray()
            .Where(p => p.GetProperty("status").GetString() == "violated").ToList();
        violated.Select(p => (p.GetProperty("item").GetString(), p.GetProperty("from").GetString())).Should()
            .BeEquivalentTo([("sh-maternal-care", "2021-03-30"), ("sh-maternal-care", "2023-08-09")]);
        violated.Should().OnlyContain(p => p.GetProperty("example").GetProperty("pregnant").GetBoolean());
        json.RootElement.GetProperty("proofSummary").GetProperty("violated").GetInt32().Should().Be(2);
    }

    [Theory]
    [InlineData("planningPregnancy or householdSize > earners", 0, @"^floor proofs: \d+ proved, 0 violated, 0 unsupported$")]
    [InlineData("planningPregnancy and householdSize > earners", 1, @"^floor proofs: \d+ proved, 2 violated, 0 unsupported$")]
    public void Two_int_facts_with_min_1_compared_with_each_other_are_decided_not_a_crash(string when, int exitCode, string summary)
    {
        var standards = Copy();
        AppendFacts(standards, IntFacts);
        Edit(standards, Shanghai, "when: planningPregnancy\n", $"when: {when}\n");

        var result = CliHarness.Run("validate", standards);

        result.ExitCode.Should().Be(exitCode, result.Out + result.Err);
        result.Err.Should().NotContain("internal error");
        result.OutLines.Should().Contain(l => System.Text.RegularExpressions.Regex.IsMatch(l, summary));
        if (exitCode == 1)
        {
            // The narrowing is found with both counts at their smallest consistent values.
            result.OutLines.Should().Contain(l => l.Contains("error SK0302", StringComparison.Ordinal)
                && l.Contains("\"earners\": 1, \"householdSize\": 1, \"planningPregnancy\": true, \"ruralHukou\": true", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Age_plus_ten_to_the_fifteen_loads_and_evaluates_in_every_command()
    {
        var standards = Copy();
        Edit(standards, Shanghai, "when: planningPregnancy\n", "when: planningPregnancy or age + 1000000000000000 > 0\n");

        CliHarness.Run("validate", standards).ExitCode.Should().Be(0);
        var eval = CliHarness.Run("eval", "--standards", standards, "--county", "310104", "--on", "2024-06-01",
            "--resident", Path.Combine(Repo.Root, "samples", "resident-pregnant-shanghai.json"), "--format", "json");
        eval.ExitCode.Should().Be(0, eval.Err);
        using var json = System.Text.Json.JsonDocument.Parse(eval.Out);
        json.RootElement.GetProperty("decisions").EnumerateArray()
            .Single(d => d.GetProperty("item").GetString() == "rural-prepregnancy-check")
            .GetProperty("eligible").ValueKind.Should().Be(System.Text.Json.JsonValueKind.True, "age is known from birthDate, so the rule is true");
    }

    [Fact]
    public void Arithmetic_that_may_overflow_is_a_load_time_error_at_the_operator_not_a_crash()
    {
        var standards = Copy();
        Edit(standards, Shanghai, "when: planningPregnancy\n", "when: planningPregnancy or age * 1000000000000000 * 1000000000000000 > 0\n");

        foreach (var command in new[] { "validate", "list" })
        {
            var result = command == "validate" ? CliHarness.Run("validate", standards) : CliHarness.Run("list", "--standards", standards, "--county", "310104", "--on", "2024-06-01");
            result.ExitCode.Should().Be(1, command + ": " + result.Out + result.Err);
            (result.Out + result.Err).Should().Contain(Path.Combine(standards, Shanghai) + ":").And.Contain("SK0108").And.NotContain("Exception");
        }
    }

    [Fact]
    public void Diff_finds_the_residents_who_lose_when_a_rule_requires_a_newly_declared_fact()
    {
        var old = Copy("old");
        var @new = Copy("new");
        AppendFacts(@new, "\n  - name: newFact\n    type: bool\n    description: {zh: 新条件, en: A new condition}\n    absent: unknown\n");
        var national = File.ReadAllText(Path.Combine(@new, "national", "2023.yaml"));
        var at = national.IndexOf("when: age >= 65", national.IndexOf("id: elderly-health-management", StringComparison.Ordinal), StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(@new, "national", "2023.yaml"), national[..at] + "when: age >= 65 and newFact" + national[(at + "when: age >= 65".Length)..]);

        var result = CliHarness.Run("diff", old, @new, "--lang", "en");

        result.ExitCode.Should().Be(0, result.Err);
        result.Out.Should().Contain("eligibilityNarrowed 1")
            .And.Contain("eligibility narrowed: age >= 65 → age >= 65 and newFact")
            .And.Contain("loses: {\"age\": 65, \"newFact\": false}");
    }

    [Fact]
    public void Diff_classifies_an_inherited_rule_replaced_by_a_narrower_own_rule_with_a_resident_who_loses()
    {
        var old = Copy("old");
        var @new = Copy("new");
        GiveMaternalCareItsOwnRule(@new, "pregnant and hukou == residence");

        var result = CliHarness.Run("diff", Path.Combine(old, "local"), Path.Combine(@new, "local"), "--format", "json");

        result.ExitCode.Should().Be(0, result.Err);
        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        var change = json.RootElement.GetProperty("changes").EnumerateArray().Single(i => i.GetProperty("item").GetString() == "sh-maternal-care");
        var eligibility = change.GetProperty("eligibility");
        eligibility.GetProperty("direction").GetString().Should().Be("narrowed");
        var loses = eligibility.GetProperty("lost").EnumerateArray().Single();
        loses.GetProperty("pregnant").GetBoolean().Should().BeTrue();
        loses.GetProperty("hukou").GetString().Should().NotBe(loses.GetProperty("residence").GetString());
    }

    [Fact]
    public void Diff_says_equivalent_when_an_own_rule_restates_the_inherited_one()
    {
        var old = Copy("old");
        var @new = Copy("new");
        GiveMaternalCareItsOwnRule(@new, "not (not (pregnant or postpartum))");

        var result = CliHarness.Run("diff", Path.Combine(old, "local"), Path.Combine(@new, "local"), "--format", "json");

        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        var change = json.RootElement.GetProperty("changes").EnumerateArray().Single(i => i.GetProperty("item").GetString() == "sh-maternal-care");
        change.GetProperty("eligibility").GetProperty("direction").GetString().Should().Be("equivalent");
    }
}

/// <summary>`validate --format json` proofs: every field of every entry, and examples that replay through `eval`.</summary>
public sealed class ValidateProofsJsonTests : IDisposable
{
    private static readonly string[] Fields = ["standard", "item", "implements", "parent", "from", "until", "status", "example", "county", "reason"];
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Every_embedded_obligation_is_proved_and_every_entry_has_the_ten_fields()
    {
        var result = CliHarness.Run("validate", "--format", "json");

        result.ExitCode.Should().Be(0, result.Err);
        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        var proofs = json.RootElement.GetProperty("proofs").EnumerateArray().ToList();
        proofs.Should().NotBeEmpty();
        foreach (var p in proofs)
        {
            p.EnumerateObject().Select(x => x.Name).Should().BeEquivalentTo(Fields);
            p.GetProperty("status").GetString().Should().Be("proved", p.ToString());
            p.GetProperty("example").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
            p.GetProperty("county").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
            p.GetProperty("reason").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        }

        json.RootElement.GetProperty("proofSummary").GetProperty("proved").GetInt32().Should().Be(proofs.Count);
    }

    [Fact]
    public void A_violation_example_replays_through_eval_in_its_county_on_its_first_day()
    {
        var standards = _temp.CopyFrom(Repo.Standards, "standards");
        Directory.Delete(Path.Combine(standards, "tests"), recursive: true);
        var file = Path.Combine(standards, "local/310000-shanghai/2021.yaml");
        var text = File.ReadAllText(file);
        const string anchor = "    funding: district\n    leadDepartments: [市卫生健康委]\n    level:\n      text: {zh: 9次产前检查";
        text.Split(anchor).Length.Should().Be(2);
        File.WriteAllText(file, text.Replace(anchor, anchor.Replace("    level:\n", "    eligibility:\n      when: pregnant and age >= 20\n"
            + "      provenance: {evidence: reconstructed, note: \"Test rule.\"}\n    level:\n", StringComparison.Ordinal), StringComparison.Ordinal));

        var result = CliHarness.Run("validate", standards, "--format", "json");

        result.ExitCode.Should().Be(1);
        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        var violated = json.RootElement.GetProperty("proofs").EnumerateArray().Where(p => p.GetProperty("status").GetString() == "violated").ToList();
        violated.Should().NotBeEmpty();
        foreach (var p in violated)
        {
            p.EnumerateObject().Select(x => x.Name).Should().BeEquivalentTo(Fields);
            var example = p.GetProperty("example").GetRawText();
            var county = p.GetProperty("county").GetString()!;
            var on = p.GetProperty("from").GetString()!;
            county.Should().StartWith("31");
            Eligible(standards, county, on, example).Should().NotBe(true, $"the local item must not serve {example} in {county}");
            Eligible(standards, "000000", on, example).Should().BeTrue($"the national item serves {example}");
        }
    }

    private static bool? Eligible(string standards, string county, string on, string resident)
    {
        var eval = CliHarness.RunWithInput(resident, "eval", "--standards", standards, "--county", county, "--on", on, "--resident", "-",
            "--item", "maternal-health", "--format", "json");
        eval.ExitCode.Should().Be(0, eval.Err);
        using var json = System.Text.Json.JsonDocument.Parse(eval.Out);
        var eligible = json.RootElement.GetProperty("decisions")[0].GetProperty("eligible");
        return eligible.ValueKind == System.Text.Json.JsonValueKind.Null ? null : eligible.GetBoolean();
    }
}
