using System.Collections.Immutable;
using StandardsKit.Analysis.Symbolic;
using StandardsKit.Engine;
using StandardsKit.Expressions;

namespace StandardsKit.Analysis;

/// <summary>One tier of a quantity as a formula: it is the one that applies (earlier tiers false, its own true).</summary>
/// <param name="Selected">The resident's first-match walk ends at this tier, with every earlier condition decided false.</param>
/// <param name="Value">Its value on the date; null when it has none yet.</param>
internal sealed record TierEncoding(Formula Selected, decimal? Value);

/// <summary>A quantity as formulas: which tier applies, when the walk ends definitely with no value, and when it stops undetermined.</summary>
internal sealed record QuantityEncoding(string Name, string Unit, bool AtLeast, ImmutableArray<TierEncoding> Tiers, Formula DefinitelyAbsent, Formula Undetermined);

/// <summary>An effective item on one date as formulas over the resident's facts.</summary>
internal sealed record ItemEncoding(Tri Eligible, ImmutableDictionary<string, QuantityEncoding> Quantities)
{
    public static ItemEncoding Of(EffectiveItem item, Translator translator, DateOnly on)
    {
        var eligible = item.Rule is { } rule ? Translate(translator, rule.Expression, rule.Text) : Tri.True;
        var quantities = ImmutableDictionary.CreateBuilder<string, QuantityEncoding>(StringComparer.Ordinal);
        foreach (var q in item.Quantities)
        {
            quantities[q.Quantity.Name] = Encode(q.Quantity, [.. q.Conditions.Select(c => c?.Expression)], translator, on);
        }

        return new ItemEncoding(eligible, quantities.ToImmutable());
    }

    /// <summary>A quantity's first-match walk as formulas: each tier's selection, and "definitely no value".</summary>
    /// <param name="q">The quantity.</param>
    /// <param name="conditions">Its tiers' compiled conditions, in tier order (null: unconditional).</param>
    /// <param name="translator">The translator of the obligation or comparison.</param>
    /// <param name="on">The date whose values apply.</param>
    public static QuantityEncoding Encode(Model.Quantity q, IReadOnlyList<CompiledExpression?> conditions, Translator translator, DateOnly on)
    {
        {
            var reached = Formula.True;
            var tiers = ImmutableArray.CreateBuilder<TierEncoding>();
            for (var i = 0; i < q.Tiers.Length; i++)
            {
                var tier = q.Tiers[i];
                if (conditions[i] is not { } condition)
                {
                    tiers.Add(new TierEncoding(reached, tier.ValueOn(on)));
                    reached = Formula.False;
                    break;
                }

                var c = Translate(translator, condition, tier.When!);
                tiers.Add(new TierEncoding(Formula.And(reached, c.IsTrue), tier.ValueOn(on)));
                reached = Formula.And(reached, c.IsFalse);
            }

            var absent = Formula.Or(tiers.Where(t => t.Value is null).Select(t => t.Selected).Append(reached));
            var undetermined = Formula.Not(Formula.Or(tiers.Select(t => t.Selected).Append(reached)));
            return new QuantityEncoding(q.Name, q.Unit, q.AtLeast, tiers.ToImmutable(), absent, undetermined);
        }
    }

    internal static Tri Translate(Translator translator, CompiledExpression expression, string text)
    {
        try
        {
            translator.Attributes = expression.Attributes;
            return translator.Condition(expression.Syntax);
        }
        catch (UnsupportedException e)
        {
            throw new UnsupportedException($"{e.Message}, in '{text}'");
        }
    }

    /// <summary>Every expression of an item, for deciding how age is modelled and what the date depends on.</summary>
    public static IEnumerable<CompiledExpression> Expressions(EffectiveItem item)
    {
        if (item.Rule is { } rule)
        {
            yield return rule.Expression;
        }

        foreach (var condition in item.Quantities.SelectMany(q => q.Conditions))
        {
            if (condition is not null)
            {
                yield return condition.Expression;
            }
        }
    }
}
