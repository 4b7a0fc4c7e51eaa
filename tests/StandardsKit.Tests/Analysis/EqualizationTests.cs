using StandardsKit.Analysis;
using StandardsKit.Engine;
using StandardsKit.Tests.TestSupport;

namespace StandardsKit.Tests.Analysis;

public sealed class EqualizationTests
{
    private static readonly DateOnly On = new(2024, 6, 1);

    private static string Local(string jurisdiction, string items) =>
        Yaml.LocalHeader("cn-test", jurisdiction, edition: "2024") + items;

    private static Catalog With(string jurisdiction, string items)
    {
        using var temp = new TempFolder();
        temp.CopyFrom(Path.Combine(Repo.Standards, "national"), "national");
        temp.Write("local.yaml", Local(jurisdiction, items));
        return Catalog.LoadDirectory(temp.Path).GetCatalogOrThrow();
    }

    [Fact]
    public void A_local_level_below_the_floor_shows_below_the_floor_in_every_county_it_covers()
    {
        var catalog = With("310000", """
              - id: sh-mh
                implements: maternal-health
                name: {zh: 孕产期保健}
                provenance: {evidence: secondary, sources: [X]}
                level:
                  quantities:
                    - {name: antenatalChecks, unit: times, value: 3}
                  provenance: {evidence: secondary, sources: [X]}
            """);
        var report = Equalization.Run(catalog, On, new EqualizationOptions { Within = "310000", Items = ["maternal-health"] });

        report.Counties.Should().HaveCount(16).And.OnlyContain(c => c.Items.Single().Status == EqualizationStatus.BelowFloor);
        var checks = report.Counties[0].Items.Single().Quantities.Single(q => q.Name == "antenatalChecks");
        (checks.Value, checks.Floor, checks.Ratio).Should().Be((3m, 5m, 0.6m));
        report.Provinces.Single().BelowFloor.Should().Be(16);
        report.Gaps.Should().ContainSingle(g => g.Quantity == "antenatalChecks").Which.Ratio.Should().Be(0.6m);
    }

    [Fact]
    public void Statuses_agree_with_the_per_county_floor_report_where_rules_read_division_facts()
    {
        // Beijing's pre-pregnancy rule reads residence, so its counties are compared one by one.
        var catalog = Catalog.Default;
        foreach (var within in new[] { "110000", "310000", "510100", "330203" })
        {
            var report = Equalization.Run(catalog, On, new EqualizationOptions { Within = within });
            foreach (var county in report.Counties)
            {
                var expected = FloorReport.For(catalog, county.County, On).ToDictionary(r => r.Item, r => r.Status);
                foreach (var item in county.Items)
                {
                    var floor = expected[item.Item];
                    item.Status.Should().Be(floor switch
                    {
                        FloorStatus.National or FloorStatus.AtFloor => EqualizationStatus.AtFloor,
                        FloorStatus.AboveFloor => EqualizationStatus.AboveFloor,
                        FloorStatus.BelowFloor => EqualizationStatus.BelowFloor,
                        FloorStatus.LocalOnly => EqualizationStatus.LocalOnly,
                        _ => EqualizationStatus.Undecided,
                    }, $"{item.Item} in {county.County}");
                }
            }
        }
    }

    [Fact]
    public void A_jurisdiction_without_counties_or_an_item_in_force_nowhere_is_an_argument_error()
    {
        FluentActions.Invoking(() => Equalization.Run(Catalog.Default, On, new EqualizationOptions { Within = "999999" }))
            .Should().Throw<ArgumentException>().WithMessage("unknown division code '999999'*");
        FluentActions.Invoking(() => Equalization.Run(Catalog.Default, On, new EqualizationOptions { Within = "520000", Items = ["sh-elderly-allowance"] }))
            .Should().Throw<ArgumentException>().WithMessage("item 'sh-elderly-allowance' is not in force in any county covered*");
    }

    [Fact]
    public void Non_hukou_coverage_is_sound_against_brute_force_over_residents()
    {
        // Random rules over hukou, residence and a personal fact, each a local-only item of Shanghai; every claim is
        // checked against the engine over every resident of a small domain who lives in the county.
        var atoms = new[]
        {
            "within(hukou, \"310000\")", "within(hukou, \"110000\")", "hukou == residence", "hukou == \"310104\"", "present(hukou)",
            "within(residence, \"310000\")", "residence == \"310104\"", "pregnant", "residenceMonths >= 6",
            "hasAttribute(hukou, \"ethnicAutonomous\")", "attribute(hukou, \"fiscalBand\") <= 2", "attribute(hukou, \"region\") == \"west\"",
        };
        var random = new Random(20240601);
        string Rule(int depth) => depth == 0 || random.Next(3) == 0
            ? (random.Next(4) == 0 ? "not " : "") + atoms[random.Next(atoms.Length)]
            : $"({Rule(depth - 1)} {(random.Next(2) == 0 ? "and" : "or")} {Rule(depth - 1)})";
        var rules = Enumerable.Range(0, 60).Select(_ => Rule(3)).Distinct().ToList();
        var items = string.Join("\n", rules.Select((r, i) => $$$"""
              - id: rule-{{{i}}}
                kind: local
                area: childcare
                category: pregnancy-care
                name: {zh: 规则{{{i}}}}
                provenance: {evidence: secondary, sources: [X]}
                eligibility: {when: '{{{r}}}', provenance: {evidence: secondary, sources: [X]}}
            """));
        var catalog = With("310000", items);
        var report = Equalization.Run(catalog, On, new EqualizationOptions { Within = "310104" });
        var xuhui = report.Counties.Single();

        // Other provinces' hukou, one per class the atoms tell apart: Beijing; band 4 east; autonomous counties in
        // bands 2 and 3 (east) and 2 (central); band 2 central; band 1 west, plain and autonomous; the corps (band unknown).
        string[] migrantCodes = ["110101", "120101", "130321", "210323", "433130", "410102", "520102", "513231", "659001"];
        string?[] hukous = [.. migrantCodes, "310104", "310105", null];
        bool?[] flags = [true, false, null];
        decimal?[] months = [0, 12, null];
        var residents = (from h in hukous from p in flags from m in months
                         let r0 = h is null ? Resident.Empty : Resident.Empty.With("hukou", h)
                         let r1 = p is { } pv ? r0.With("pregnant", pv) : r0
                         select (Hukou: h, Resident: m is { } mv ? r1.With("residenceMonths", mv) : r1)).ToList();
        var prepared = catalog.Prepare("310104", On);
        for (var i = 0; i < rules.Count; i++)
        {
            var claim = xuhui.Items.Single(x => x.Item == $"rule-{i}").NonHukou;
            bool Served(string? hukou) => residents.Where(r => r.Hukou == hukou)
                .Any(r => prepared.Evaluate(r.Resident.With("residence", "310104")).Decisions.Single(d => d.Item == $"rule-{i}").Eligible == true);
            var migrants = migrantCodes.Any(Served);
            var locals = Served("310104") || Served("310105");
            switch (claim)
            {
                case NonHukouCoverage.NotCovered:
                    migrants.Should().BeFalse($"'{rules[i]}' was reported as not covering residents with another province's hukou");
                    break;
                case NonHukouCoverage.Covered:
                    (migrants || !locals).Should().BeTrue($"'{rules[i]}' was reported as serving them as it serves hukou holders");
                    break;
                case NonHukouCoverage.Partial:
                    migrantCodes.Select(Served).Distinct().Should().HaveCount(2, $"'{rules[i]}' was reported as serving some other provinces' hukou holders and not others");
                    break;
            }
        }

        xuhui.Items.Select(x => x.NonHukou).Distinct().Should().HaveCountGreaterThan(1, "the generated rules exercise more than one answer");
    }
}
