using System.Collections.Immutable;
using CsCheck;
using StandardsKit.Engine;
using StandardsKit.Model;
using StandardsKit.Tests.TestSupport;

namespace StandardsKit.Tests.Engine;

/// <summary>
/// First-match tiers under three-valued logic, checked against brute force: every completion of the
/// undetermined conditions, walked with plain two-valued first-match.
/// </summary>
public sealed class TierResolutionPropertyTests
{
    private static readonly DateOnly On = new(2024, 6, 1);
    private static readonly FactVocabulary Facts = Catalog.Default.Facts;

    /// <summary>One distinct bool fact per tier, so the conditions are independent and every completion is possible.</summary>
    private static readonly string[] Flags = ["pregnant", "dibao", "lowIncome", "orphan", "employed", "boarder", "ruralHukou", "extremePoverty"];

    private enum Condition { True, False, Undetermined, Unconditional }

    /// <summary>A tier: how its condition evaluates, and its value on the date (null: not in force yet).</summary>
    private sealed record Tier(Condition Condition, decimal? Value);

    private static readonly Gen<Tier> TierGen = Gen.Select(
        Gen.Frequency((3, Gen.Const(Condition.True)), (3, Gen.Const(Condition.False)), (4, Gen.Const(Condition.Undetermined)), (1, Gen.Const(Condition.Unconditional))),
        Gen.Frequency((5, Gen.Int[1, 3].Select(v => (decimal?)(v * 100))), (1, Gen.Const((decimal?)null))),
        (c, v) => new Tier(c, v));

    [Fact]
    public void Resolved_quantity_matches_every_completion_of_the_undetermined_tier_conditions()
    {
        TierGen.Array[1, Flags.Length].Sample(tiers =>
        {
            var decision = Decide(tiers);
            var quantity = decision.Level!.Quantities.SingleOrDefault();
            var outcomes = BruteForce(tiers);
            var values = outcomes.OfType<decimal>().Distinct().Order().ToArray();
            var absent = outcomes.Contains(null);
            var shown = string.Join(", ", tiers.Select(t => $"{t.Condition}:{t.Value?.ToString() ?? "-"}"));

            if (outcomes.Count == 1)
            {
                // Determined whatever the missing facts are: asking would not change it.
                if (absent)
                {
                    quantity.Should().BeNull(shown);
                }
                else
                {
                    quantity.Should().NotBeNull(shown);
                    quantity!.Value.Should().Be(values[0], shown);
                    quantity.PossibleValues.Should().BeEmpty(shown);
                    quantity.MissingFacts.Should().BeEmpty(shown);
                    quantity.MayBeAbsent.Should().BeFalse(shown);
                }

                decision.MissingFacts.Should().BeEmpty(shown);
                return;
            }

            var asked = AskedFacts(tiers);
            quantity.Should().NotBeNull(shown);
            quantity!.Value.Should().BeNull(shown);
            quantity.PossibleValues.Should().Equal(values, shown);
            quantity.MayBeAbsent.Should().Be(absent, shown);
            quantity.MissingFacts.Should().Equal(asked, shown);
            decision.MissingFacts.Should().Equal(asked, shown);
        }, iter: PropertyRuns.Of(2000));
    }

    /// <summary>Every outcome of plain first-match over each completion (null: no amount).</summary>
    private static HashSet<decimal?> BruteForce(Tier[] tiers)
    {
        var open = tiers.Select((t, i) => (t, i)).Where(p => p.t.Condition == Condition.Undetermined).Select(p => p.i).ToArray();
        var outcomes = new HashSet<decimal?>();
        for (var mask = 0; mask < 1 << open.Length; mask++)
        {
            decimal? outcome = null;
            for (var i = 0; i < tiers.Length; i++)
            {
                var holds = tiers[i].Condition switch
                {
                    Condition.True or Condition.Unconditional => true,
                    Condition.False => false,
                    _ => (mask & (1 << Array.IndexOf(open, i))) != 0,
                };
                if (holds)
                {
                    outcome = tiers[i].Value;
                    break;
                }
            }

            outcomes.Add(outcome);
        }

        return outcomes;
    }

    /// <summary>The facts of the undetermined conditions the walk meets before a tier that holds for certain.</summary>
    private static string[] AskedFacts(Tier[] tiers) =>
        [.. tiers.Select((t, i) => (t, Flags[i]))
            .TakeWhile(p => p.t.Condition is not (Condition.True or Condition.Unconditional))
            .Where(p => p.t.Condition == Condition.Undetermined)
            .Select(p => p.Item2)
            .Order(StringComparer.Ordinal)];

    private static Decision Decide(Tier[] tiers)
    {
        var resident = Resident.Empty;
        for (var i = 0; i < tiers.Length; i++)
        {
            resident = tiers[i].Condition switch
            {
                Condition.True => resident.With(Flags[i], true),
                Condition.False => resident.With(Flags[i], false),
                _ => resident,
            };
        }

        var item = ModelBuilder.Item("true", ("allowance", [(null, 0m)]));
        var quantity = item.Level!.Quantities[0] with
        {
            Tiers = [.. tiers.Select((t, i) => new QuantityTier
            {
                When = t.Condition == Condition.Unconditional ? null : Flags[i],
                Values = t.Value is { } v
                    ? [new DatedValue(DateOnly.MinValue, v)]
                    : [new DatedValue(new DateOnly(2100, 1, 1), 1m)],
            })],
        };
        item = item with { Level = item.Level with { Quantities = ImmutableArray.Create(quantity) } };
        return DecisionMaker.Decide(ModelBuilder.Effective(item), FrameBuilder.Build(resident, ModelBuilder.Layout, "310104", On), ModelBuilder.Layout);
    }
}
