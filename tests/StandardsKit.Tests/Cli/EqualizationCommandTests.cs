using System.Text.Json;
using StandardsKit.Tests.TestSupport;

namespace StandardsKit.Tests.Cli;

/// <summary>The national run is computed once and shared by the tests that read it (it covers ~2,850 counties).</summary>
public sealed class NationalEqualizationFixture : IDisposable
{
    public NationalEqualizationFixture()
    {
        var result = CliHarness.Run("equalization", "--on", "2024-06-01", "--format", "json");
        result.ExitCode.Should().Be(0, result.Err);
        Document = JsonDocument.Parse(result.Out);
    }

    public JsonDocument Document { get; }

    public JsonElement County(string code) => Document.RootElement.GetProperty("counties").EnumerateArray().Single(c => c.GetProperty("county").GetString() == code);

    public static JsonElement Item(JsonElement county, string item) => county.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("item").GetString() == item);

    public void Dispose() => Document.Dispose();
}

public sealed class EqualizationCommandTests(NationalEqualizationFixture national) : IClassFixture<NationalEqualizationFixture>
{
    private static readonly DateOnly On = new(2024, 6, 1);

    [Fact]
    public void Json_covers_every_county_level_unit_once_with_every_item_in_force_there()
    {
        var catalog = Catalog.Default;
        var parents = catalog.Divisions.All.Select(d => d.Parent).OfType<string>().ToHashSet();
        var expected = catalog.Divisions.All.Where(d => !parents.Contains(d.Code)).Select(d => d.Code).ToList();
        var counties = national.Document.RootElement.GetProperty("counties").EnumerateArray().ToList();

        counties.Select(c => c.GetProperty("county").GetString()).Should().Equal(expected, "each county-level unit appears once, in code order");
        counties.Should().HaveCountGreaterThan(2800);
        foreach (var county in counties)
        {
            var code = county.GetProperty("county").GetString()!;
            county.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("item").GetString())
                .Should().Equal(catalog.ItemsInForce(code, On).Select(i => i.Id), $"{code} lists every item in force there");
        }
    }

    [Fact]
    public void Chengdus_districts_show_special_childrens_support_above_the_floor()
    {
        var chengdu = national.Document.RootElement.GetProperty("counties").EnumerateArray()
            .Where(c => c.GetProperty("county").GetString()!.StartsWith("5101", StringComparison.Ordinal)).ToList();
        chengdu.Should().HaveCount(20);
        foreach (var county in chengdu)
        {
            var item = NationalEqualizationFixture.Item(county, "special-children-basic-living");
            item.GetProperty("status").GetString().Should().Be("above-floor");
            item.GetProperty("jurisdiction").GetString().Should().Be("510100");
            item.GetProperty("quantities")[0].GetProperty("value").GetDecimal().Should().Be(1980);
        }

        NationalEqualizationFixture.Item(national.County("510104"), "special-children-basic-living").GetProperty("lagsNational").GetBoolean()
            .Should().BeTrue("Chengdu's 2021 standard extends cn-national@2021, superseded by 2023");
    }

    [Fact]
    public void Xuhui_gives_9_antenatal_checks_against_the_national_5()
    {
        var maternal = NationalEqualizationFixture.Item(national.County("310104"), "maternal-health");
        maternal.GetProperty("status").GetString().Should().Be("above-floor");
        var checks = maternal.GetProperty("quantities").EnumerateArray().Single(q => q.GetProperty("name").GetString() == "antenatalChecks");
        checks.GetProperty("value").GetDecimal().Should().Be(9);
        checks.GetProperty("floor").GetDecimal().Should().Be(5);
        checks.GetProperty("ratio").GetDecimal().Should().Be(1.8m);

        var guizhou = NationalEqualizationFixture.Item(national.County("520102"), "maternal-health");
        guizhou.GetProperty("status").GetString().Should().Be("at-floor");
        guizhou.GetProperty("jurisdiction").GetString().Should().Be("000000");
    }

    [Fact]
    public void Items_summaries_carry_the_distribution_and_the_funding_category()
    {
        var special = national.Document.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("item").GetString() == "family-planning-special-assistance");
        var allowance = special.GetProperty("quantities")[0];
        allowance.GetProperty("floor").GetDecimal().Should().Be(590);
        allowance.GetProperty("min").GetDecimal().Should().Be(590);
        allowance.GetProperty("median").GetDecimal().Should().Be(590);
        allowance.GetProperty("max").GetDecimal().Should().Be(1000);
        allowance.GetProperty("aboveFloor").GetInt32().Should().Be(183 + 38, "all of Sichuan and Chongqing");
        special.GetProperty("funding").GetProperty("category").GetString().Should().Be("five-band");
        special.GetProperty("funding").GetProperty("planItem").GetProperty("number").GetInt32().Should().Be(14);
    }

    [Fact]
    public void Items_that_require_local_hukou_are_reported_as_not_covering_other_provinces_residents()
    {
        var xuhui = national.County("310104");
        NationalEqualizationFixture.Item(xuhui, "sh-elderly-allowance").GetProperty("nonHukou").GetString().Should().Be("not-covered",
            "Shanghai's old-age allowance requires Shanghai hukou");
        NationalEqualizationFixture.Item(xuhui, "maternal-health").GetProperty("nonHukou").GetString().Should().Be("covered");
        NationalEqualizationFixture.Item(national.County("110105"), "bj-cervical-breast-cancer-screening").GetProperty("nonHukou").GetString().Should().Be("not-covered");
    }

    [Fact]
    public void Provinces_roll_up_and_gaps_rank_the_largest_distances_from_the_floor()
    {
        var root = national.Document.RootElement;
        var sichuan = root.GetProperty("provinces").EnumerateArray().Single(p => p.GetProperty("province").GetString() == "510000");
        sichuan.GetProperty("fiscalBand").GetInt32().Should().Be(1);
        sichuan.GetProperty("aboveFloor").GetInt32().Should().Be(sichuan.GetProperty("counties").GetInt32());
        root.GetProperty("provinces").GetArrayLength().Should().Be(31);

        var gaps = root.GetProperty("gaps").EnumerateArray().ToList();
        gaps[0].GetProperty("item").GetString().Should().Be("compulsory-education-fee-waiver");
        gaps[0].GetProperty("jurisdiction").GetString().Should().Be("310000");
        gaps.Should().Contain(g => g.GetProperty("item").GetString() == "family-planning-special-assistance"
                                   && g.GetProperty("jurisdiction").GetString() == "510000" && g.GetProperty("counties").GetInt32() == 183);
        var ratios = gaps.Select(g => g.GetProperty("ratio")).Where(r => r.ValueKind == JsonValueKind.Number).Select(r => r.GetDecimal()).ToList();
        ratios.Select(r => Math.Max(r, 1 / r)).Should().BeInDescendingOrder("×2 and ÷2 are equally far from the floor");
    }

    [Fact]
    public void A_province_and_an_item_narrow_the_run_and_text_then_lists_every_county()
    {
        var result = CliHarness.Run("equalization", "--on", "2024-06-01", "--province", "510100", "--item", "special-children-basic-living", "--lang", "en");
        result.ExitCode.Should().Be(0, result.Err);
        result.OutLines[0].Should().Be("Equalisation on 2024-06-01 against cn-national@2023: 20 county-level units in 510100, 1 item");
        result.Out.Should().Contain("  510104 锦江区 special-children-basic-living [510100] above-floor lags, non-hukou covered: allowance 1980 / — CNY/month");
    }

    [Fact]
    public void Markdown_for_one_item_in_Chengdu_matches_the_golden_file()
    {
        var result = CliHarness.Run("equalization", "--on", "2024-06-01", "--province", "510100", "--item", "special-children-basic-living", "--format", "markdown", "--lang", "en");
        result.ExitCode.Should().Be(0, result.Err);
        Golden.Match(result.Out, "equalization-chengdu-special-children.md");
    }

    [Fact]
    public void Markdown_in_Chinese_by_default_matches_its_golden_file_and_html_says_its_language()
    {
        var zh = CliHarness.Run("equalization", "--on", "2024-06-01", "--province", "成都市", "--item", "special-children-basic-living", "--format", "markdown");
        zh.ExitCode.Should().Be(0, zh.Err);
        zh.Out.Should().Contain("补助标准 1980 元/月").And.NotContain("CNY/month").And.NotContain("allowance");
        Golden.Match(zh.Out, "equalization-chengdu-special-children.zh.md");

        CliHarness.Run("equalization", "--on", "2024-06-01", "--province", "510100", "--format", "html").Out.Should().Contain("<html lang=\"zh\">").And.Contain("<h2>最大差距</h2>");
        CliHarness.Run("equalization", "--on", "2024-06-01", "--province", "510100", "--format", "html", "--lang", "en").Out.Should().Contain("<html lang=\"en\">").And.Contain("<h2>Largest gaps</h2>");
    }

    [Fact]
    public void Csv_has_one_row_per_county_item_and_quantity()
    {
        var result = CliHarness.Run("equalization", "--on", "2024-06-01", "--province", "310000", "--format", "csv");
        result.ExitCode.Should().Be(0, result.Err);
        var lines = result.OutLines;
        lines[0].Should().Be("county,name,province,fiscalBand,item,jurisdiction,status,lagsNational,nonHukou,quantity,unit,value,floor,ratio,eligible,annual,central,local,unsplit");
        var expected = Catalog.Default.Divisions.All.Where(d => d.Code.StartsWith("31", StringComparison.Ordinal) && d.Parent == "310100")
            .Sum(d => Catalog.Default.ItemsInForce(d.Code, On).Sum(i => Math.Max(1, i.Layers.SelectMany(l => l.Item.Level?.Quantities.Select(q => q.Name) ?? []).Distinct().Count())));
        (lines.Length - 1).Should().Be(expected);
        lines.Should().Contain("310104,徐汇区,310000,5,maternal-health,310000,above-floor,true,covered,antenatalChecks,times,9,5,1.8,,,,,");
    }

    [Fact]
    public void The_cost_of_special_assistance_in_Guizhou_is_shared_80_percent_by_the_centre()
    {
        using var folder = new TempFolder();
        var file = folder.Write("population.jsonl", """{"county": "520102", "weight": 100, "onlyChildDeceased": true}""");
        var cost = CostJson(file);
        var line = Line(cost, "520102", "family-planning-special-assistance");
        line.GetProperty("annual").GetDecimal().Should().Be(708_000m, "100 × 590 × 12");
        line.GetProperty("central").GetDecimal().Should().Be(566_400m, "band 1: the centre pays 80%");
        line.GetProperty("local").GetDecimal().Should().Be(141_600m);
        line.GetProperty("unsplit").GetDecimal().Should().Be(0);
    }

    [Fact]
    public void In_Chengdu_the_centre_shares_only_the_national_basic_standard_and_the_part_above_it_is_local()
    {
        using var folder = new TempFolder();
        var file = folder.Write("population.csv", """
            # synthetic
            county,weight,onlyChildDeceased
            510104,100,true
            """);
        var cost = CostJson(file);
        var line = Line(cost, "510104", "family-planning-special-assistance");
        line.GetProperty("annual").GetDecimal().Should().Be(1_200_000m, "Sichuan pays 1,000 a month: 100 × 1,000 × 12");
        line.GetProperty("central").GetDecimal().Should().Be(566_400m, "80% of the national 590 × 12 × 100");
        line.GetProperty("local").GetDecimal().Should().Be(633_600m);
        cost.GetProperty("national").GetProperty("localPerResident").GetDecimal().Should().Be(6_336m);
        cost.GetProperty("provinces")[0].GetProperty("province").GetString().Should().Be("510000");
    }

    [Theory]
    [InlineData("", 100)]
    [InlineData(", \"familyPlanningComplication\": \"none\"", 0)]
    public void An_amount_the_file_cannot_determine_is_left_out_and_its_residents_are_counted_once(string extra, int undetermined)
    {
        using var folder = new TempFolder();
        var file = folder.Write("population.jsonl", """{"county": "520102", "weight": 100, "onlyChildDeceased": true""" + extra + "}");
        var line = Line(CostJson(file), "520102", "family-planning-special-assistance");
        line.GetProperty("annual").GetDecimal().Should().Be(708_000m, "the monthly allowance is determined either way; the complication allowance is not costed");
        line.GetProperty("undeterminedWeight").GetDecimal().Should().Be(undetermined, "the complication allowance needs familyPlanningComplication");
    }

    [Fact]
    public void Per_day_amounts_use_the_funding_datas_200_school_days_and_one_off_amounts_count_once()
    {
        using var folder = new TempFolder();
        var file = folder.Write("population.jsonl", """
            {"county": "520102", "weight": 10, "birthDate": "2014-09-01", "schoolStage": "primary", "nutritionProgrammeSchool": true}
            {"county": "510104", "weight": 3, "burialType": "ecological"}
            """);
        var cost = CostJson(file);
        var meals = Line(cost, "520102", "rural-student-nutrition-subsidy");
        meals.GetProperty("annual").GetDecimal().Should().Be(10_000m, "5 yuan × 200 school days × 10");
        meals.GetProperty("unsplit").GetDecimal().Should().Be(10_000m, "no source names the pilot counties, so who pays is undetermined");
        var funeral = Line(cost, "510104", "cd-funeral-subsidy");
        funeral.GetProperty("annual").GetDecimal().Should().Be(9_000m, "a one-off 3,000 per person-year");
        funeral.GetProperty("local").GetDecimal().Should().Be(9_000m, "a local-only item is paid locally");
    }

    [Theory]
    [InlineData("{\"county\": \"520102\", \"weight\": 0}", "population.jsonl:1:1: 'weight' must be a number above 0")]
    [InlineData("{\"county\": \"52010\", \"weight\": 1}", "population.jsonl:1:1: 'county' must be a 6-digit county code")]
    [InlineData("{\"county\": \"520102\", \"weight\": 1, \"onlyChildDeceasd\": true}", "unknown fact 'onlyChildDeceasd'")]
    [InlineData("{\"county\": \"999901\", \"weight\": 1}", "population.jsonl:1:1: unknown county code '999901'")]
    [InlineData("{\"county\": \"520102\", \"weight\": 1,}", "population.jsonl:1:")]
    public void A_bad_population_line_is_a_one_line_error_naming_the_file_and_line(string line, string message)
    {
        using var folder = new TempFolder();
        var file = folder.Write("population.jsonl", line);
        var result = CliHarness.Run("equalization", "--on", "2024-06-01", "--item", "maternal-health", "--population", file, "--format", "json");
        result.ExitCode.Should().Be(2);
        result.Err.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain(message);
    }

    [Theory]
    [InlineData("--province", "999999", "unknown division code '999999'")]
    [InlineData("--province", "51", "--province '51' is not a 6-digit division code")]
    [InlineData("--item", "maternal-healt", "did you mean 'maternal-health'")]
    [InlineData("--population", "/no/such/file.jsonl", "no such file")]
    public void Bad_options_are_one_line_usage_errors(string option, string value, string message)
    {
        var result = CliHarness.Run("equalization", "--on", "2024-06-01", option, value);
        result.ExitCode.Should().Be(2);
        result.Err.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain(message);
    }

    private static JsonElement CostJson(string population)
    {
        var result = CliHarness.Run("equalization", "--on", "2024-06-01", "--population", population, "--format", "json");
        result.ExitCode.Should().Be(0, result.Err);
        return JsonDocument.Parse(result.Out).RootElement.GetProperty("cost").Clone();
    }

    private static JsonElement Line(JsonElement cost, string county, string item) =>
        cost.GetProperty("counties").EnumerateArray().Single(c => c.GetProperty("county").GetString() == county)
            .GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("item").GetString() == item).GetProperty("totals");
}
