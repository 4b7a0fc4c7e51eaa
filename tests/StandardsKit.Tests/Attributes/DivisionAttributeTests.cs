using StandardsKit.Divisions;
using StandardsKit.Model;
using StandardsKit.Tests.Loading;

namespace StandardsKit.Tests.Attributes;

public sealed class DivisionAttributeTests
{
    private static DivisionAttributes Attributes => Catalog.Default.Attributes;

    private static object? Value(string code, string attribute) => Attributes.ValueOf(code, attribute).Value;

    [Theory]
    [InlineData("520102", 1)] // 贵阳 南明区: Guizhou, band 1
    [InlineData("510104", 1)] // 成都 锦江区: Sichuan, band 1
    [InlineData("130102", 2)] // 石家庄: Hebei, band 2
    [InlineData("210102", 3)] // 沈阳: Liaoning, band 3
    [InlineData("210202", 4)] // 大连 中山区: a 计划单列市, band 4 apart from Liaoning
    [InlineData("330203", 4)] // 宁波 海曙区
    [InlineData("350203", 4)] // 厦门 思明区
    [InlineData("370202", 4)] // 青岛 市南区
    [InlineData("440304", 4)] // 深圳 福田区
    [InlineData("370102", 3)] // 济南: Shandong stays band 3
    [InlineData("110101", 5)]
    [InlineData("310104", 5)]
    public void Fiscal_bands_follow_the_fiscal_entity_with_the_planned_cities_apart_from_their_provinces(string county, int band) =>
        Value(county, "fiscalBand").Should().Be((decimal)band);

    [Fact]
    public void The_corps_cities_have_no_known_band_rather_than_Xinjiangs()
    {
        var shihezi = Attributes.ValueOf("659001", "fiscalBand");
        shihezi.IsKnown.Should().BeFalse();
        shihezi.Provenance.Evidence.Should().Be(Evidence.Reconstructed);
        Value("650102", "fiscalBand").Should().Be(1m, "Ürümqi is in Xinjiang's band");
    }

    [Fact]
    public void Every_county_level_unit_outside_the_corps_has_a_band()
    {
        var catalog = Catalog.Default;
        var parents = catalog.Divisions.All.Select(d => d.Parent).OfType<string>().ToHashSet();
        var counties = catalog.Divisions.All.Where(d => !parents.Contains(d.Code)).ToList();
        counties.Should().HaveCountGreaterThan(2800);
        counties.Where(c => !Attributes.ValueOf(c.Code, "fiscalBand").IsKnown).Select(c => c.Code)
            .Should().OnlyContain(code => code.StartsWith("6590", StringComparison.Ordinal));
    }

    [Fact]
    public void Ethnic_autonomy_derived_from_the_official_names_matches_the_155_autonomous_areas()
    {
        // S43: 155 民族自治地方 = 5 regions + 30 prefectures + 120 counties and banners.
        var divisions = Catalog.Default.Divisions.All.ToList();
        int Own(string attribute) => divisions.Count(d => Attributes.ValueOf(d.Code, attribute).DefinedAt == d.Code);
        Own("ethnicAutonomousRegion").Should().Be(5);
        Own("ethnicAutonomousPrefecture").Should().Be(30);
        Own("ethnicAutonomousCounty").Should().Be(120);
        Own("ethnicAutonomous").Should().Be(155);
    }

    [Theory]
    [InlineData("433101", true, false, true, false)]  // 吉首市 in 湘西土家族苗族自治州
    [InlineData("450225", true, true, false, true)]   // 融水苗族自治县 in 广西壮族自治区
    [InlineData("150723", true, true, false, true)]   // 鄂伦春自治旗 (a banner)
    [InlineData("310104", false, false, false, false)]
    [InlineData("659001", true, true, false, false)]  // 自治区直辖县级行政区划 is not itself autonomous, but lies in Xinjiang
    public void Ethnic_autonomy_is_inherited_from_the_autonomous_units_a_division_lies_in(string code, bool any, bool region, bool prefecture, bool county)
    {
        Value(code, "ethnicAutonomous").Should().Be(any);
        Value(code, "ethnicAutonomousRegion").Should().Be(region);
        Value(code, "ethnicAutonomousPrefecture").Should().Be(prefecture);
        Value(code, "ethnicAutonomousCounty").Should().Be(county);
        Attributes.ValueOf(code, "ethnicAutonomous").Provenance.Evidence.Should().Be(Evidence.Verbatim);
    }

    [Theory]
    [InlineData("520204", true)]   // 水城区, named by S33
    [InlineData("513431", true)]   // 昭觉县, Sichuan (S33, S35)
    [InlineData("520102", false)]  // 南明区: Guizhou's list is complete in S33
    [InlineData("530113", true)]   // 东川区: one of Yunnan's 11 named before S33 is cut off
    [InlineData("530102", null)]   // 五华区: Yunnan's rest is unknown
    [InlineData("610102", null)]   // Shaanxi: named as a province, counties not seen
    [InlineData("640104", null)]   // Ningxia
    [InlineData("540102", false)]  // Tibet is not among the 10 provinces
    [InlineData("310104", false)]
    public void Key_assistance_counties_are_true_false_or_unknown_exactly_as_far_as_the_sources_name_them(string code, bool? expected)
    {
        var value = Attributes.ValueOf(code, "keyAssistanceCounty");
        value.Value.Should().Be(expected);
        value.IsKnown.Should().Be(expected is not null);
        Attributes.Find("keyAssistanceCounty")!.IsPartial.Should().BeTrue();
    }

    [Fact]
    public void The_national_key_county_list_names_90_counties_and_Sichuans_provincial_list_25()
    {
        var divisions = Catalog.Default.Divisions.All.ToList();
        divisions.Count(d => Value(d.Code, "keyAssistanceCounty") is true && Attributes.ValueOf(d.Code, "keyAssistanceCounty").DefinedAt == d.Code).Should().Be(90);
        divisions.Count(d => Value(d.Code, "provincialKeyAssistanceCounty") is true).Should().Be(25);
        Value("511133", "provincialKeyAssistanceCounty").Should().Be(true, "S35's 马边县 is 马边彝族自治县");
        Value("510104", "provincialKeyAssistanceCounty").Should().Be(false);
        Attributes.ValueOf("520102", "provincialKeyAssistanceCounty").IsKnown.Should().BeFalse("only Sichuan's provincial list was found");
    }

    [Theory]
    [InlineData("520102", true, Evidence.Secondary)]
    [InlineData("433101", true, Evidence.Secondary)]       // 湘西 (S28, S31)
    [InlineData("422801", true, Evidence.Secondary)]       // 恩施
    [InlineData("222401", true, Evidence.Secondary)]       // 延边 (weak S)
    [InlineData("360702", true, Evidence.Reconstructed)]   // 赣州 (R)
    [InlineData("420102", null, Evidence.Secondary)]       // 武汉: other 比照 areas were not found
    [InlineData("110101", null, Evidence.Secondary)]
    public void Western_policy_areas_carry_each_sources_strength_and_are_unknown_elsewhere(string code, bool? expected, Evidence evidence)
    {
        var value = Attributes.ValueOf(code, "westernPolicy");
        value.Value.Should().Be(expected);
        value.Provenance.Evidence.Should().Be(evidence);
    }

    [Theory]
    [InlineData("130102", true)]  // Hebei is in the 22-province 中西部
    [InlineData("460105", true)]  // Hainan
    [InlineData("210202", false)] // Dalian
    [InlineData("110101", false)]
    public void Central_western_is_the_22_provinces_of_social_policy(string code, bool expected) =>
        Value(code, "centralWestern").Should().Be(expected);

    [Fact]
    public void Border_counties_and_nutrition_pilots_are_unknown_everywhere_because_no_source_names_them()
    {
        foreach (var code in new[] { "530102", "650102", "110101" })
        {
            Attributes.ValueOf(code, "borderCounty").IsKnown.Should().BeFalse();
            Attributes.ValueOf(code, "nutritionPilot").IsKnown.Should().BeFalse();
        }
    }

    [Fact]
    public void Asking_for_an_undeclared_attribute_is_an_argument_error() =>
        FluentActions.Invoking(() => Attributes.ValueOf("310104", "fiscalBnad")).Should().Throw<ArgumentException>().WithMessage("*fiscalBnad*");

    private const string Sources = """
        sources:
          - {id: A1, title: a source, kind: secondary}
        """;

    [Theory]
    [InlineData("- {division: \"310104\", name: 黄浦区, value: true}", "but the division list calls it '徐汇区'")]
    [InlineData("- {division: \"999901\", name: 某县, value: true}", "999901, which is not in the division list")]
    [InlineData("- {division: \"310104\", name: 徐汇区, value: 3}", "'3' is not a value of bool attribute 'demo'")]
    public void A_bad_entry_is_reported_at_its_line(string entry, string message)
    {
        var text = Sources + $$"""

            attributes:
              - name: demo
                type: bool
                description: {zh: 演示}
                provenance: {evidence: secondary, sources: [A1]}
                default: false
                entries:
                  {{entry}}
            """;
        var result = LoadingHarness.LoadOne(text, out var path);
        var error = result.Errors().Should().ContainSingle().Subject;
        error.Code.Should().Be("SK0501");
        error.Message.Should().Contain(message);
        error.Span!.File.Should().Be(path);
        error.Span.Line.Should().Be(LoadingHarness.PositionOf(text, "- {division").Line);
    }

    [Fact]
    public void A_duplicate_attribute_an_unknown_source_and_a_derived_int_are_errors()
    {
        var text = Sources + """

            attributes:
              - {name: demo, type: bool, description: {zh: 一}, provenance: {evidence: secondary, sources: [A1]}, default: false}
              - {name: demo, type: bool, description: {zh: 二}, provenance: {evidence: secondary, sources: [A2]}, default: false}
              - {name: band, type: int, description: {zh: 三}, provenance: {evidence: reconstructed}, default: null, derive: {nameEndsWith: [县]}}
            """;
        var errors = LoadingHarness.LoadOne(text, out _).Errors().ToList();
        errors.Should().Contain(e => e.Code == "SK0501" && e.Message.Contains("declared twice"));
        errors.Should().Contain(e => e.Code == "SK0207" && e.Message.Contains("'A2'"));
        errors.Should().Contain(e => e.Code == "SK0501" && e.Message.Contains("only a bool attribute"));
    }
}
