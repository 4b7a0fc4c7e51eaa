using System.Collections.Immutable;
using StandardsKit.Diagnostics;
using StandardsKit.Engine;
using StandardsKit.Model;

namespace StandardsKit.Tests.Compilation;

/// <summary>
/// <see cref="Catalog.Compile"/>: a model built in C# is checked and compiled as loading does after reading
/// YAML, evaluates like a loaded one, and reports what does not bind at its position instead of throwing.
/// </summary>
public sealed class CatalogCompileTests
{
    private static readonly Provenance Policy = new(Evidence.Policy, ["S1"], null);
    private static readonly SourceSpan RuleAt = new("code/national.cs", 12, 20);

    private static ServiceItem Allowance(string rule, SourceSpan? ruleSpan = null) => new()
    {
        Id = "old-age-allowance",
        Number = 1,
        Kind = ItemKind.Basic,
        Name = new LocalizedText("高龄津贴", "Old-age allowance"),
        Provenance = Policy,
        Eligibility = new Eligibility { When = rule, Provenance = Policy, Span = ruleSpan },
        Level = new Level
        {
            Quantities =
            [
                new Quantity
                {
                    Name = "allowance",
                    Unit = "CNY/month",
                    Tiers =
                    [
                        new QuantityTier { When = "age >= 90", Values = [new DatedValue(DateOnly.MinValue, 300)] },
                        new QuantityTier { Values = [new DatedValue(DateOnly.MinValue, 100), new DatedValue(new DateOnly(2031, 1, 1), 120)] },
                    ],
                },
            ],
        },
    };

    private static StandardDocument National(params ServiceItem[] items) => new()
    {
        Id = "code-national",
        Jurisdiction = "000000",
        Edition = "2030",
        Title = new LocalizedText("代码标准", "Standard built in code"),
        EffectiveFrom = new DateOnly(2030, 1, 1),
        Sources = [new SourceReference("S1", "A notice", "https://example.org/notice", "policy")],
        Items = [.. items],
        Path = "code/national.cs",
    };

    private static StandardDocument Local(params ServiceItem[] items) => new()
    {
        Id = "code-31",
        Jurisdiction = "310000",
        Edition = "2030",
        Title = new LocalizedText("上海代码标准", null),
        EffectiveFrom = new DateOnly(2030, 6, 1),
        Extends = "code-national@2030",
        Sources = [new SourceReference("S1", "A local notice", null, "policy")],
        Items = [.. items],
        Path = "code/shanghai.cs",
    };

    [Fact]
    public void A_model_built_in_code_compiles_and_evaluates_with_its_overlays_tiers_and_dated_values()
    {
        var shanghai = Allowance("age >= 70") with
        {
            Id = "sh-old-age-allowance",
            Kind = ItemKind.Local,
            Implements = "old-age-allowance",
            Name = new LocalizedText("上海高龄津贴", null),
        };
        var result = Catalog.Compile(new StandardsModel { Documents = [National(Allowance("age >= 80")), Local(shanghai)] });

        result.Diagnostics.Where(d => d.Severity == Severity.Error).Should().BeEmpty();
        var catalog = result.Catalog!;
        var seventyFive = Resident.Empty.With("birthDate", "1956-01-01");

        Decide(catalog, seventyFive, "110101", new DateOnly(2031, 6, 1)).Eligible.Should().BeFalse("Beijing has only the national rule, 80 and over");
        var inShanghai = Decide(catalog, seventyFive, "310104", new DateOnly(2031, 6, 1));
        inShanghai.Eligible.Should().BeTrue();
        inShanghai.Jurisdiction.Should().Be("310000");
        inShanghai.Level!.Quantities.Should().ContainSingle().Which.Value.Should().Be(120, "the second dated value applies from 2031");
        Decide(catalog, seventyFive, "310104", new DateOnly(2030, 7, 1)).Level!.Quantities.Single().Value.Should().Be(100);
        Decide(catalog, Resident.Empty.With("age", 91m), "310104", new DateOnly(2030, 7, 1)).Level!.Quantities.Single().Value.Should().Be(300);
        var undetermined = Decide(catalog, Resident.Empty, "310104", new DateOnly(2030, 7, 1));
        undetermined.Eligible.Should().BeNull();
        undetermined.MissingFacts.Should().Equal("birthDate");
    }

    [Fact]
    public void Explanations_cite_the_position_the_model_gives_for_each_part_of_a_rule()
    {
        var result = Catalog.Compile(new StandardsModel { Documents = [National(Allowance("age >= 80 and dibao", RuleAt))] });

        var because = Decide(result.Catalog!, Resident.Empty.With("age", 85m).With("dibao", true), "110101", new DateOnly(2030, 2, 1)).Because;

        because.Select(r => (r.Expression, r.Result, r.Source)).Should().StartWith(
        [
            ("age >= 80", true, RuleAt),
            ("dibao", true, RuleAt with { Column = RuleAt.Column + "age >= 80 and ".Length }),
        ]);
    }

    [Fact]
    public void An_expression_that_does_not_bind_is_a_diagnostic_at_its_character_not_an_exception()
    {
        var result = Catalog.Compile(new StandardsModel { Documents = [National(Allowance("age >= 80 and agee < 3", RuleAt))] });

        result.Succeeded.Should().BeFalse();
        var error = result.Diagnostics.Should().ContainSingle(d => d.Severity == Severity.Error).Which;
        error.Code.Should().Be("SK0102");
        error.Span.Should().Be(RuleAt with { Column = RuleAt.Column + "age >= 80 and ".Length });
        error.Help.Should().Contain("did you mean 'age'");
    }

    [Fact]
    public void A_rule_built_without_a_position_is_reported_at_its_document_naming_the_item_and_character()
    {
        var result = Catalog.Compile(new StandardsModel { Documents = [National(Allowance("pregnant and 3"))] });

        var error = result.Diagnostics.Should().ContainSingle(d => d.Severity == Severity.Error).Which;
        error.Code.Should().Be("SK0103");
        error.Span.Should().Be(new SourceSpan("code/national.cs", 1, 1));
        error.Message.Should().StartWith("code-national@2030 'old-age-allowance' eligibility 'pregnant and 3', at character ");
    }

    [Fact]
    public void Reference_chain_and_date_problems_of_a_model_are_diagnostics()
    {
        var orphan = Local(Allowance("age >= 60") with { Id = "sh-item", Kind = ItemKind.Local, Implements = "no-such-item" }) with
        {
            Extends = "code-national@1999",
            EffectiveUntil = new DateOnly(2029, 1, 1),
        };
        var farFuture = National(Allowance("age >= 80")) with { Edition = "2500", EffectiveFrom = new DateOnly(2500, 1, 1) };

        var result = Catalog.Compile(new StandardsModel { Documents = [National(Allowance("age >= 80")), orphan, farFuture] });

        result.Succeeded.Should().BeFalse();
        result.Diagnostics.Select(d => d.Code).Should().Contain(["SK0203", "SK0212"]);
        result.Diagnostics.Should().Contain(d => d.Code == "SK0212" && d.Message.Contains("EffectiveUntil 2029-01-01 is before EffectiveFrom"));
        result.Diagnostics.Should().Contain(d => d.Code == "SK0212" && d.Message.Contains("2500-01-01 is outside the supported range"));
    }

    [Fact]
    public void Compiling_the_loaded_embedded_model_decides_every_item_as_the_loaded_catalog_does()
    {
        var loaded = Catalog.LoadEmbedded();
        var compiled = Catalog.Compile(new StandardsModel { Documents = loaded.Documents, Facts = loaded.Facts, Divisions = loaded.Catalog!.Divisions });
        compiled.Diagnostics.Where(d => d.Severity == Severity.Error).Should().BeEmpty();

        var residents = new[]
        {
            Resident.Empty,
            Resident.Empty.With("birthDate", "1950-02-28").With("hukou", "310104").With("dibao", true),
            Resident.Empty.With("pregnant", true).With("ruralHukou", true).With("onlyChildDisabled", true),
        };
        foreach (var county in new[] { "310104", "510104", "110101" })
        {
            foreach (var resident in residents)
            {
                var expected = loaded.Catalog.Evaluate(resident, county, new DateOnly(2024, 6, 1)).Decisions;
                var actual = compiled.Catalog!.Evaluate(resident, county, new DateOnly(2024, 6, 1)).Decisions;
                actual.Select(Outcome).Should().Equal(expected.Select(Outcome));
            }
        }
    }

    [Fact]
    public void The_runtime_library_does_not_reference_the_analysis_assembly()
    {
        typeof(Catalog).Assembly.GetReferencedAssemblies().Select(a => a.Name).Should().NotContain("StandardsKit.Analysis");
    }

    private static Decision Decide(Catalog catalog, Resident resident, string county, DateOnly on) =>
        catalog.Evaluate(resident, county, on).Decisions.Should().ContainSingle().Which;

    private static string Outcome(Decision d) =>
        $"{d.Item} {d.Eligible} [{string.Join(",", d.MissingFacts)}] {string.Join(";", d.Level?.Quantities.Select(q => $"{q.Name}={q.Value}|{string.Join("/", q.PossibleValues)}") ?? [])} "
        + string.Join(";", d.Because.Select(r => $"{r.Expression}={r.Result}"));
}
