using System.Text.Json.Nodes;
using NJsonSchema;
using StandardsKit.Tests.Cli;
using StandardsKit.Tests.TestSupport;
using static StandardsKit.Tests.Cli.CliHarness;

namespace StandardsKit.Tests.Json;

/// <summary>
/// schemas/eval-output.schema.json and schemas/diff-output.schema.json describe what the CLI really prints: every
/// output below validates, and outputs broken on purpose do not (so the checks can fail).
/// </summary>
public sealed class OutputSchemaTests
{
    private static string Pregnant => Path.Combine(Repo.Samples, "resident-pregnant-shanghai.json");

    private static string DiffFixture(string name) => Path.Combine(Repo.Root, "tests", "StandardsKit.Tests", "Fixtures", "diff", name);

    private const string UndeterminedAndAtLeast = """{"onlyChildDisabled": true, "schoolStage": "primary"}""";

    private static readonly Lazy<JsonSchema> EvalSchema = new(() => Load("eval-output.schema.json"));
    private static readonly Lazy<JsonSchema> DiffSchema = new(() => Load("diff-output.schema.json"));

    private static JsonSchema Load(string name) =>
        JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(Repo.Root, "schemas", name))).GetAwaiter().GetResult();

    private static string Ok(CliResult r)
    {
        r.ExitCode.Should().BeOneOf([0, 1], r.Err);
        return r.Out;
    }

    public static TheoryData<string, string[], string> EvalOutputs => new()
    {
        { "pregnant Xuhui resident", ["eval", "--county", "310104", "--on", "2024-06-01", "--resident", "RESIDENT"], "" },
        { "decision record", ["eval", "--county", "310104", "--on", "2024-06-01", "--resident", "RESIDENT", "--record", "--item", "maternal-health"], "" },
        { "undetermined amount, at-least amounts", ["eval", "--county", "310104", "--on", "2024-06-01", "--resident", "-"], UndeterminedAndAtLeast },
        { "nobody known, national only", ["eval", "--county", "000000", "--on", "2022-01-01", "--resident", "-"], "{}" },
        { "elderly resident in Chengdu", ["eval", "--county", "510104", "--on", "2024-06-01", "--resident", "-"], """{"birthDate": "1940-01-01", "hukou": "510104"}""" },
    };

    [Theory]
    [MemberData(nameof(EvalOutputs))]
    public void Eval_output_validates_against_the_eval_output_schema(string what, string[] args, string stdin)
    {
        var json = Ok(RunWithInput(stdin, [.. args.Select(a => a == "RESIDENT" ? Pregnant : a)]));

        EvalSchema.Value.Validate(json).Should().BeEmpty(what);
    }

    [Fact]
    public void Undetermined_quantities_in_the_sample_really_exercise_the_optional_members()
    {
        // The schema's optional members must be seen in real output, or the test above proves less than it says.
        var json = Ok(RunWithInput(UndeterminedAndAtLeast, "eval", "--county", "310104", "--on", "2024-06-01", "--resident", "-"));

        json.Should().Contain("\"possibleValues\"").And.Contain("\"localName\"").And.Contain("\"atLeast\": true");
    }

    public static TheoryData<string, Action<JsonObject>> EvalBreakages => new()
    {
        { "revision missing", doc => doc.Remove("revision") },
        { "revision hash not sha256", doc => doc["revision"]!["standards"] = "abc" },
        { "unknown evidence", doc => doc["decisions"]![0]!["citations"]![0]!["evidence"] = "rumour" },
        { "eligible as text", doc => doc["decisions"]![0]!["eligible"] = "yes" },
        { "unknown member", doc => doc["decisions"]![0]!["score"] = 1 },
        { "county not 6 digits", doc => doc["county"] = "3101" },
        { "atLeast written false", doc => doc["decisions"]![1]!["level"]!["quantities"]![0]!["atLeast"] = false },
        { "possibleValues without missingFacts", doc => doc["decisions"]![1]!["level"]!["quantities"]![0]!["possibleValues"] = new JsonArray(1, 2) },
        { "quantity without unit", doc => doc["decisions"]![1]!["level"]!["quantities"]![0]!.AsObject().Remove("unit") },
    };

    [Theory]
    [MemberData(nameof(EvalBreakages))]
    public void A_broken_eval_output_does_not_validate(string what, Action<JsonObject> breakIt)
    {
        var doc = JsonNode.Parse(Ok(Run("eval", "--county", "310104", "--on", "2024-06-01", "--resident", Pregnant)))!.AsObject();
        doc["decisions"]![1]!["item"]!.GetValue<string>().Should().Be("maternal-health", "the breakages index into it");

        breakIt(doc);

        EvalSchema.Value.Validate(doc.ToJsonString()).Should().NotBeEmpty(what);
    }

    [Fact]
    public void Diff_json_of_the_national_editions_validates_against_the_diff_output_schema() =>
        DiffSchema.Value.Validate(Ok(Run("diff", "cn-national@2021", "cn-national@2023", "--format", "json"))).Should().BeEmpty();

    [Fact]
    public void Diff_json_with_steps_and_example_residents_validates_against_the_diff_output_schema()
    {
        var json = Ok(Run("diff", DiffFixture("old.yaml"), DiffFixture("new.yaml"), "--format", "json"));

        json.Should().Contain("\"oldSteps\"").And.Contain("\"gained\"");
        DiffSchema.Value.Validate(json).Should().BeEmpty();
    }

    [Fact]
    public void A_broken_diff_output_does_not_validate()
    {
        var doc = JsonNode.Parse(Ok(Run("diff", "cn-national@2021", "cn-national@2023", "--format", "json")))!.AsObject();
        doc["changes"]![0]!["kinds"]!.AsArray().Add("rewritten");

        DiffSchema.Value.Validate(doc.ToJsonString()).Should().NotBeEmpty();
    }
}
