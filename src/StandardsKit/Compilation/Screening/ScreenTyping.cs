using StandardsKit.Expressions;
using StandardsKit.Model;
using StandardsKit.Screening;

namespace StandardsKit.Compilation.Screening;

/// <summary>
/// What the screening compiler needs to know about an expression the binder has already checked: the IL type
/// of each node, the facts it needs known, whether it can be "none", and whether it is strict (no Kleene
/// operator inside, so it is undetermined exactly when one of its facts is missing).
/// </summary>
internal sealed class ScreenTyping(ResidentRowLayout layout)
{
    public ResidentRowLayout Layout { get; } = layout;

    public FactDeclaration Declaration(FactExpr f) => Layout.Slots[Slot(f)].Declaration;

    public int Slot(FactExpr f) => Layout.Facts.SlotOf(f.Name) is var s and >= 0 ? s : throw new InvalidOperationException($"unbound fact '{f.Name}'");

    public ScreenType TypeOf(Expr e) => e switch
    {
        LiteralExpr l => l.Value.Kind switch
        {
            ValueKind.Bool => ScreenType.Bool,
            ValueKind.Number => IsLong(l.Value.Number) ? ScreenType.Long : ScreenType.Decimal,
            ValueKind.Date => ScreenType.Date,
            _ => ScreenType.Text,
        },
        FactExpr f => Declaration(f).Kind switch
        {
            FactKind.Bool => ScreenType.Bool,
            FactKind.Int => ScreenType.Long,
            FactKind.Decimal => ScreenType.Decimal,
            FactKind.Date => ScreenType.Date,
            FactKind.Enum => ScreenType.Enum,
            FactKind.Set => ScreenType.Set,
            FactKind.Division => ScreenType.Division,
            _ => ScreenType.Text,
        },
        UnaryExpr { Op: UnaryOp.Not } => ScreenType.Bool,
        UnaryExpr u => TypeOf(u.Operand),
        BinaryExpr { Op: BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply or BinaryOp.Divide } => ScreenType.Decimal,
        BinaryExpr => ScreenType.Bool,
        InExpr => ScreenType.Bool,
        CallExpr { Function: "evaluationDate" or "addYears" or "addMonths" or "addDays" } => ScreenType.Date,
        CallExpr { Function: "yearsBetween" } => ScreenType.Long,
        CallExpr => ScreenType.Bool,
        _ => throw new InvalidOperationException($"no screening type for {e.GetType().Name}"),
    };

    /// <summary>A literal that fits a long exactly (and keeps |x| ≤ 10^15, so negating it cannot overflow).</summary>
    public static bool IsLong(decimal n) => n == decimal.Truncate(n) && Math.Abs(n) <= ExpressionLimits.MaxNumber;

    /// <summary>
    /// The facts the expression needs known to be decided, one bit per slot: every fact it reads except inside
    /// <c>present(…)</c>, which never waits for a fact, and except facts that are never missing.
    /// </summary>
    public UInt128 Need(Expr e)
    {
        UInt128 need = 0;
        Collect(e, ref need);
        return need & ~Layout.AlwaysKnown;
    }

    private void Collect(Expr e, ref UInt128 need)
    {
        switch (e)
        {
            case FactExpr f:
                need |= UInt128.One << Slot(f);
                return;
            case CallExpr { Function: "present" }:
                return;
            case UnaryExpr u:
                Collect(u.Operand, ref need);
                return;
            case BinaryExpr b:
                Collect(b.Left, ref need);
                Collect(b.Right, ref need);
                return;
            case InExpr i:
                Collect(i.Needle, ref need);
                foreach (var item in i.Items)
                {
                    Collect(item, ref need);
                }

                return;
            case CallExpr c:
                foreach (var a in c.Arguments)
                {
                    Collect(a, ref need);
                }

                return;
            case ListExpr l:
                foreach (var item in l.Items)
                {
                    Collect(item, ref need);
                }

                return;
        }
    }

    /// <summary>
    /// True when every operator inside is strict in missing facts (no <c>and</c>, <c>or</c>, <c>not</c>, and
    /// <c>in</c> only over fact-free items): the expression is then undetermined exactly when a fact of
    /// <see cref="Need"/> is missing, with those facts as its missing facts.
    /// </summary>
    public bool IsStrict(Expr e) => e switch
    {
        BinaryExpr { Op: BinaryOp.And or BinaryOp.Or } => false,
        UnaryExpr { Op: UnaryOp.Not } => false,
        UnaryExpr u => IsStrict(u.Operand),
        BinaryExpr b => IsStrict(b.Left) && IsStrict(b.Right),
        InExpr i => IsStrict(i.Needle) && i.Items.All(item => Need(item) == 0 && IsStrict(item)),
        CallExpr c => c.Arguments.All(a => a is ListExpr || IsStrict(a)),
        _ => true,
    };

    /// <summary>True when the value may be "none": it reads a none-able scalar fact through strict operators only.</summary>
    public bool MayBeNone(Expr e) => e switch
    {
        FactExpr f => IsNoneable(Declaration(f)),
        UnaryExpr { Op: UnaryOp.Negate } u => MayBeNone(u.Operand),
        BinaryExpr { Op: BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply or BinaryOp.Divide } b => MayBeNone(b.Left) || MayBeNone(b.Right),
        CallExpr { Function: "addYears" or "addMonths" or "addDays" } c => MayBeNone(c.Arguments[0]),
        CallExpr { Function: "yearsBetween" } c => MayBeNone(c.Arguments[0]) || MayBeNone(c.Arguments[1]),
        _ => false,
    };

    /// <summary>True when the expression contains <c>hasAttribute(…)</c> or <c>attribute(…)</c>, which the emitter does not compile.</summary>
    public static bool ReadsAttributes(Expr e) => e switch
    {
        CallExpr { Function: "hasAttribute" or "attribute" } => true,
        CallExpr c => c.Arguments.Any(ReadsAttributes),
        UnaryExpr u => ReadsAttributes(u.Operand),
        BinaryExpr b => ReadsAttributes(b.Left) || ReadsAttributes(b.Right),
        InExpr i => ReadsAttributes(i.Needle) || i.Items.Any(ReadsAttributes),
        ListExpr l => l.Items.Any(ReadsAttributes),
        _ => false,
    };

    /// <summary>A fact whose absence is the value "none" (a bool's none is false and a set's is empty instead).</summary>
    public static bool IsNoneable(FactDeclaration d) =>
        d.AbsentMeansNone && !d.DefaultsToCounty && d.Derived is null && d.Kind is not (FactKind.Bool or FactKind.Set);
}
