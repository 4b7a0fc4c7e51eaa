using System.Collections.Immutable;
using StandardsKit.Expressions;
using StandardsKit.Model;

namespace StandardsKit.Engine;

/// <summary>Resolves one quantity's first-match tiers for one resident frame under three-valued logic.</summary>
/// <remarks>
/// Walk the tiers in order: a false condition is skipped; an undetermined one records its value on the date
/// (or "no amount" when it has none yet) as a possible outcome and the walk continues; a true or absent
/// condition records its outcome and stops; running off the end records "no amount". One outcome only means
/// the answer is determined whatever the missing facts are (asking would not change it), so none is reported
/// missing; several make the value undetermined, with the possible values, whether no amount is possible, and
/// the facts of the undetermined conditions.
/// </remarks>
internal static class QuantityResolver
{
    public static ResolvedQuantity? Resolve(EffectiveQuantity effective, EvalFrame frame, FrameLayout layout,
        ImmutableArray<Reason>.Builder? because, ref UInt128 missing)
    {
        var (quantity, layer, conditions) = effective;
        UInt128 undetermined = 0;
        var seenUndetermined = false;
        var mayBeAbsent = false;
        decimal? single = null;
        SortedSet<decimal>? values = null;
        List<Reason>? reasons = null;

        void Note(decimal? outcome)
        {
            if (outcome is not { } v)
            {
                mayBeAbsent = true;
            }
            else if (single is null && values is null)
            {
                single = v;
            }
            else if (values is null && single != v)
            {
                values = [single!.Value, v];
            }
            else
            {
                values?.Add(v);
            }
        }

        for (var t = 0; t < conditions.Length; t++)
        {
            var tier = quantity.Tiers[t];
            if (conditions[t] is { } condition)
            {
                var v = condition.Evaluate(frame);
                if (v.IsUnknown)
                {
                    seenUndetermined = true;
                    undetermined |= v.Missing;
                    Note(tier.ValueOn(frame.On));
                    if (because is not null)
                    {
                        (reasons ??= []).Add(new Reason($"{quantity.Name}: {tier.When}", null, condition.PositionOf(0)));
                    }

                    continue;
                }

                if (!v.Bool)
                {
                    continue;
                }

                if (because is not null)
                {
                    // Buffered only behind undetermined tiers, whose reasons are kept only if the amount stays open.
                    var reason = new Reason($"{quantity.Name}: {tier.When}", true, condition.PositionOf(0));
                    if (seenUndetermined)
                    {
                        (reasons ??= []).Add(reason);
                    }
                    else
                    {
                        because.Add(reason);
                    }
                }
            }

            var value = tier.ValueOn(frame.On);
            if (!seenUndetermined)
            {
                // The common case: no missing fact on the way, so the stopping tier decides (or gives no amount yet).
                return value is { } d ? Determined(quantity, layer, d) : null;
            }

            Note(value);
            return Finish(quantity, layer, layout, because, reasons, undetermined, single, values, mayBeAbsent, ref missing);
        }

        // No tier applies for certain: with undetermined tiers on the way, "no amount" is one outcome among others.
        if (!seenUndetermined)
        {
            return null;
        }

        Note(null);
        return Finish(quantity, layer, layout, because, reasons, undetermined, single, values, mayBeAbsent, ref missing);
    }

    private static ResolvedQuantity? Finish(Quantity quantity, ItemLayer layer, FrameLayout layout,
        ImmutableArray<Reason>.Builder? because, List<Reason>? reasons, UInt128 undetermined,
        decimal? single, SortedSet<decimal>? values, bool mayBeAbsent, ref UInt128 missing)
    {
        if (values is null && (single is null || !mayBeAbsent))
        {
            // Every completion of the missing facts gives the same outcome: asking would not change it.
            AddAll(because, reasons?.Where(r => r.Result == true));
            return single is { } d ? Determined(quantity, layer, d) : null;
        }

        missing |= undetermined;
        AddAll(because, reasons);
        return new ResolvedQuantity(quantity.Name, null, quantity.Unit, quantity.AtLeast, layer.Document.Jurisdiction)
        {
            MissingFacts = DecisionMaker.MissingNames(undetermined, layout),
            PossibleValues = values is null ? [single!.Value] : [.. values],
            MayBeAbsent = mayBeAbsent,
        };
    }

    private static ResolvedQuantity Determined(Quantity quantity, ItemLayer layer, decimal value) =>
        new(quantity.Name, value, quantity.Unit, quantity.AtLeast, layer.Document.Jurisdiction);

    private static void AddAll(ImmutableArray<Reason>.Builder? because, IEnumerable<Reason>? reasons)
    {
        if (because is not null && reasons is not null)
        {
            because.AddRange(reasons);
        }
    }
}
