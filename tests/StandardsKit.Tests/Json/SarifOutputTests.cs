using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NJsonSchema;
using StandardsKit.Tests.TestSupport;
using static StandardsKit.Tests.Cli.CliHarness;

namespace StandardsKit.Tests.Json;

/// <summary><c>validate --format sarif</c> is a SARIF 2.1.0 log whose rules are the documented diagnostic codes.</summary>
public sealed partial class SarifOutputTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromJsonAsync(
        File.ReadAllText(Path.Combine(Repo.Root, "tests", "StandardsKit.Tests", "Json", "Sarif", "sarif-2.1.0-rtm.5.json"))).GetAwaiter().GetResult());

    [Fact]
    public void Sarif_for_the_embedded_standards_validates_against_the_SARIF_2_1_0_schema()
    {
        var r = Run("validate", "--format", "sarif");

        r.ExitCode.Should().Be(0, r.Err);
        Schema.Value.Validate(r.Out).Should().BeEmpty();
        var log = JsonNode.Parse(r.Out)!;
        log["version"]!.GetValue<string>().Should().Be("2.1.0");
        log["runs"]!.AsArray().Should().HaveCount(1);
    }

    [Fact]
    public void Sarif_lists_every_documented_code_as_a_rule_with_its_help_anchor()
    {
        var documented = DocumentedCodes();
        documented.Should().Contain(["SK0001", "SK0102", "SK0217", "SK0301"]);

        var r = Run("validate", "--format", "sarif");
        var rules = JsonNode.Parse(r.Out)!["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray();

        rules.Select(x => x!["id"]!.GetValue<string>()).Should().BeEquivalentTo(documented);
        foreach (var rule in rules)
        {
            var id = rule!["id"]!.GetValue<string>();
            rule["shortDescription"]!["text"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
            rule["helpUri"]!.GetValue<string>().Should().EndWith("docs/diagnostics.md#" + id.ToLowerInvariant());
        }
    }

    [Fact]
    public void Errors_become_results_at_their_file_line_and_column_pointing_at_their_rule()
    {
        using var folder = new TempFolder();
        var root = folder.CopyFrom(Repo.Standards, "standards");
        var file = Path.Combine(root, "national", "2023.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("when: pregnant or postpartum", "when: isPregnant or postpartum", StringComparison.Ordinal));

        var r = Run("validate", "--format", "sarif", root);

        r.ExitCode.Should().Be(1);
        Schema.Value.Validate(r.Out).Should().BeEmpty();
        var run = JsonNode.Parse(r.Out)!["runs"]![0]!;
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        var error = run["results"]!.AsArray().Single(x => x!["level"]!.GetValue<string>() == "error")!;
        error["ruleId"]!.GetValue<string>().Should().Be("SK0102");
        rules[error["ruleIndex"]!.GetValue<int>()]!["id"]!.GetValue<string>().Should().Be("SK0102");
        error["message"]!["text"]!.GetValue<string>().Should().Contain("isPregnant");
        var location = error["locations"]![0]!["physicalLocation"]!;
        location["artifactLocation"]!["uri"]!.GetValue<string>().Should().EndWith("standards/national/2023.yaml");
        location["region"]!["startLine"]!.GetValue<int>().Should().BePositive();
    }

    [Fact]
    public void Information_findings_are_notices_in_github_format()
    {
        var r = Run("validate", "--format", "github");

        r.ExitCode.Should().Be(0, r.Err);
        r.OutLines.Should().Contain(l => l.StartsWith("::notice file=", StringComparison.Ordinal) && l.Contains("title=SK0303::", StringComparison.Ordinal));
    }

    private static List<string> DocumentedCodes() =>
        [.. File.ReadAllLines(Path.Combine(Repo.Root, "docs", "diagnostics.md"))
            .Select(l => Row().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("""^\| <a id="sk\d{4}"></a>(SK\d{4}) \|""")]
    private static partial Regex Row();
}
