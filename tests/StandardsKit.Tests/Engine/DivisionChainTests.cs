using FluentAssertions;
using StandardsKit.Engine;
using Xunit;

namespace StandardsKit.Tests.Engine;

public sealed class DivisionChainTests
{
    private static readonly DateOnly On = new(2024, 6, 1);

    [Fact]
    public void Every_county_level_unit_evaluates_with_every_national_item()
    {
        var catalog = Catalog.Default;
        var parents = catalog.Divisions.All.Select(d => d.Parent).OfType<string>().ToHashSet();
        var counties = catalog.Divisions.All.Where(d => !parents.Contains(d.Code)).ToList();
        counties.Count.Should().BeGreaterThan(2800);
        counties.Select(d => d.Code).Should().Contain(["441900", "442000", "460400", "620200", "460302", "460303"]);
        foreach (var county in counties)
        {
            var evaluation = catalog.Evaluate(Resident.Empty, county.Code, On);
            evaluation.Chain[0].Standard.Should().Be("cn-national");
            evaluation.Decisions.Count(d => d.Jurisdiction.Length == 6).Should().BeGreaterThanOrEqualTo(81, county.Code);
        }
    }

    [Theory]
    [InlineData("130171")] // fifth digit 7: a development zone
    [InlineData("232761")] // 加格达奇区, a management district of 大兴安岭 that GB/T 2260 does not list
    [InlineData("632857")] // 大柴旦行政委员会
    [InlineData("460321")] // 西沙群岛, replaced by 西沙区 in 2020
    [InlineData("620201")] // 嘉峪关's statistical 市辖区; 嘉峪关 is a city without counties
    public void Statistical_only_units_are_not_divisions(string code)
    {
        Catalog.Default.Divisions.Find(code).Should().BeNull();
        var act = () => Catalog.Default.Evaluate(Resident.Empty, code, On);
        act.Should().Throw<UnknownDivisionException>().WithMessage($"unknown county code '{code}'*");
    }

    [Theory]
    [InlineData("440300", "'440300' 深圳市 is a prefecture-level division, not a county-level code; give one of its county-level units, e.g. 440303 罗湖区, 440304 福田区, 440305 南山区")]
    [InlineData("110000", "'110000' 北京市 is a province-level division, not a county-level code; give one of its county-level units, e.g. 110101 东城区, 110102 西城区, 110105 朝阳区")]
    [InlineData("460300", "'460300' 三沙市 is a prefecture-level division, not a county-level code; give one of its county-level units, e.g. 460302 西沙区, 460303 南沙区")]
    public void A_province_or_prefecture_is_refused_with_county_codes_to_use_instead(string code, string message)
    {
        var act = () => Catalog.Default.Evaluate(Resident.Empty, code, On);
        act.Should().Throw<UnknownDivisionException>().Which.Message.Should().StartWith(message);
    }

    [Fact]
    public void The_national_code_still_evaluates_the_national_standard_alone()
    {
        var evaluation = Catalog.Default.Evaluate(Resident.Empty, "000000", On);
        evaluation.Chain.Select(c => c.Standard).Should().Equal("cn-national");
    }

    [Theory]
    [InlineData("460302", "460000")] // 西沙区, 三沙市 (added from the MCA list)
    [InlineData("620200", "620000")] // 嘉峪关市, a city without counties like 东莞
    [InlineData("310104", "310000")]
    [InlineData("429004", "420000")]
    [InlineData("441900", "440000")]
    [InlineData("460400", "460000")]
    [InlineData("654326", "650000")]
    public void Chains_reach_the_province(string county, string province)
    {
        var division = Catalog.Default.Divisions.Find(county)!;
        var codes = new List<string>();
        for (var d = division; d is not null; d = d.Parent is null ? null : Catalog.Default.Divisions.Find(d.Parent))
        {
            codes.Add(d.Code);
        }

        codes.Should().EndWith(province);
    }

    [Fact]
    public void A_statistical_only_unit_is_rejected_with_the_nearest_valid_codes()
    {
        var act = () => Catalog.Default.Evaluate(Resident.Empty, "130171", On);
        act.Should().Throw<UnknownDivisionException>().WithMessage("*130171*nearest valid*1301*");
    }

    [Theory]
    [InlineData("460321", "unknown county code '460321'; nearest valid: 460302 西沙区, 460303 南沙区")]
    [InlineData("232761", "unknown county code '232761'; nearest valid: 232701 漠河市, 232721 呼玛县, 232722 塔河县")]
    [InlineData("620201", "unknown county code '620201'; nearest valid: 620200 嘉峪关市")]
    public void An_unknown_code_is_answered_with_county_level_codes_only_never_a_prefecture_eval_would_refuse(string code, string message)
    {
        var act = () => Catalog.Default.Evaluate(Resident.Empty, code, On);
        act.Should().Throw<UnknownDivisionException>().Which.Message.Should().Be(message);
    }

    [Fact]
    public void Shanghai_overlay_applies_in_a_municipal_district_but_not_across_the_border()
    {
        var pregnant = Resident.Empty.With("pregnant", true);
        Catalog.Default.Evaluate(pregnant, "310115", On, ["maternal-health"]).Decisions[0].Level!.Quantities
            .Single(q => q.Name == "antenatalChecks").Value.Should().Be(9);
        Catalog.Default.Evaluate(pregnant, "320583", On, ["maternal-health"]).Decisions[0].Level!.Quantities
            .Single(q => q.Name == "antenatalChecks").Value.Should().Be(5);
    }
}

public sealed class PluggableDivisionTests
{
    [Fact]
    public void A_custom_division_list_changes_the_chain_without_reloading_the_standards()
    {
        // Every real unit except Xuhui, plus a district that does not exist in GB/T 2260.
        var custom = new StandardsKit.Divisions.DivisionDirectory(
            Catalog.Default.Divisions.All.Where(d => d.Code != "310104").Append(new("319901", "测试区", "310000")));
        var catalog = Catalog.Default.WithDivisions(custom);
        var decision = catalog.Evaluate(Resident.Empty.With("pregnant", true), "319901", new DateOnly(2024, 6, 1), ["maternal-health"]).Decisions.Single();
        decision.Jurisdiction.Should().Be("310000");
        var act = () => catalog.Evaluate(Resident.Empty, "310104", new DateOnly(2024, 6, 1));
        act.Should().Throw<UnknownDivisionException>();
    }

    [Fact]
    public void A_division_list_missing_a_standards_jurisdiction_is_refused()
    {
        var act = () => Catalog.Default.WithDivisions(new StandardsKit.Divisions.DivisionDirectory([new("110000", "北京市", null)]));
        act.Should().Throw<ArgumentException>().WithMessage("*310000*");
    }
}
