using System.Collections.Immutable;
using StandardsKit.Engine;
using StandardsKit.Expressions;
using StandardsKit.Model;

namespace StandardsKit.Testing;

/// <summary>
/// Measures which behaviours of the standards the test cases exercise (<c>standardskit test --coverage</c>).
/// A case counts only for what it asserts: its <c>eligible:</c> for the rule that decided it, each quantity in
/// its <c>level:</c> for the tier and dated value that produced it, and any in-force expectation for the
/// editions layered into the item on its date. docs/authoring.md ("Coverage") defines the goals.
/// </summary>
internal static class TestCoverage
{
    private sealed record Key(string Jurisdiction, string Item);

    private sealed record Goal(CoverageGoalKind Kind, string Label);

    public static CoverageReport Measure(Catalog catalog, IEnumerable<TestCase> cases)
    {
        var goals = new Dictionary<Key, (string? Implements, List<Goal> Goals)>();
        foreach (var document in catalog.Documents.OrderBy(d => d.Jurisdiction, StringComparer.Ordinal).ThenBy(d => d.EffectiveFrom))
        {
            foreach (var item in document.Items)
            {
                var key = new Key(document.Jurisdiction, item.Id);
                if (!goals.TryGetValue(key, out var row))
                {
                    goals[key] = row = (item.Implements, []);
                }

                foreach (var goal in GoalsOf(document, item))
                {
                    if (!row.Goals.Contains(goal))
                    {
                        row.Goals.Add(goal);
                    }
                }
            }
        }

        var covered = new HashSet<(Key, Goal)>();
        foreach (var testCase in cases)
        {
            foreach (var hit in Exercised(catalog, testCase))
            {
                covered.Add(hit);
            }
        }

        return new CoverageReport([.. goals.Select(p => new CoverageRow(p.Key.Jurisdiction, p.Key.Item, p.Value.Implements,
            [.. p.Value.Goals.OrderBy(g => g.Kind).Select(g => new CoverageGoal(g.Kind, g.Label, covered.Contains((p.Key, g))))]))]);
    }

    /// <summary>What one edition's item asks to be exercised.</summary>
    private static IEnumerable<Goal> GoalsOf(StandardDocument document, ServiceItem item)
    {
        if (item.Eligibility is { } rule)
        {
            yield return new Goal(CoverageGoalKind.Eligible, "eligible");
            if (rule.When.Trim() != "true")
            {
                yield return new Goal(CoverageGoalKind.NotEligible, "not eligible");
            }
        }

        foreach (var quantity in item.Level?.Quantities ?? [])
        {
            foreach (var tier in quantity.Tiers)
            {
                foreach (var value in Reachable(tier, document.EffectiveFrom))
                {
                    yield return new Goal(CoverageGoalKind.Level, LevelLabel(quantity, tier, value));
                }
            }
        }

        yield return EditionGoal(document);
    }

    private static Goal EditionGoal(StandardDocument document) =>
        new(CoverageGoalKind.Edition, $"edition {document.Key} (from {ExpressionLimits.Iso(document.EffectiveFrom)})");

    /// <summary>A tier's dated values that can apply while the edition is in force: those dated after it starts, and the one in force when it starts.</summary>
    private static IEnumerable<DatedValue> Reachable(QuantityTier tier, DateOnly editionStart)
    {
        var values = tier.Values.IsDefault ? [] : tier.Values;
        var atStart = values.LastOrDefault(v => v.From <= editionStart);
        return values.Where(v => v.From > editionStart || v == atStart);
    }

    private static string LevelLabel(Quantity quantity, QuantityTier tier, DatedValue value) =>
        quantity.Name
        + (tier.When is { } when ? $" when {when}" : "")
        + (value.From == DateOnly.MinValue ? "" : $" from {ExpressionLimits.Iso(value.From)}");

    /// <summary>The goals one case exercises; none when its county or resident is refused (the case fails instead).</summary>
    private static List<(Key, Goal)> Exercised(Catalog catalog, TestCase testCase)
    {
        var hits = new List<(Key, Goal)>();
        Evaluation evaluation;
        ImmutableArray<EffectiveItem> items;
        try
        {
            evaluation = catalog.Evaluate(testCase.Resident, testCase.County, testCase.On);
            items = catalog.ItemsInForce(testCase.County, testCase.On);
        }
        catch (Exception e) when (e is ResidentException or UnknownDivisionException or ArgumentException)
        {
            return hits;
        }

        foreach (var expect in testCase.Expectations.Where(x => x.InForce))
        {
            var effective = items.FirstOrDefault(i => i.Id == expect.Item);
            var decision = evaluation.Decisions.FirstOrDefault(d => d.Item == expect.Item);
            if (effective is null || decision is null)
            {
                continue;
            }

            foreach (var layer in effective.Layers)
            {
                hits.Add((KeyOf(layer), EditionGoal(layer.Document)));
            }

            if (expect.ChecksEligible && effective.EligibilityLayer is { } ruleLayer && decision.Eligible is { } eligible)
            {
                hits.Add((KeyOf(ruleLayer), eligible
                    ? new Goal(CoverageGoalKind.Eligible, "eligible")
                    : new Goal(CoverageGoalKind.NotEligible, "not eligible")));
            }

            foreach (var name in expect.Level.Keys)
            {
                if (effective.Quantities.FirstOrDefault(q => q.Quantity.Name == name) is { } quantity
                    && decision.Level?.Quantities.FirstOrDefault(q => q.Name == name) is { Value: not null }
                    && StoppingTier(quantity.Quantity, decision) is { } tier
                    && tier.Values.LastOrDefault(v => v.From <= testCase.On) is { } value)
                {
                    hits.Add((KeyOf(quantity.Layer), new Goal(CoverageGoalKind.Level, LevelLabel(quantity.Quantity, tier, value))));
                }
            }
        }

        return hits;
    }

    private static Key KeyOf(ItemLayer layer) => new(layer.Document.Jurisdiction, layer.Item.Id);

    /// <summary>
    /// The tier whose value a determined quantity took: the first that has no condition or whose condition the
    /// decision's explanation records as true (false tiers are skipped and undetermined ones never stop the walk).
    /// </summary>
    private static QuantityTier? StoppingTier(Quantity quantity, Decision decision) =>
        quantity.Tiers.FirstOrDefault(t => t.When is null
            || decision.Because.Any(r => r.Result == true && r.Expression == $"{quantity.Name}: {t.When}"));
}
