using System.Collections.Immutable;
using StandardsKit.Screening;

namespace StandardsKit.Compilation.Screening;

/// <summary>
/// The end of a three-valued tier walk, shared by every compiled program: the outcomes the walk noted become a
/// determined amount, no amount, or an undetermined one with its missing facts — as
/// <see cref="Engine.QuantityResolver"/> decides them.
/// </summary>
internal static class QuantityOutcomes
{
    /// <param name="tables">The county and date's tier values.</param>
    /// <param name="quantity">The quantity slot.</param>
    /// <param name="stop">The first tier that holds for certain, or -1 when the walk ran off the end.</param>
    /// <param name="seenUndetermined">1 when some tier before <paramref name="stop"/> was undetermined.</param>
    /// <param name="noted">The undetermined tiers.</param>
    /// <param name="missing0">Their missing facts (low word).</param>
    /// <param name="missing1">Their missing facts (high word).</param>
    /// <param name="result">Where the quantity goes.</param>
    /// <param name="decision0">The decision's missing facts, to which an undetermined amount adds its own (low word).</param>
    /// <param name="decision1">High word of the same.</param>
    public static void Finish(ScreeningTables tables, int quantity, int stop, int seenUndetermined, ulong noted, ulong missing0, ulong missing1,
        ref ScreenQuantity result, ref ulong decision0, ref ulong decision1)
    {
        var first = tables.FirstTier[quantity];
        result.StopTier = (sbyte)stop;
        if (seenUndetermined == 0)
        {
            // No missing fact on the way: the stopping tier decides (or gives no amount yet).
            if (stop >= 0 && tables.TierHasValue[first + stop])
            {
                result.Code = (byte)QuantityState.Determined;
                result.Amount = tables.TierValues[first + stop];
            }
            else
            {
                result.Code = (byte)QuantityState.NoAmount;
            }

            return;
        }

        var outcomes = noted | (stop >= 0 ? 1UL << stop : 0);
        var mayBeAbsent = stop < 0;
        var several = false;
        decimal? single = null;
        for (var bits = outcomes; bits != 0; bits &= bits - 1)
        {
            var t = first + System.Numerics.BitOperations.TrailingZeroCount(bits);
            if (!tables.TierHasValue[t])
            {
                mayBeAbsent = true;
            }
            else if (single is null)
            {
                single = tables.TierValues[t];
            }
            else if (single != tables.TierValues[t])
            {
                several = true;
            }
        }

        if (!several && (single is null || !mayBeAbsent))
        {
            // Every completion of the missing facts gives the same outcome: asking would not change it.
            if (single is { } v)
            {
                result.Code = (byte)QuantityState.Determined;
                result.Amount = v;
            }
            else
            {
                result.Code = (byte)QuantityState.NoAmount;
            }

            return;
        }

        result.Code = (byte)((byte)QuantityState.Undetermined | (mayBeAbsent ? ScreenQuantity.MayBeAbsentFlag : 0));
        result.Tiers = outcomes;
        result.Missing0 = missing0;
        result.Missing1 = missing1;
        decision0 |= missing0;
        decision1 |= missing1;
    }

    public static void WriteDecision(ref ScreenDecision decision, int state, ulong missing0, ulong missing1)
    {
        if ((missing0 | missing1) == 0)
        {
            decision.Code = (byte)state;
            return;
        }

        decision.Code = (byte)(state | ScreenDecision.HasMissing);
        decision.Missing0 = missing0;
        decision.Missing1 = missing1;
    }

    public static void NotApplicable(ref ScreenQuantity quantity)
    {
        quantity.Code = (byte)QuantityState.NotApplicable;
        quantity.StopTier = -1;
    }

    /// <summary>The sorted, distinct amounts an undetermined quantity may take.</summary>
    public static ImmutableArray<decimal> PossibleValues(ScreeningTables tables, int quantity, ulong tiers)
    {
        var first = tables.FirstTier[quantity];
        var values = new SortedSet<decimal>();
        for (var bits = tiers; bits != 0; bits &= bits - 1)
        {
            var t = first + System.Numerics.BitOperations.TrailingZeroCount(bits);
            if (tables.TierHasValue[t])
            {
                values.Add(tables.TierValues[t]);
            }
        }

        return [.. values];
    }
}
