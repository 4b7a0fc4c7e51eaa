using StandardsKit.Engine;
using StandardsKit.Tests.Loading;
using StandardsKit.Tests.TestSupport;

namespace StandardsKit.Tests.Engine;

public class OverlayTests
{
    private static readonly string National = Yaml.National("""
          - id: maternal-health
            number: 2
            area: childcare
            category: pregnancy-care
            kind: basic
            name: {zh: 孕产妇健康服务, en: Maternal health services}
            provenance: {evidence: secondary, sources: [S1]}
            eligibility:
              when: pregnant
              provenance: {evidence: policy, sources: [S1]}
            level:
              text: {zh: 国家文本, en: National text}
              quantities:
                - {name: antenatalChecks, unit: times, value: 5}
                - {name: postpartumVisits, unit: times, value: 1}
                - {name: postpartumCheck42Day, unit: times, value: 1}
              provenance: {evidence: policy, sources: [S1]}
          - id: elderly-allowance
            number: 3
            area: childcare
            category: pregnancy-care
            kind: basic
            name: {zh: 老年津贴, en: Old-age allowance}
            provenance: {evidence: secondary, sources: [S1]}
            eligibility:
              when: age >= 65
              provenance: {evidence: policy, sources: [S1]}
            level:
              quantities:
                - name: allowance
                  unit: CNY/month
                  tiers:
                    - {when: age >= 90, value: 300}
                    - {when: age >= 80, value: 200}
                    - {when: age >= 70, value: 100}
              provenance: {evidence: policy, sources: [S1]}
        """);

    private const string Shanghai = """
        id: cn-31
        jurisdiction: "310000"
        edition: "2030"
        title: {zh: 上海测试清单, en: Shanghai test list}
        extends: test-national@2030
        effectiveFrom: 2030-06-01
        provenance: {evidence: secondary, sources: [L1]}
        sources:
          - {id: L1, title: Shanghai source, url: "https://example.org/sh", kind: official}
        items:
          - id: sh-maternal-care
            implements: maternal-health
            name: {zh: 孕产期保健, en: Maternal care}
            provenance: {evidence: verbatim, sources: [L1]}
            level:
              quantities:
                - {name: antenatalChecks, unit: times, value: 9}
              provenance: {evidence: secondary, sources: [L1]}
        """;

    private static Catalog Load()
    {
        var (result, folder) = LoadingHarness.Load(("national.yaml", National), ("local/shanghai.yaml", Shanghai));
        using (folder)
        {
            return result.Catalog ?? throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
        }
    }

    private static readonly Resident Pregnant = Resident.Empty.With("pregnant", true);

    [Fact]
    public void Local_quantity_overrides_the_national_one_by_name_and_the_others_are_inherited()
    {
        var decision = Load().Evaluate(Pregnant, "310104", new DateOnly(2030, 7, 1), ["maternal-health"]).Decisions.Single();

        decision.Eligible.Should().BeTrue("eligibility left out of the local item is inherited");
        decision.Level!.Quantities.Select(q => (q.Name, q.Value, q.Jurisdiction)).Should().Equal(
            ("antenatalChecks", 9m, "310000"),
            ("postpartumVisits", 1m, "000000"),
            ("postpartumCheck42Day", 1m, "000000"));
        decision.Level.Text!.Zh.Should().Be("国家文本", "level text left out locally is inherited");
    }

    [Fact]
    public void Overlaid_decision_is_defined_by_the_local_jurisdiction_with_its_local_name()
    {
        var decision = Load().Evaluate(Pregnant, "310104", new DateOnly(2030, 7, 1), ["maternal-health"]).Decisions.Single();

        decision.Item.Should().Be("maternal-health");
        decision.Number.Should().Be(2);
        decision.Name.Zh.Should().Be("孕产妇健康服务");
        decision.LocalName!.Zh.Should().Be("孕产期保健");
        decision.Jurisdiction.Should().Be("310000");
    }

    [Fact]
    public void Citations_list_the_national_standard_first_then_the_local_one()
    {
        var decision = Load().Evaluate(Pregnant, "310104", new DateOnly(2030, 7, 1), ["maternal-health"]).Decisions.Single();

        decision.Citations.Select(c => (c.Standard, c.Item)).Should().Equal(
            ("test-national@2030", "maternal-health"),
            ("cn-31@2030", "sh-maternal-care"));
        decision.Citations[1].Url.Should().Be("https://example.org/sh");
        decision.Citations[1].Evidence.Should().Be(StandardsKit.Model.Evidence.Verbatim);
    }

    [Fact]
    public void Before_the_local_standard_takes_effect_the_national_item_applies_alone()
    {
        var evaluation = Load().Evaluate(Pregnant, "310104", new DateOnly(2030, 3, 1), ["maternal-health"]);
        var decision = evaluation.Decisions.Single();

        evaluation.Chain.Select(c => c.Standard).Should().Equal("test-national");
        decision.Jurisdiction.Should().Be("000000");
        decision.LocalName.Should().BeNull();
        decision.Level!.Quantities.Should().Contain(q => q.Name == "antenatalChecks" && q.Value == 5m);
        decision.Citations.Should().ContainSingle();
    }

    [Fact]
    public void Outside_the_local_jurisdiction_the_national_item_applies()
    {
        var decision = Load().Evaluate(Pregnant, "520102", new DateOnly(2030, 7, 1), ["maternal-health"]).Decisions.Single();

        decision.Jurisdiction.Should().Be("000000");
        decision.Level!.Quantities.Single(q => q.Name == "antenatalChecks").Value.Should().Be(5m);
    }

    [Theory]
    [InlineData("1935-01-01", 300)]
    [InlineData("1945-01-01", 200)]
    [InlineData("1955-01-01", 100)]
    public void First_matching_tier_wins(string birthDate, int expected)
    {
        var decision = Load().Evaluate(Resident.Empty.With("birthDate", birthDate), "520102", new DateOnly(2030, 7, 1), ["elderly-allowance"])
            .Decisions.Single();

        decision.Eligible.Should().BeTrue();
        decision.Level!.Quantities.Should().ContainSingle().Which.Value.Should().Be(expected);
        decision.Because.Should().Contain(r => r.Expression.StartsWith("allowance: age >=", StringComparison.Ordinal) && r.Result == true);
    }

    [Fact]
    public void Eligible_resident_matching_no_tier_gets_no_value()
    {
        var decision = Load().Evaluate(Resident.Empty.With("birthDate", "1962-01-01"), "520102", new DateOnly(2030, 7, 1), ["elderly-allowance"])
            .Decisions.Single();

        decision.Eligible.Should().BeTrue();
        decision.Level!.Quantities.Should().BeEmpty();
    }

    [Fact]
    public void Ineligible_resident_gets_no_level()
    {
        var decision = Load().Evaluate(Resident.Empty.With("pregnant", false), "310104", new DateOnly(2030, 7, 1), ["maternal-health"])
            .Decisions.Single();

        decision.Eligible.Should().BeFalse();
        decision.Level.Should().BeNull();
        decision.Because.Should().ContainSingle().Which.Result.Should().BeFalse();
    }
}
