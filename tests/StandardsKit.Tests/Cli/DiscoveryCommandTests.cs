using System.Text.Json;
using static StandardsKit.Tests.Cli.CliHarness;

namespace StandardsKit.Tests.Cli;

/// <summary>facts, standards and divisions find: what a policy author or integrator looks up before writing a resident or a rule.</summary>
public sealed class DiscoveryCommandTests
{
    [Fact]
    public void Facts_lists_every_fact_of_facts_yaml_with_type_values_and_description()
    {
        var zh = Run("facts");
        var en = Run("facts", "--lang", "en");

        zh.ExitCode.Should().Be(0, zh.Err);
        zh.OutLines.Should().Contain(l => l.StartsWith("birthDate ", StringComparison.Ordinal) && l.Contains("date  出生日期", StringComparison.Ordinal));
        zh.OutLines.Should().Contain(l => l.StartsWith("sex ", StringComparison.Ordinal) && l.Contains("enum: female | male", StringComparison.Ordinal));
        zh.OutLines.Should().Contain(l => l.StartsWith("age ", StringComparison.Ordinal) && l.Contains("(年, 0–)", StringComparison.Ordinal));
        en.OutLines.Should().Contain(l => l.StartsWith("birthDate ", StringComparison.Ordinal) && l.Contains("Date of birth", StringComparison.Ordinal));
        en.OutLines[^1].Should().Be($"{Catalog.Default.Facts.Facts.Length} facts");
    }

    [Fact]
    public void Facts_json_has_one_entry_per_declared_fact_with_nulls_for_what_a_fact_lacks()
    {
        var r = Run("facts", "--format", "json");

        r.ExitCode.Should().Be(0, r.Err);
        var facts = JsonDocument.Parse(r.Out).RootElement.GetProperty("facts").EnumerateArray().ToList();
        facts.Select(f => f.GetProperty("name").GetString()).Should().Equal(Catalog.Default.Facts.Facts.Select(f => f.Name));
        var sex = facts.Single(f => f.GetProperty("name").GetString() == "sex");
        sex.GetProperty("values").EnumerateArray().Select(v => v.GetString()).Should().Equal("female", "male");
        sex.GetProperty("unit").ValueKind.Should().Be(JsonValueKind.Null);
        facts.Single(f => f.GetProperty("name").GetString() == "residence").GetProperty("default").GetString().Should().Be("county");
    }

    [Fact]
    public void Standards_lists_every_edition_with_dates_parents_and_evidence()
    {
        var r = Run("standards", "--lang", "en");

        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Should().Contain("cn-national@2021  [000000]").And.Contain("in force: 2021-03-30 – superseded 2023-08-09")
            .And.Contain("cn-31@2021  [310000]").And.Contain("extends cn-national@2021").And.Contain("evidence (items): ");
        r.OutLines[^1].Should().Be($"{Catalog.Default.Documents.Length} editions");
    }

    [Fact]
    public void Standards_json_counts_items_sources_and_evidence_per_edition()
    {
        var r = Run("standards", "--format", "json");

        var editions = JsonDocument.Parse(r.Out).RootElement.GetProperty("standards").EnumerateArray().ToList();
        editions.Should().HaveCount(Catalog.Default.Documents.Length);
        var national = editions.Single(e => e.GetProperty("key").GetString() == "cn-national@2023");
        national.GetProperty("items").GetInt32().Should().Be(Catalog.Default.Documents.Single(d => d.Key == "cn-national@2023").Items.Length);
        national.GetProperty("extends").ValueKind.Should().Be(JsonValueKind.Null);
        national.GetProperty("supersedes").GetString().Should().Be("cn-national@2021");
        national.GetProperty("evidence").GetProperty("items").EnumerateObject().Sum(p => p.Value.GetInt32()).Should().Be(national.GetProperty("items").GetInt32());
    }

    [Fact]
    public void Divisions_find_gives_the_code_and_the_path_of_a_name()
    {
        var r = Run("divisions", "find", "徐汇");

        r.ExitCode.Should().Be(0, r.Err);
        r.OutLines[0].Should().Be("310104  徐汇区  (县级)  上海市 › 徐汇区");
        r.OutLines.Should().HaveCount(2);
    }

    [Fact]
    public void Divisions_find_by_qualified_name_or_code_prefix_and_in_json()
    {
        Run("divisions", "find", "北京市朝阳").OutLines[0].Should().StartWith("110105  朝阳区");
        Run("divisions", "find", "朝阳", "--lang", "en").Out.Should().Contain("220104  朝阳区  (county)  吉林省 › 长春市 › 朝阳区").And.NotContain("双塔区");

        var json = JsonDocument.Parse(Run("divisions", "find", "310104", "--format", "json").Out).RootElement;
        var only = json.GetProperty("divisions").EnumerateArray().Single();
        only.GetProperty("level").GetString().Should().Be("county");
        only.GetProperty("path").EnumerateArray().Select(p => p.GetProperty("code").GetString()).Should().Equal("310000", "310104");
    }

    [Fact]
    public void Divisions_find_with_no_match_exits_1_and_says_so()
    {
        var r = Run("divisions", "find", "火星");

        r.ExitCode.Should().Be(1);
        r.Err.Should().Contain("no division's name or code matches '火星'");
    }

    [Theory]
    [InlineData("徐汇区")]
    [InlineData("徐汇")]
    [InlineData("上海市徐汇区")]
    [InlineData("310104")]
    public void County_accepts_a_code_or_a_unique_name_in_every_command(string county)
    {
        const string Resident = """{"birthDate": "1995-03-01", "pregnant": true}""";
        foreach (var args in new[]
                 {
                     new[] { "list", "--county", county, "--on", "2024-06-01", "--format", "json" },
                     ["show", "maternal-health", "--county", county, "--on", "2024-06-01", "--format", "json"],
                     ["report", "--county", county, "--on", "2024-06-01", "--format", "json"],
                     ["eval", "--county", county, "--on", "2024-06-01", "--resident", "-", "--item", "maternal-health"],
                 })
        {
            var r = RunWithInput(Resident, args);

            r.ExitCode.Should().Be(0, $"{string.Join(' ', args)}: {r.Err}");
            JsonDocument.Parse(r.Out).RootElement.GetProperty("county").GetString().Should().Be("310104", string.Join(' ', args));
        }
    }

    [Fact]
    public void An_ambiguous_name_is_refused_with_every_candidate_and_its_code()
    {
        var r = Run("list", "--county", "朝阳区");

        r.ExitCode.Should().Be(2);
        r.Err.Should().Contain("--county '朝阳区' names 2 divisions: 110105 北京市朝阳区, 220104 吉林省长春市朝阳区; give the code or a longer name");
    }

    [Fact]
    public void An_unknown_name_is_refused_with_a_suggestion()
    {
        var r = Run("report", "--county", "徐汇新区");

        r.ExitCode.Should().Be(2);
        r.Err.Should().Contain("--county '徐汇新区' is not a 6-digit county code or the name of a division; did you mean 310104 上海市徐汇区?");
    }

    [Fact]
    public void Province_takes_a_name_through_the_same_resolver()
    {
        var byName = Run("equalization", "--on", "2024-06-01", "--province", "四川省", "--format", "json", "--top", "0");
        var byCode = Run("equalization", "--on", "2024-06-01", "--province", "510000", "--format", "json", "--top", "0");

        byName.ExitCode.Should().Be(0, byName.Err);
        byName.Out.Should().Be(byCode.Out);
        Run("equalization", "--province", "四川").Out.Should().NotBeEmpty();
    }
}
