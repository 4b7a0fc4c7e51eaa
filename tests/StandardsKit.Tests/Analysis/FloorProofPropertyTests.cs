using System.Collections.Immutable;
using CsCheck;
using FluentAssertions;
using StandardsKit.Analysis;
using StandardsKit.Diagnostics;
using StandardsKit.Engine;
using StandardsKit.Tests.TestSupport;
using StandardsKit.Expressions;
using StandardsKit.Model;
using Xunit;

namespace StandardsKit.Tests.Analysis;

/// <summary>The floor prover checks finitely many boundary residents; brute force over every age and flag must agree.</summary>
public sealed class FloorProofPropertyTests
{
    private static readonly DateOnly On = new(2024, 6, 1);
    private static readonly FactVocabulary Facts = Catalog.Default.Facts;

    private static readonly Gen<string> Atom = Gen.OneOf(
        Gen.Int[0, 100].Select(k => $"age >= {k}"),
        Gen.Int[0, 100].Select(k => $"age < {k}"),
        Gen.Int[0, 100].Select(k => $"age == {k}"),
        Gen.Const("pregnant"),
        Gen.Const("dibao"),
        Gen.Const("not ruralHukou"),
        Gen.Const("sex == \"female\""),
        Gen.Const("within(hukou, \"310000\")"));

    private static readonly Gen<string> Rule = Gen.Recursive<string>((depth, self) => depth >= 3
        ? Atom
        : Gen.Frequency(
            (3, Atom),
            (2, Gen.Select(self, self, (a, b) => $"({a} and {b})")),
            (2, Gen.Select(self, self, (a, b) => $"({a} or {b})")),
            (1, self.Select(a => $"not ({a})"))));

    [Fact]
    public void Narrowing_is_found_exactly_when_brute_force_finds_a_resident_who_loses()
    {
        Gen.Select(Rule, Rule).Sample((parentRule, childRule) =>
        {
            var parent = Effective(parentRule, quantity: null);
            var child = Effective(childRule, quantity: null);
            var proved = FloorComparison.Of(parent, child, Facts, "310104", On).NarrowedFor;
            var brute = BruteForce().FirstOrDefault(r => Eligible(parentRule, r) == true && Eligible(childRule, r) != true);
            (proved is not null).Should().Be(brute is not null, $"parent '{parentRule}', child '{childRule}', brute-force witness {(brute is null ? "none" : ResidentSpace.Describe(brute))}");
            if (proved is not null)
            {
                Eligible(parentRule, proved).Should().BeTrue();
                Eligible(childRule, proved).Should().NotBe(true);
            }
        }, iter: 300);
    }

    [Fact]
    public void A_tiered_local_amount_below_the_parent_for_some_age_band_is_found_with_a_resident_in_that_band()
    {
        Gen.Select(Gen.Int[1, 99], Gen.Int[100, 300], Gen.Int[0, 400]).Sample((band, parentAmount, lowAmount) =>
        {
            var parent = Effective("age >= 0", ("allowance", [(null, parentAmount)]));
            var child = Effective("age >= 0", ("allowance", [($"age >= {band}", parentAmount + 10), (null, lowAmount)]));
            var result = FloorComparison.Of(parent, child, Facts, "310104", On);
            var expectBelow = lowAmount < parentAmount;
            result.Below.IsEmpty.Should().Be(!expectBelow);
            if (expectBelow)
            {
                var age = (decimal)result.Below[0].Resident.Facts["age"];
                age.Should().BeLessThan(band, "only residents below the band get the low amount");
            }
        }, iter: 200);
    }

    private static IEnumerable<Resident> BruteForce()
    {
        foreach (var age in Enumerable.Range(0, 122))
        {
            for (var mask = 0; mask < 32; mask++)
            {
                yield return Resident.Empty.With("age", age)
                    .With("pregnant", (mask & 1) != 0).With("dibao", (mask & 2) != 0).With("ruralHukou", (mask & 4) != 0)
                    .With("sex", (mask & 8) != 0 ? "female" : "male").With("hukou", (mask & 16) != 0 ? "310104" : "520102");
            }
        }
    }

    private static bool? Eligible(string rule, Resident resident)
    {
        var value = Binder.CompileCondition(rule, Facts).Evaluate(FrameBuilder.Build(resident, Facts, "310104", On));
        return value.Kind == ValueKind.Bool ? value.Bool : null;
    }

    private static EffectiveItem Effective(string rule, (string Name, (string? When, decimal Value)[] Tiers)? quantity) =>
        ModelBuilder.Effective(ModelBuilder.Item(rule, quantity));
}
