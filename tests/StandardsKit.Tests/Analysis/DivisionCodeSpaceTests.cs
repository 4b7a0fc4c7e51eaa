using FluentAssertions;
using StandardsKit.Analysis.Symbolic;
using StandardsKit.Tests.Cli;
using StandardsKit.Tests.TestSupport;
using Xunit;

namespace StandardsKit.Tests.Analysis;

/// <summary>
/// Division facts range over every 6-digit code the engine accepts, not only the county-level units of the
/// division list. The floor proof and the diff once searched those units alone, so a rule that treats some other
/// code differently (a code the list lacks, a prefecture's or province's code, a code under no province) was
/// "proved" or "unchanged" although `eval` refuses that resident. Each case below was reproduced with the CLI.
/// </summary>
public sealed class DivisionCodeSpaceTests : IDisposable
{
    /// <summary>The sixteen county-level units of Shanghai in the division list.</summary>
    private const string ShanghaiCounties = "\"310101\",\"310104\",\"310105\",\"310106\",\"310107\",\"310109\",\"310110\",\"310112\",\"310113\","
        + "\"310114\",\"310115\",\"310116\",\"310117\",\"310118\",\"310120\",\"310151\"";

    private static readonly string EveryProvince = string.Join(" or ",
        new[] { 11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65 }
            .Select(p => $"within(hukou, \"{p}0000\")"));

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, string> Narrowings => new()
    {
        // A code the list lacks, named in the rule.
        { "not present(hukou) or hukou != \"319999\"", "{\"pregnant\": true, \"hukou\": \"319999\"}" },
        // Inside Shanghai but none of its county-level units (an abolished county's code, a prefecture's).
        { $"not present(hukou) or not within(hukou, \"310000\") or hukou in [{ShanghaiCounties}]", "{\"pregnant\": true, \"hukou\": \"310230\"}" },
        // Under every province test, a code of no province.
        { $"not present(hukou) or {EveryProvince}", "{\"pregnant\": true, \"hukou\": \"990101\"}" },
        // An attribute every listed county has, which a code of no province lacks (undetermined).
        { "not present(hukou) or attribute(hukou, \"region\") in [\"east\", \"central\", \"west\"]", "{\"pregnant\": true, \"hukou\": \"990101\"}" },
        // Hukou and residence compared: the same code, outside the list.
        { $"not present(hukou) or not present(residence) or hukou != residence or not within(hukou, \"310000\") or hukou in [{ShanghaiCounties}]",
            "{\"pregnant\": true, \"hukou\": \"310230\", \"residence\": \"310230\"}" },
        // Two different codes of one class, neither in the list.
        { $"not present(hukou) or not present(residence) or hukou == residence or not within(hukou, \"310000\") or not within(residence, \"310000\") or hukou in [{ShanghaiCounties}] or residence in [{ShanghaiCounties}]",
            "{\"pregnant\": true, \"hukou\": \"310228\", \"residence\": \"310230\"}" },
        // Residence stated as a code the list lacks (the county evaluated is always a listed one).
        { $"not present(residence) or not within(residence, \"310000\") or residence in [{ShanghaiCounties}]", "{\"pregnant\": true, \"residence\": \"310230\"}" },
    };

    private string Overlay(string name, string rule)
    {
        var folder = Path.Combine(_temp.Path, name);
        _temp.CopyFrom(Path.Combine(Repo.Standards, "national"), Path.Combine(name, "national"));
        _temp.Write(Path.Combine(name, "o.yaml"), Yaml.MaternalHealthOverlay("cn-o", "310000", "cn-national@2023", "o-mh", rule));
        return folder;
    }

    [Theory]
    [MemberData(nameof(Narrowings))]
    public void Validate_finds_a_narrowing_that_only_a_code_outside_the_division_list_shows(string narrowing, string resident)
    {
        var rule = $"(pregnant or postpartum) and ({narrowing})";
        var folder = Overlay("o", rule);

        // The evaluator refuses this resident under the overlay and serves them nationally: a real narrowing.
        var eval = CliHarness.RunWithInput(resident, "eval", "--standards", folder, "--county", "310101", "--on", "2024-06-01",
            "--resident", "-", "--item", "maternal-health", "--format", "json");
        eval.ExitCode.Should().Be(0, eval.Err);
        eval.Out.Should().NotContain("\"eligible\": true", "the overlay refuses {0}", resident);

        var result = CliHarness.Run("validate", folder);

        result.ExitCode.Should().Be(1, result.Out);
        result.OutLines.Should().Contain(l => l.Contains("error SK0302", StringComparison.Ordinal) && l.Contains("'o-mh' narrows", StringComparison.Ordinal), result.Out);
        result.OutLines.Should().Contain("floor proofs: 0 proved, 1 violated, 0 unsupported");
    }

    [Theory]
    [MemberData(nameof(Narrowings))]
    public void Diff_reports_the_narrowing_with_a_resident_who_loses(string narrowing, string resident)
    {
        _ = resident;
        var old = Overlay("old", "pregnant or postpartum");
        var @new = Overlay("new", $"(pregnant or postpartum) and ({narrowing})");

        var result = CliHarness.Run("diff", "--lang", "en", Path.Combine(old, "o.yaml"), Path.Combine(@new, "o.yaml"));

        result.Out.Should().Contain("eligibility narrowed").And.Contain("loses: {", result.Out);
    }

    [Fact]
    public void A_rule_that_every_code_satisfies_is_still_proved()
    {
        // ethnicAutonomous defaults to false, so a code the list lacks has it known: the rule is true for every code.
        var folder = Overlay("o", "(pregnant or postpartum) and (not present(hukou) or hasAttribute(hukou, \"ethnicAutonomous\") or not hasAttribute(hukou, \"ethnicAutonomous\"))");

        var result = CliHarness.Run("validate", folder);

        result.OutLines.Should().Contain("floor proofs: 1 proved, 0 violated, 0 unsupported", result.Out);
    }

    [Fact]
    public void Examples_still_use_listed_counties_where_one_will_do()
    {
        var folder = Overlay("o", "(pregnant or postpartum) and (not present(hukou) or within(hukou, \"320000\"))");

        var result = CliHarness.Run("validate", folder);

        result.OutLines.Should().Contain(l => l.Contains("\"hukou\": \"310101\"", StringComparison.Ordinal), "Shanghai's first county is the first code tried");
    }

    [Fact]
    public void Codes_of_one_class_answer_every_attribute_and_prefix_alike()
    {
        // Brute force over every code of six provinces' ranges (Shanghai, Hainan with its province-administered
        // counties, Sichuan, Xinjiang), two ranges under no province, and every listed code: each code's attribute
        // values (every declared attribute of the embedded catalog) and prefix tests must be those of the other
        // codes of its class, and each class must have its representatives.
        var attributes = Catalog.Default.Attributes;
        string[] prefixes = ["31", "3101", "310230", "51", "990101"];
        var space = DivisionCodeSpace.Of(prefixes, attributes);
        var names = attributes.Declarations.Select(a => a.Name).ToArray();
        string Signature(string code) => string.Join('|', names.Select(n => attributes.ValueOf(code, n).Value?.ToString() ?? "?")
            .Concat(prefixes.Select(p => code.StartsWith(p, StringComparison.Ordinal) ? "1" : "0")));
        var ranges = new[] { 0, 31, 46, 51, 65, 99 }.SelectMany(p => Enumerable.Range(p * 10_000, 10_000));
        var codes = ranges.Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture))
            .Concat(Catalog.Default.Divisions.All.Select(d => d.Code)).Distinct(StringComparer.Ordinal).ToList();

        var classes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            var node = space.ClassOf(code);
            var signature = Signature(code);
            if (classes.TryGetValue(node, out var known))
            {
                signature.Should().Be(known, "{0} is in the class of {1}", code, node);
            }
            else
            {
                classes[node] = signature;
            }
        }

        classes.Count.Should().BeGreaterThan(3000, "every listed code is a class of its own once attributes are read");
        var representatives = space.Representatives(2);
        representatives.Should().OnlyHaveUniqueItems();
        foreach (var node in classes.Keys)
        {
            var inClass = representatives.Where(r => space.ClassOf(r) == node).ToList();
            inClass.Should().NotBeEmpty("class {0} has codes", node);
            inClass.Select(Signature).Should().AllBe(classes[node]);
        }

        // A class of many codes gets two; a listed code is a class of one.
        representatives.Where(r => space.ClassOf(r) == "3101").Should().HaveCount(2);
        representatives.Where(r => space.ClassOf(r) == "310104").Should().Equal("310104");
        representatives.Should().Contain(["310230", "990101"]);
    }
}
