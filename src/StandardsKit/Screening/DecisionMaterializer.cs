using System.Collections.Immutable;
using StandardsKit.Compilation;
using StandardsKit.Compilation.Screening;
using StandardsKit.Engine;
using StandardsKit.Model;

namespace StandardsKit.Screening;

/// <summary>
/// Turns screened results into the <see cref="Decision"/> records evaluation returns, equal to what the
/// interpreter builds. Decisions are immutable, so one record serves every resident with the same outcome:
/// each item keeps a few recent ones, keyed by everything that shapes the record.
/// </summary>
/// <remarks>Thread-safe: the caches hold immutable entries and tolerate racing writers (a lost entry is rebuilt).</remarks>
internal sealed class DecisionMaterializer
{
    private const int CacheSize = 8;
    private const int MaxCachedQuantities = 6;
    private const int MaxCachedParts = 32;

    private readonly EffectiveItem[] _items;
    private readonly ResidentRowLayout _rows;
    private readonly ScreeningTables _tables;
    private readonly ScreeningProgram _program;
    private readonly int[] _firstQuantity;
    private readonly bool _explain;
    private readonly ImmutableArray<Citation>[] _citations;
    private readonly Entry?[][] _caches;
    private readonly int[] _next;

    /// <summary>
    /// Each item's most recently used record, in one flat array: the usual hit costs one read here and one of the
    /// entry, instead of walking the item's cache (a resident's 80-odd decisions touch few cache lines this way).
    /// </summary>
    private readonly Entry?[] _recent;

    private readonly int[] _quantityCount;
    private readonly int[] _partCount;

    public DecisionMaterializer(EffectiveItem[] items, ResidentRowLayout rows, ScreeningTables tables, ScreeningProgram program, int[] firstQuantity, bool explain)
    {
        _items = items;
        _rows = rows;
        _tables = tables;
        _program = program;
        _firstQuantity = firstQuantity;
        _explain = explain;
        _citations = [.. items.Select(i => explain ? DecisionMaker.Citations(i) : [])];
        _caches = [.. items.Select(_ => new Entry?[CacheSize])];
        _next = new int[items.Length];
        _recent = new Entry?[items.Length];
        _quantityCount = [.. items.Select(i => i.Quantities.Length)];
        _partCount = [.. items.Select(i => explain ? i.Rule?.Expression.Parts.Length ?? 0 : 0)];
    }

    /// <summary>Materialises one resident's screened decisions, item by item, into <paramref name="result"/>.</summary>
    public void MakeAll(ReadOnlySpan<ScreenDecision> decisions, ReadOnlySpan<ScreenQuantity> quantities, ReadOnlySpan<byte> parts, Span<Decision> result)
    {
        for (var j = 0; j < result.Length; j++)
        {
            result[j] = Make(j, decisions[j], quantities.Slice(_firstQuantity[j], _quantityCount[j]), parts);
        }
    }

    public Decision Make(int item, in ScreenDecision decision, ReadOnlySpan<ScreenQuantity> quantities, ReadOnlySpan<byte> parts)
    {
        var partCount = _partCount[item];
        var itemParts = partCount == 0 ? default : parts.Slice(_program.FirstPart[item], partCount);
        if (!Key(decision, quantities, itemParts, out var k1, out var k2))
        {
            return Build(item, decision, quantities, itemParts);
        }

        var missing = decision.MissingFacts;
        if (_recent[item] is { } recent && recent.K1 == k1 && recent.K2 == k2 && recent.Missing == missing)
        {
            return recent.Decision;
        }

        var cache = _caches[item];
        foreach (var entry in cache)
        {
            if (entry is not null && entry.K1 == k1 && entry.K2 == k2 && entry.Missing == missing)
            {
                Volatile.Write(ref _recent[item], entry);
                return entry.Decision;
            }
        }

        var built = Build(item, decision, quantities, itemParts);
        var slot = _next[item] = (_next[item] + 1) & (CacheSize - 1);
        var added = new Entry(k1, k2, missing, built);
        Volatile.Write(ref cache[slot], added);
        Volatile.Write(ref _recent[item], added);
        return built;
    }

    /// <summary>A key for decisions whose record is fully shaped by the answer, the quantities' tiers and the parts' states.</summary>
    private static bool Key(in ScreenDecision decision, ReadOnlySpan<ScreenQuantity> quantities, ReadOnlySpan<byte> parts, out ulong k1, out ulong k2)
    {
        k1 = (ulong)decision.Eligibility;
        k2 = 0;
        if (quantities.Length > MaxCachedQuantities || parts.Length > MaxCachedParts)
        {
            return false;
        }

        for (var k = 0; k < quantities.Length; k++)
        {
            ref readonly var q = ref quantities[k];
            if (q.State == QuantityState.Undetermined)
            {
                return false;
            }

            k1 |= ((ulong)q.State | ((ulong)(q.Tier + 1) << 2)) << (8 + (9 * k));
        }

        for (var p = 0; p < parts.Length; p++)
        {
            k2 |= (ulong)(parts[p] & 3) << (2 * p);
        }

        return true;
    }

    private Decision Build(int item, in ScreenDecision decision, ReadOnlySpan<ScreenQuantity> quantities, ReadOnlySpan<byte> parts)
    {
        var effective = _items[item];
        var eligible = decision.Eligible;
        var because = _explain ? ImmutableArray.CreateBuilder<Reason>() : null;
        if (because is not null && effective.Rule is { } rule)
        {
            var whole = rule.Expression;
            if (whole.Parts.IsEmpty)
            {
                because.Add(new Reason(rule.Text, eligible, rule.PositionOf(whole.Offset)));
            }
            else
            {
                for (var p = 0; p < whole.Parts.Length; p++)
                {
                    var part = whole.Parts[p];
                    because.Add(new Reason(rule.Text.Substring(part.Offset, part.Syntax.Length), ToBool(parts[p]), rule.PositionOf(part.Offset)));
                }
            }
        }

        DecisionLevel? level = null;
        if (eligible == true)
        {
            var resolved = ImmutableArray.CreateBuilder<ResolvedQuantity>(quantities.Length);
            for (var k = 0; k < quantities.Length; k++)
            {
                var q = quantities[k];
                var effectiveQuantity = effective.Quantities[k];
                if (because is not null)
                {
                    Explain(effectiveQuantity, q, because);
                }

                var (quantity, layer, _) = effectiveQuantity;
                switch (q.State)
                {
                    case QuantityState.Determined:
                        resolved.Add(new ResolvedQuantity(quantity.Name, q.Value, quantity.Unit, quantity.AtLeast, layer.Document.Jurisdiction));
                        break;
                    case QuantityState.Undetermined:
                        resolved.Add(new ResolvedQuantity(quantity.Name, null, quantity.Unit, quantity.AtLeast, layer.Document.Jurisdiction)
                        {
                            MissingFacts = _rows.NamesOf(q.MissingFacts),
                            PossibleValues = QuantityOutcomes.PossibleValues(_tables, _firstQuantity[item] + k, q.PossibleTiers),
                            MayBeAbsent = q.MayBeAbsent,
                        });
                        break;
                }
            }

            level = new DecisionLevel(resolved.Count == resolved.Capacity ? resolved.MoveToImmutable() : resolved.ToImmutable(), effective.LevelText);
        }

        return DecisionMaker.Make(effective, eligible, _rows.NamesOf(decision.MissingFacts), level, because, _citations[item]);
    }

    /// <summary>
    /// The tier reasons <see cref="QuantityResolver"/> gives: the undetermined tiers in order and the tier that holds,
    /// when the amount stays open; only the tier that holds (if it has a condition) when it is decided.
    /// </summary>
    private static void Explain(EffectiveQuantity effective, in ScreenQuantity q, ImmutableArray<Reason>.Builder because)
    {
        var (quantity, _, conditions) = effective;
        if (q.State == QuantityState.Undetermined)
        {
            for (var bits = q.PossibleTiers; bits != 0; bits &= bits - 1)
            {
                var t = System.Numerics.BitOperations.TrailingZeroCount(bits);
                if (t != q.Tier)
                {
                    because.Add(TierReason(quantity, t, conditions[t]!, null));
                }
            }
        }

        if (q.Tier >= 0 && conditions[q.Tier] is { } holds)
        {
            because.Add(TierReason(quantity, q.Tier, holds, true));
        }
    }

    private static Reason TierReason(Quantity quantity, int tier, CompiledRule condition, bool? result) =>
        new($"{quantity.Name}: {quantity.Tiers[tier].When}", result, condition.PositionOf(0));

    private static bool? ToBool(byte state) => state switch
    {
        1 => true,
        2 => false,
        _ => null,
    };

    private sealed record Entry(ulong K1, ulong K2, FactMask Missing, Decision Decision);
}
