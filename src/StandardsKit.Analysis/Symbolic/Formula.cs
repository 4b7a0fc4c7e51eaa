using System.Collections.Immutable;

namespace StandardsKit.Analysis.Symbolic;

/// <summary>
/// A two-valued propositional formula over leaves (plain boolean variables and theory atoms). The three-valued
/// rules are encoded in it "dual-rail": every condition becomes a pair (is-true, is-false), so undetermined is
/// neither, and the solver never needs a third truth value.
/// </summary>
internal abstract record Formula
{
    public static readonly Formula True = new ConstFormula(true);
    public static readonly Formula False = new ConstFormula(false);

    public static Formula Of(bool b) => b ? True : False;

    public static Formula Leaf(int id) => new LeafFormula(id);

    public static Formula Not(Formula f) => f switch
    {
        ConstFormula c => Of(!c.Value),
        NotFormula n => n.Operand,
        _ => new NotFormula(f),
    };

    public static Formula And(params Formula[] parts) => Combine(parts, isAnd: true);

    public static Formula Or(params Formula[] parts) => Combine(parts, isAnd: false);

    public static Formula And(IEnumerable<Formula> parts) => Combine(parts, isAnd: true);

    public static Formula Or(IEnumerable<Formula> parts) => Combine(parts, isAnd: false);

    private static Formula Combine(IEnumerable<Formula> parts, bool isAnd)
    {
        var list = ImmutableArray.CreateBuilder<Formula>();
        foreach (var part in parts)
        {
            if (part is ConstFormula c)
            {
                if (c.Value != isAnd)
                {
                    return Of(!isAnd); // false in an and, true in an or, decides
                }

                continue;
            }

            // Flatten nested operators of the same kind so branching sees one level.
            if (isAnd && part is AndFormula a)
            {
                list.AddRange(a.Parts);
            }
            else if (!isAnd && part is OrFormula o)
            {
                list.AddRange(o.Parts);
            }
            else
            {
                list.Add(part);
            }
        }

        return list.Count switch
        {
            0 => Of(isAnd),
            1 => list[0],
            _ => isAnd ? new AndFormula(list.ToImmutable()) : new OrFormula(list.ToImmutable()),
        };
    }
}

internal sealed record ConstFormula(bool Value) : Formula;

internal sealed record LeafFormula(int Id) : Formula;

internal sealed record NotFormula(Formula Operand) : Formula;

internal sealed record AndFormula(ImmutableArray<Formula> Parts) : Formula;

internal sealed record OrFormula(ImmutableArray<Formula> Parts) : Formula;

/// <summary>A condition in three-valued logic as two formulas that are never both true.</summary>
/// <param name="IsTrue">Holds exactly for the residents on whom the condition evaluates to true.</param>
/// <param name="IsFalse">Holds exactly for those on whom it evaluates to false; neither means undetermined.</param>
internal sealed record Tri(Formula IsTrue, Formula IsFalse)
{
    public static readonly Tri True = new(Formula.True, Formula.False);
    public static readonly Tri False = new(Formula.False, Formula.True);

    public Formula IsUndetermined => Formula.And(Formula.Not(IsTrue), Formula.Not(IsFalse));

    public Tri Not() => new(IsFalse, IsTrue);

    public static Tri And(Tri a, Tri b) => new(Formula.And(a.IsTrue, b.IsTrue), Formula.Or(a.IsFalse, b.IsFalse));

    public static Tri Or(Tri a, Tri b) => new(Formula.Or(a.IsTrue, b.IsTrue), Formula.And(a.IsFalse, b.IsFalse));
}
