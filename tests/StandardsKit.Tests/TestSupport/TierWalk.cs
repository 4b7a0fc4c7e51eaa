using StandardsKit.Engine;
using StandardsKit.Expressions;

namespace StandardsKit.Tests.TestSupport;

/// <summary>The engine's first-match walk over an item's first quantity, written out for brute-force comparisons.</summary>
internal static class TierWalk
{
    /// <summary>(determined, value): undetermined at the first tier whose condition is; none when no tier applies.</summary>
    public static (bool Determined, decimal? Value) FirstQuantity(EffectiveItem item, EvalFrame frame, DateOnly on)
    {
        var (quantity, _, conditions) = item.Quantities[0];
        for (var i = 0; i < quantity.Tiers.Length; i++)
        {
            if (conditions[i] is { } condition)
            {
                var v = condition.Evaluate(frame);
                if (v.Kind != ValueKind.Bool)
                {
                    return (false, null);
                }

                if (!v.Bool)
                {
                    continue;
                }
            }

            return (true, quantity.Tiers[i].ValueOn(on));
        }

        return (true, null);
    }
}
