using System.Text.Json.Nodes;
using NJsonSchema;
using StandardsKit.Tests.TestSupport;
using static StandardsKit.Tests.Cli.CliHarness;

namespace StandardsKit.Tests.Json;

/// <summary>
/// schemas/list-, show-, report-, facts-, standards- and divisions-output.schema.json describe what the CLI prints
/// with --format json: real outputs validate, and outputs broken on purpose (a number as prose, "none" as a string,
/// a unit glued to its number) do not.
/// </summary>
public sealed class CatalogOutputSchemaTests
{
    private static readonly Dictionary<string, Lazy<JsonSchema>> Schemas = new[] { "list", "show", "report", "facts", "standards", "divisions" }
        .ToDictionary(n => n, n => new Lazy<JsonSchema>(() => JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(Repo.Root, "schemas", $"{n}-output.schema.json"))).GetAwaiter().GetResult()));

    public static TheoryData<string, string[]> Outputs => new()
    {
        { "list", ["list", "--county", "310104", "--on", "2024-06-01"] },
        { "list", ["list", "--on", "2022-06-01"] },
        { "list", ["list", "--county", "510104", "--on", "2024-06-01"] },
        { "show", ["show", "maternal-health", "--county", "310104", "--on", "2024-06-01"] },
        { "show", ["show", "family-planning-special-assistance", "--county", "510104", "--on", "2024-06-01"] },
        { "show", ["show", "elderly-health-management", "--on", "2024-06-01"] },
        { "show", ["show", "rural-student-nutrition-subsidy", "--on", "2022-01-01"] },
        { "report", ["report", "--county", "310104", "--on", "2024-06-01"] },
        { "report", ["report", "--county", "510104", "--on", "2024-06-01"] },
        { "facts", ["facts"] },
        { "standards", ["standards"] },
        { "divisions", ["divisions", "find", "朝阳"] },
    };

    [Theory]
    [MemberData(nameof(Outputs))]
    public void Json_output_validates_against_its_schema(string schema, string[] args)
    {
        var r = Run([.. args, "--format", "json"]);

        r.ExitCode.Should().Be(0, r.Err);
        Schemas[schema].Value.Validate(r.Out).Should().BeEmpty(string.Join(' ', args));
    }

    [Fact]
    public void Quantities_are_numbers_with_units_apart_and_dated_steps()
    {
        var show = JsonNode.Parse(Run("show", "family-planning-special-assistance", "--county", "510104", "--on", "2024-06-01", "--format", "json").Out)!;
        var q = show["quantities"]!.AsArray().First()!;

        q["unit"]!.GetValue<string>().Should().Be("CNY/month");
        q["tiers"]![0]!["value"]!.GetValue<decimal>().Should().BePositive();
        show["layers"]!.AsArray().Should().HaveCountGreaterThan(1);
        var meals = JsonNode.Parse(Run("show", "rural-student-nutrition-subsidy", "--on", "2022-01-01", "--format", "json").Out)!["quantities"]![0]!["tiers"]![0]!;
        meals["value"]!.GetValue<decimal>().Should().Be(5);
        meals["steps"]!.AsArray().Select(s => s!["value"]!.GetValue<decimal>()).Should().Equal(4m, 5m);
        meals["steps"]![1]!["from"]!.GetValue<string>().Should().StartWith("2021-");
    }

    [Fact]
    public void List_show_and_report_describe_a_quantity_the_same_way()
    {
        // One writer (Output/QuantityJson.cs) makes every quantity; the definition is repeated per schema so each file stands alone.
        var definitions = new[] { "list", "show", "report" }
            .Select(n => JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Root, "schemas", $"{n}-output.schema.json")))!["definitions"]!["quantity"]!.ToJsonString())
            .ToList();

        definitions.Distinct().Should().ContainSingle();
    }

    [Fact]
    public void A_local_only_item_has_null_national_level_in_the_report()
    {
        var report = JsonNode.Parse(Run("report", "--county", "310104", "--on", "2024-06-01", "--format", "json").Out)!;
        var local = report["items"]!.AsArray().First(i => i!["status"]!.GetValue<string>() == "local-only")!;

        local["national"].Should().BeNull();
        local["local"]!.AsArray().Should().NotBeNull();
        report["items"]!.AsArray().First(i => i!["item"]!.GetValue<string>() == "maternal-health")!["local"]![0]!["tiers"]![0]!["value"]!.GetValue<int>().Should().Be(9);
    }

    public static TheoryData<string, string[], Func<JsonNode, JsonNode>, Action<JsonNode>> Breakages => new()
    {
        { "report", ["report", "--county", "310104", "--on", "2024-06-01"], d => d["items"]![1]!["local"]![0]!["tiers"]![0]!, t => t["value"] = "9 times" },
        { "report", ["report", "--county", "310104", "--on", "2024-06-01"], d => d["items"]![1]!, i => i["national"] = "none" },
        { "report", ["report", "--county", "310104", "--on", "2024-06-01"], d => d["items"]![1]!["local"]![0]!, q => q.AsObject().Remove("unit") },
        { "list", ["list", "--county", "310104", "--on", "2024-06-01"], d => d["items"]![0]!, i => i["number"] = "1" },
        { "show", ["show", "maternal-health", "--county", "310104", "--on", "2024-06-01"], d => d["layers"]![0]!, l => l["provenance"]!["evidence"] = "rumour" },
        { "facts", ["facts"], d => d["facts"]![0]!, f => f["type"] = "datetime" },
        { "standards", ["standards"], d => d["standards"]![0]!, s => s["items"] = "80" },
        { "divisions", ["divisions", "find", "徐汇"], d => d["divisions"]![0]!, x => x["code"] = "3101" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void A_broken_output_does_not_validate(string schema, string[] args, Func<JsonNode, JsonNode> at, Action<JsonNode> breakIt)
    {
        var doc = JsonNode.Parse(Run([.. args, "--format", "json"]).Out)!;
        Schemas[schema].Value.Validate(doc.ToJsonString()).Should().BeEmpty("the unbroken output validates");

        breakIt(at(doc));

        Schemas[schema].Value.Validate(doc.ToJsonString()).Should().NotBeEmpty();
    }
}
