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
        var counties = catalog.Divisions.All.Where(d => !d.Code.EndsWith("00", StringComparison.Ordinal) || d.Code is "441900" or "442000" or "460400").ToList();
        counties.Count.Should().BeGreaterThan(2800);
        foreach (var county in counties)
        {
            var evaluation = catalog.Evaluate(Resident.Empty, county.Code, On);
            evaluation.Chain[0].Standard.Should().Be("cn-national");
            evaluation.Decisions.Count(d => d.Jurisdiction.Length == 6).Should().BeGreaterThanOrEqualTo(81, county.Code);
        }
    }

    [Theory]
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
