using StandardsKit.Engine;
using StandardsKit.Expressions;
using StandardsKit.Model;

namespace StandardsKit.Analysis;

/// <summary>
/// The engine's own answer for one resident: every counterexample the solver finds is replayed through the
/// compiled rules before it is reported, so a translation slip can never produce a false violation.
/// </summary>
internal static class ReferenceEvaluation
{
    /// <summary>A quantity outcome: undetermined, or determined with a value (null: no amount applies).</summary>
    internal readonly record struct Amount(bool Determined, decimal? Value);

    public static (bool? Eligible, Dictionary<string, Amount> Quantities)? Evaluate(EffectiveItem item, Resident resident, FactVocabulary facts, string county, DateOnly on)
    {
        EvalFrame frame;
        try
        {
            frame = FrameBuilder.Build(resident, FrameLayout.For(facts), county, on);
        }
        catch (ResidentException)
        {
            return null;
        }

        bool? eligible = true;
        if (item.Rule is { } rule)
        {
            var v = rule.Evaluate(frame);
            eligible = v.Kind == ValueKind.Bool ? v.Bool : null;
        }

        var quantities = new Dictionary<string, Amount>(StringComparer.Ordinal);
        foreach (var (q, _, conditions) in item.Quantities)
        {
            var amount = new Amount(true, null);
            for (var i = 0; i < q.Tiers.Length; i++)
            {
                var tier = q.Tiers[i];
                if (conditions[i] is { } c)
                {
                    var v = c.Evaluate(frame);
                    if (v.Kind != ValueKind.Bool)
                    {
                        amount = new Amount(false, null);
                        break;
                    }

                    if (!v.Bool)
                    {
                        continue;
                    }
                }

                amount = new Amount(true, tier.ValueOn(on));
                break;
            }

            quantities[q.Name] = amount;
        }

        return (eligible, quantities);
    }
}
