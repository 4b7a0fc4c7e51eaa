using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using StandardsKit.Divisions;
using StandardsKit.Expressions;
using StandardsKit.Model;
using StandardsKit.Screening;

namespace StandardsKit.Compilation.Screening;

/// <summary>
/// Emits IL for one condition over a <see cref="ResidentRow"/>, in two forms: two-valued, for when every fact it
/// needs is known (an int32 0 or 1 on the stack, "none" handled as <c>docs/semantics.md</c> says), and
/// three-valued, for when some are missing (a state T=1, F=2, U=3 and the missing facts as two 64-bit masks).
/// </summary>
/// <remarks>
/// Every method of a program shares the argument order (tables, row, state) and loads the known, given and bool
/// masks into locals once. A label a value may jump to when it is "none" is only ever branched to with the
/// evaluation stack as it was when the value's code began, so every path into a label agrees on the stack.
/// </remarks>
internal sealed class ConditionEmitter
{
    public const short TablesArg = 0;
    public const short RowArg = 1;
    public const short StateArg = 2;

    private readonly ILGenerator _il;
    private readonly ScreenTyping _types;
    private readonly Dictionary<Type, Stack<LocalBuilder>> _free = [];
    private readonly LocalBuilder _k0;
    private readonly LocalBuilder _k1;
    private readonly LocalBuilder _g0;
    private readonly LocalBuilder _g1;
    private readonly LocalBuilder _b0;
    private readonly LocalBuilder _b1;
    private readonly LocalBuilder _age;

    public ConditionEmitter(ILGenerator il, ScreenTyping types)
    {
        _il = il;
        _types = types;
        _k0 = LoadToLocal(StateArg, Fields.Known0);
        _k1 = LoadToLocal(StateArg, Fields.Known1);
        _g0 = LoadToLocal(StateArg, Fields.StateGiven0);
        _g1 = LoadToLocal(StateArg, Fields.StateGiven1);
        _b0 = LoadToLocal(StateArg, Fields.Bools0);
        _b1 = LoadToLocal(StateArg, Fields.Bools1);
        _age = LoadToLocal(StateArg, Fields.Age);
    }

    public ILGenerator IL => _il;

    public ScreenTyping Types => _types;

    /// <summary>Branches to <paramref name="missing"/> unless every fact of <paramref name="need"/> is known.</summary>
    public void EmitUnlessKnown(UInt128 need, Label missing)
    {
        foreach (var (known, word) in new[] { (_k0, (ulong)need), (_k1, (ulong)(need >> 64)) })
        {
            if (word == 0)
            {
                continue;
            }

            _il.Emit(OpCodes.Ldloc, known);
            _il.Emit(OpCodes.Ldc_I8, (long)word);
            _il.Emit(OpCodes.And);
            _il.Emit(OpCodes.Ldc_I8, (long)word);
            _il.Emit(OpCodes.Bne_Un, missing);
        }
    }

    // ---------------------------------------------------------------- two-valued

    /// <summary>
    /// Compiles the condition to jumps: falls through when it is true, branches to <paramref name="whenFalse"/>
    /// when false, and to <paramref name="whenMissing"/> as soon as the part it is about to decide needs a missing
    /// fact. <c>and</c>/<c>or</c> short-circuit, so a fact behind an operand that already decides is never needed
    /// (<c>disabilityGrade == 3 and disabilityType in […]</c> is false without the type when the grade is not 3),
    /// exactly as Kleene logic lets a decided operand decide. The stack is empty at every branch.
    /// </summary>
    public void EmitCondition(Expr e, Label whenFalse, Label whenMissing)
    {
        switch (e)
        {
            case BinaryExpr { Op: BinaryOp.And } b:
                EmitCondition(b.Left, whenFalse, whenMissing);
                EmitCondition(b.Right, whenFalse, whenMissing);
                return;
            case BinaryExpr { Op: BinaryOp.Or } b:
            {
                var tryRight = _il.DefineLabel();
                var done = _il.DefineLabel();
                EmitCondition(b.Left, tryRight, whenMissing);
                _il.Emit(OpCodes.Br, done);
                _il.MarkLabel(tryRight);
                EmitCondition(b.Right, whenFalse, whenMissing);
                _il.MarkLabel(done);
                return;
            }

            case UnaryExpr { Op: UnaryOp.Not } u:
            {
                var operandFalse = _il.DefineLabel();
                EmitCondition(u.Operand, operandFalse, whenMissing);
                _il.Emit(OpCodes.Br, whenFalse);
                _il.MarkLabel(operandFalse);
                return;
            }

            default:
                // A strict part (or, rarely, a Kleene operator under a comparison): decided once its facts are known.
                EmitUnlessKnown(_types.Need(e), whenMissing);
                EmitBool(e);
                _il.Emit(OpCodes.Brfalse, whenFalse);
                return;
        }
    }

    /// <summary>Pushes the condition's value as int32 0 or 1; every fact it needs is known.</summary>
    public void EmitBool(Expr e)
    {
        switch (e)
        {
            case LiteralExpr l:
                _il.Emit(l.Value.Bool ? OpCodes.Ldc_I4_1 : OpCodes.Ldc_I4_0);
                return;
            case FactExpr f:
                EmitBitTest(_b0, _b1, _types.Slot(f));
                return;
            case UnaryExpr { Op: UnaryOp.Not } u:
                EmitBool(u.Operand);
                _il.Emit(OpCodes.Ldc_I4_1);
                _il.Emit(OpCodes.Xor);
                return;
            case BinaryExpr { Op: BinaryOp.And } b:
                EmitBool(b.Left);
                EmitBool(b.Right);
                _il.Emit(OpCodes.And);
                return;
            case BinaryExpr { Op: BinaryOp.Or } b:
                EmitBool(b.Left);
                EmitBool(b.Right);
                _il.Emit(OpCodes.Or);
                return;
            case BinaryExpr b:
                EmitComparison(b.Op, b.Left, b.Right);
                return;
            case InExpr i:
                EmitIn(i);
                return;
            case CallExpr c:
                EmitPredicate(c);
                return;
            default:
                throw new InvalidOperationException($"not a condition: {e.GetType().Name}");
        }
    }

    private void EmitComparison(BinaryOp op, Expr left, Expr right)
    {
        var (kind, values) = CommonKind(left, right);
        var mayBeNone = _types.MayBeNone(left) || _types.MayBeNone(right);
        Label? none = mayBeNone ? _il.DefineLabel() : null;
        var a = EmitOperand(left, kind, values, none);
        var b = EmitOperand(right, kind, values, none);
        _il.Emit(OpCodes.Ldloc, a);
        _il.Emit(OpCodes.Ldloc, b);
        Release(a);
        Release(b);
        EmitCompare(op, kind);
        if (none is { } noneLabel)
        {
            // A "none" operand makes every comparison false and != true.
            var done = _il.DefineLabel();
            _il.Emit(OpCodes.Br, done);
            _il.MarkLabel(noneLabel);
            _il.Emit(op == BinaryOp.NotEqual ? OpCodes.Ldc_I4_1 : OpCodes.Ldc_I4_0);
            _il.MarkLabel(done);
        }
    }

    private void EmitIn(InExpr i)
    {
        var kind = ScreenType.Bool;
        ImmutableArray<string> values = default;
        var first = true;
        foreach (var item in i.Items)
        {
            var (k, v) = CommonKind(i.Needle, item);
            kind = first || k == kind ? k : ScreenType.Decimal; // only numbers mix (long and decimal)
            values = v.IsDefault ? values : v;
            first = false;
        }

        if (first)
        {
            _il.Emit(OpCodes.Ldc_I4_0);
            return;
        }

        Label? noneNeedle = _types.MayBeNone(i.Needle) ? _il.DefineLabel() : null;
        var needle = EmitOperand(i.Needle, kind, values, noneNeedle);
        var any = Rent(typeof(int));
        _il.Emit(OpCodes.Ldc_I4_0);
        _il.Emit(OpCodes.Stloc, any);
        foreach (var item in i.Items)
        {
            // x in [a, b] is x == a or x == b: a "none" element equals nothing.
            Label? skip = _types.MayBeNone(item) ? _il.DefineLabel() : null;
            var v = EmitOperand(item, kind, values, skip);
            _il.Emit(OpCodes.Ldloc, any);
            _il.Emit(OpCodes.Ldloc, needle);
            _il.Emit(OpCodes.Ldloc, v);
            EmitCompare(BinaryOp.Equal, kind);
            _il.Emit(OpCodes.Or);
            _il.Emit(OpCodes.Stloc, any);
            Release(v);
            if (skip is { } s)
            {
                _il.MarkLabel(s);
            }
        }

        Release(needle);
        _il.Emit(OpCodes.Ldloc, any);
        Release(any);
        if (noneNeedle is { } n)
        {
            var done = _il.DefineLabel();
            _il.Emit(OpCodes.Br, done);
            _il.MarkLabel(n);
            _il.Emit(OpCodes.Ldc_I4_0);
            _il.MarkLabel(done);
        }
    }

    private void EmitPredicate(CallExpr c)
    {
        switch (c.Function)
        {
            case "within":
            {
                var prefix = DivisionCode.ContainmentPrefix(((LiteralExpr)c.Arguments[1]).Value.Text!);
                Label? none = _types.MayBeNone(c.Arguments[0]) ? _il.DefineLabel() : null;
                EmitValue(c.Arguments[0], none);
                if (prefix.Length == 0)
                {
                    _il.Emit(OpCodes.Pop);
                    _il.Emit(OpCodes.Ldc_I4_1);
                }
                else
                {
                    // Codes nest by prefix: 310104 lies in 310000 because 310104 / 10^4 == 31.
                    _il.Emit(OpCodes.Ldc_I4, Pow10(6 - prefix.Length));
                    _il.Emit(OpCodes.Div);
                    _il.Emit(OpCodes.Ldc_I4, int.Parse(prefix, System.Globalization.CultureInfo.InvariantCulture));
                    _il.Emit(OpCodes.Ceq);
                }

                if (none is { } n)
                {
                    var done = _il.DefineLabel();
                    _il.Emit(OpCodes.Br, done);
                    _il.MarkLabel(n);
                    _il.Emit(OpCodes.Ldc_I4_0);
                    _il.MarkLabel(done);
                }

                return;
            }

            case "has":
            case "hasAny":
            {
                var fact = (FactExpr)c.Arguments[0];
                var slot = _types.Slot(fact);
                var declaration = _types.Declaration(fact);
                IEnumerable<string> members = c.Function == "has"
                    ? [((LiteralExpr)c.Arguments[1]).Value.Text!]
                    : ((ListExpr)c.Arguments[1]).Items.Select(m => ((LiteralExpr)m).Value.Text!);
                var byWord = members.Select(m => declaration.Values.IndexOf(m)).GroupBy(i => i >> 6)
                    .Select(g => (Word: g.Key, Mask: g.Aggregate(0UL, (mask, i) => mask | (1UL << (i & 63))))).ToList();
                _il.Emit(OpCodes.Ldc_I8, 0L);
                foreach (var (word, mask) in byWord)
                {
                    EmitSetWord(slot, declaration, word);
                    _il.Emit(OpCodes.Ldc_I8, (long)mask);
                    _il.Emit(OpCodes.And);
                    _il.Emit(OpCodes.Or);
                }

                _il.Emit(OpCodes.Ldc_I8, 0L);
                _il.Emit(OpCodes.Cgt_Un);
                return;
            }

            case "present":
                // Given (or an age derived from a given birth date): never missing, and a given fact is never "none".
                EmitBitTest(_g0, _g1, _types.Slot((FactExpr)c.Arguments[0]));
                return;
            default:
                throw new InvalidOperationException($"'{c.Function}' is not a condition");
        }
    }

    /// <summary>Pushes the expression's value as its <see cref="ScreenType"/>; branches to <paramref name="none"/> when it is "none".</summary>
    public void EmitValue(Expr e, Label? none)
    {
        var type = _types.TypeOf(e);
        if (type == ScreenType.Bool)
        {
            EmitBool(e);
            return;
        }

        switch (e)
        {
            case LiteralExpr l:
                EmitLiteral(l.Value, type);
                return;
            case FactExpr f:
                EmitFact(f, none);
                return;
            case UnaryExpr u:
                EmitValue(u.Operand, none);
                if (type == ScreenType.Long)
                {
                    _il.Emit(OpCodes.Neg);
                }
                else
                {
                    _il.Emit(OpCodes.Call, Methods.DecimalNegate);
                }

                return;
            case BinaryExpr b:
            {
                var l = EmitOperand(b.Left, ScreenType.Decimal, default, none);
                var r = EmitOperand(b.Right, ScreenType.Decimal, default, none);
                _il.Emit(OpCodes.Ldloc, l);
                _il.Emit(OpCodes.Ldloc, r);
                Release(l);
                Release(r);
                _il.Emit(OpCodes.Call, b.Op switch
                {
                    BinaryOp.Add => Methods.DecimalAdd,
                    BinaryOp.Subtract => Methods.DecimalSubtract,
                    BinaryOp.Multiply => Methods.DecimalMultiply,
                    _ => Methods.DecimalDivide,
                });
                return;
            }

            case CallExpr { Function: "evaluationDate" }:
                _il.Emit(OpCodes.Ldarg_0);
                _il.Emit(OpCodes.Ldfld, Fields.OnDay);
                return;
            case CallExpr { Function: "addYears" or "addMonths" or "addDays" } c:
            {
                EmitValue(c.Arguments[0], none);
                _il.Emit(OpCodes.Ldc_I4, ShiftAmount(c.Arguments[1]));
                if (c.Function == "addDays")
                {
                    _il.Emit(OpCodes.Add);
                }
                else
                {
                    _il.Emit(OpCodes.Call, c.Function == "addYears" ? Methods.AddYears : Methods.AddMonths);
                }

                return;
            }

            case CallExpr { Function: "yearsBetween" } c:
            {
                var a = EmitOperand(c.Arguments[0], ScreenType.Date, default, none);
                var b = EmitOperand(c.Arguments[1], ScreenType.Date, default, none);
                _il.Emit(OpCodes.Ldloc, a);
                _il.Emit(OpCodes.Ldloc, b);
                Release(a);
                Release(b);
                _il.Emit(OpCodes.Call, Methods.YearsBetween);
                return;
            }

            default:
                throw new InvalidOperationException($"no value for {e.GetType().Name}");
        }
    }

    /// <summary>Evaluates an operand into a fresh local of the comparison's type (string literals become enum indexes or codes).</summary>
    private LocalBuilder EmitOperand(Expr e, ScreenType kind, ImmutableArray<string> enumValues, Label? none)
    {
        var own = _types.TypeOf(e);
        if (e is LiteralExpr { Value.Kind: ValueKind.String } s && kind is ScreenType.Enum or ScreenType.Division)
        {
            _il.Emit(OpCodes.Ldc_I4, kind == ScreenType.Enum
                ? enumValues.IndexOf(s.Value.Text!)
                : int.Parse(s.Value.Text!, System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            EmitValue(e, none);
            if (kind == ScreenType.Decimal && own == ScreenType.Long)
            {
                _il.Emit(OpCodes.Call, Methods.DecimalFromLong);
            }
        }

        var local = Rent(ClrType(kind));
        _il.Emit(OpCodes.Stloc, local);
        return local;
    }

    private (ScreenType Kind, ImmutableArray<string> EnumValues) CommonKind(Expr left, Expr right)
    {
        var (l, r) = (_types.TypeOf(left), _types.TypeOf(right));
        var values = left is FactExpr lf && l == ScreenType.Enum ? _types.Declaration(lf).Values
            : right is FactExpr rf && r == ScreenType.Enum ? _types.Declaration(rf).Values : default;
        if (l == r)
        {
            return (l, values);
        }

        if (l is ScreenType.Long or ScreenType.Decimal && r is ScreenType.Long or ScreenType.Decimal)
        {
            return (ScreenType.Decimal, values);
        }

        if (l == ScreenType.Text && r is ScreenType.Enum or ScreenType.Division)
        {
            return (r, values);
        }

        if (r == ScreenType.Text && l is ScreenType.Enum or ScreenType.Division)
        {
            return (l, values);
        }

        throw new InvalidOperationException($"cannot compare {l} with {r}");
    }

    private void EmitCompare(BinaryOp op, ScreenType kind)
    {
        if (kind == ScreenType.Decimal)
        {
            _il.Emit(OpCodes.Call, op switch
            {
                BinaryOp.Equal => Methods.DecimalEqual,
                BinaryOp.NotEqual => Methods.DecimalNotEqual,
                BinaryOp.Less => Methods.DecimalLess,
                BinaryOp.LessOrEqual => Methods.DecimalLessOrEqual,
                BinaryOp.Greater => Methods.DecimalGreater,
                _ => Methods.DecimalGreaterOrEqual,
            });
            return;
        }

        if (kind == ScreenType.Text)
        {
            _il.Emit(OpCodes.Call, Methods.StringEquals);
            if (op == BinaryOp.NotEqual)
            {
                EmitNot();
            }

            return;
        }

        switch (op)
        {
            case BinaryOp.Equal:
                _il.Emit(OpCodes.Ceq);
                break;
            case BinaryOp.NotEqual:
                _il.Emit(OpCodes.Ceq);
                EmitNot();
                break;
            case BinaryOp.Less:
                _il.Emit(OpCodes.Clt);
                break;
            case BinaryOp.LessOrEqual:
                _il.Emit(OpCodes.Cgt);
                EmitNot();
                break;
            case BinaryOp.Greater:
                _il.Emit(OpCodes.Cgt);
                break;
            default:
                _il.Emit(OpCodes.Clt);
                EmitNot();
                break;
        }
    }

    private void EmitNot()
    {
        _il.Emit(OpCodes.Ldc_I4_0);
        _il.Emit(OpCodes.Ceq);
    }

    private void EmitLiteral(Value v, ScreenType type)
    {
        switch (type)
        {
            case ScreenType.Long:
                _il.Emit(OpCodes.Ldc_I8, (long)v.Number);
                return;
            case ScreenType.Decimal:
                EmitDecimal(v.Number);
                return;
            case ScreenType.Date:
                _il.Emit(OpCodes.Ldc_I4, v.Date.DayNumber);
                return;
            default:
                _il.Emit(OpCodes.Ldstr, v.Text!);
                return;
        }
    }

    private void EmitDecimal(decimal d)
    {
        var bits = decimal.GetBits(d);
        _il.Emit(OpCodes.Ldc_I4, bits[0]);
        _il.Emit(OpCodes.Ldc_I4, bits[1]);
        _il.Emit(OpCodes.Ldc_I4, bits[2]);
        _il.Emit(bits[3] < 0 ? OpCodes.Ldc_I4_1 : OpCodes.Ldc_I4_0);
        _il.Emit(OpCodes.Ldc_I4, (bits[3] >> 16) & 0xFF);
        _il.Emit(OpCodes.Newobj, Methods.DecimalCtor);
    }

    private void EmitFact(FactExpr f, Label? none)
    {
        var slot = _types.Slot(f);
        var d = _types.Declaration(f);
        var layout = _types.Layout;
        var info = layout.Slots[slot];
        if (d.DefaultsToCounty)
        {
            // Not given, it is the county being evaluated: never missing.
            var useCounty = _il.DefineLabel();
            var done = _il.DefineLabel();
            EmitBitTest(_g0, _g1, slot);
            _il.Emit(OpCodes.Brfalse, useCounty);
            EmitCell(info, typeof(int));
            _il.Emit(OpCodes.Br, done);
            _il.MarkLabel(useCounty);
            _il.Emit(OpCodes.Ldarg_0);
            _il.Emit(OpCodes.Ldfld, Fields.County);
            _il.MarkLabel(done);
            return;
        }

        if (ScreenTyping.IsNoneable(d))
        {
            EmitBitTest(_g0, _g1, slot);
            _il.Emit(OpCodes.Brfalse, none ?? throw new InvalidOperationException($"fact '{d.Name}' may be none but no label takes it"));
        }

        if (d.Derived is not null)
        {
            // The derived age (or, without a birth date, the stated one) is in the row state; a second derived slot
            // reads its own stated value when no birth date is given.
            if (layout.AgeSlots[0] == slot)
            {
                _il.Emit(OpCodes.Ldloc, _age);
                return;
            }

            var own = _il.DefineLabel();
            var done = _il.DefineLabel();
            _il.Emit(OpCodes.Ldarg_2);
            _il.Emit(OpCodes.Ldfld, Fields.BirthGiven);
            _il.Emit(OpCodes.Brfalse, own);
            _il.Emit(OpCodes.Ldarg_2);
            _il.Emit(OpCodes.Ldfld, Fields.Age);
            _il.Emit(OpCodes.Br, done);
            _il.MarkLabel(own);
            EmitCell(info, typeof(long));
            _il.MarkLabel(done);
            return;
        }

        switch (d.Kind)
        {
            case FactKind.Int:
                EmitCell(info, typeof(long));
                return;
            case FactKind.Decimal:
                EmitCellAddress(info.Cell);
                _il.Emit(OpCodes.Ldobj, typeof(decimal));
                return;
            case FactKind.String:
                _il.Emit(OpCodes.Ldarg_1);
                _il.Emit(OpCodes.Ldfld, Fields.Texts);
                _il.Emit(OpCodes.Ldc_I4, info.Cell);
                _il.Emit(OpCodes.Ldelem_Ref);
                return;
            case FactKind.Date or FactKind.Enum or FactKind.Division:
                EmitCell(info, typeof(int));
                return;
            default:
                throw new InvalidOperationException($"fact '{d.Name}' ({d.Kind}) is read only through its functions");
        }
    }

    /// <summary>Pushes one 64-bit word of a set fact's members (zero for an absent "none" set).</summary>
    private void EmitSetWord(int slot, FactDeclaration d, int word)
    {
        var info = _types.Layout.Slots[slot];
        if (!d.AbsentMeansNone)
        {
            EmitCellAddress(info.Cell + word);
            _il.Emit(OpCodes.Ldind_I8);
            return;
        }

        var read = _il.DefineLabel();
        var done = _il.DefineLabel();
        EmitBitTest(_g0, _g1, slot);
        _il.Emit(OpCodes.Brtrue, read);
        _il.Emit(OpCodes.Ldc_I8, 0L);
        _il.Emit(OpCodes.Br, done);
        _il.MarkLabel(read);
        EmitCellAddress(info.Cell + word);
        _il.Emit(OpCodes.Ldind_I8);
        _il.MarkLabel(done);
    }

    private void EmitCell(RowSlot info, Type as_)
    {
        EmitCellAddress(info.Cell);
        _il.Emit(OpCodes.Ldind_I8);
        if (as_ == typeof(int))
        {
            _il.Emit(OpCodes.Conv_I4);
        }
    }

    private void EmitCellAddress(int cell)
    {
        if (cell < RowCells.Capacity)
        {
            _il.Emit(OpCodes.Ldarg_1);
            _il.Emit(OpCodes.Ldflda, Fields.Cells);
            if (cell > 0)
            {
                _il.Emit(OpCodes.Ldc_I4, cell * sizeof(long));
                _il.Emit(OpCodes.Add);
            }

            return;
        }

        _il.Emit(OpCodes.Ldarg_1);
        _il.Emit(OpCodes.Ldfld, Fields.Spill);
        _il.Emit(OpCodes.Ldc_I4, cell - RowCells.Capacity);
        _il.Emit(OpCodes.Ldelema, typeof(long));
    }

    /// <summary>Pushes int32 1 when the slot's bit is set in the mask held in (low, high).</summary>
    private void EmitBitTest(LocalBuilder low, LocalBuilder high, int slot)
    {
        _il.Emit(OpCodes.Ldloc, slot < 64 ? low : high);
        _il.Emit(OpCodes.Ldc_I8, (long)(1UL << (slot & 63)));
        _il.Emit(OpCodes.And);
        _il.Emit(OpCodes.Ldc_I8, 0L);
        _il.Emit(OpCodes.Cgt_Un);
    }

    // ---------------------------------------------------------------- three-valued

    /// <summary>
    /// Evaluates the condition under Kleene logic into locals: a state (T=1, F=2, U=3) and, when U, the missing
    /// facts (zero otherwise). The caller releases them.
    /// </summary>
    public Tri EmitTri(Expr e)
    {
        if (_types.IsStrict(e))
        {
            return EmitStrict(e);
        }

        switch (e)
        {
            case UnaryExpr { Op: UnaryOp.Not } u:
            {
                var t = EmitTri(u.Operand);

                // Swap the "may be true" and "may be false" bits: T and F trade places, U stays.
                _il.Emit(OpCodes.Ldloc, t.State);
                _il.Emit(OpCodes.Ldc_I4_1);
                _il.Emit(OpCodes.And);
                _il.Emit(OpCodes.Ldc_I4_1);
                _il.Emit(OpCodes.Shl);
                _il.Emit(OpCodes.Ldloc, t.State);
                _il.Emit(OpCodes.Ldc_I4_1);
                _il.Emit(OpCodes.Shr_Un);
                _il.Emit(OpCodes.Or);
                _il.Emit(OpCodes.Stloc, t.State);
                return t;
            }

            case BinaryExpr { Op: BinaryOp.And or BinaryOp.Or } b:
                return Kleene(EmitTri(b.Left), EmitTri(b.Right), b.Op == BinaryOp.And);
            case InExpr i:
            {
                // x in [a, b] is x == a or x == b in Kleene logic.
                Tri? any = null;
                foreach (var item in i.Items)
                {
                    var equal = EmitTri(new BinaryExpr(BinaryOp.Equal, i.Needle, item, i.Start, i.Length));
                    any = any is { } so_far ? Kleene(so_far, equal, and: false) : equal;
                }

                return any ?? EmitStrict(new LiteralExpr(Value.False, i.Start, i.Length));
            }

            case BinaryExpr { Op: BinaryOp.Equal or BinaryOp.NotEqual } b:
                return StrictBoolEquality(EmitTri(b.Left), EmitTri(b.Right), b.Op == BinaryOp.Equal);
            default:
                throw new InvalidOperationException($"no three-valued form for {e}");
        }
    }

    /// <summary>A strict condition is undetermined exactly when a fact it needs is missing, with those facts missing.</summary>
    private Tri EmitStrict(Expr e)
    {
        var t = new Tri(Rent(typeof(int)), Rent(typeof(ulong)), Rent(typeof(ulong)));
        var need = _types.Need(e);
        var decided = _il.DefineLabel();
        var done = _il.DefineLabel();
        var words = new[] { (Known: _k0, Mask: t.Missing0, Need: (ulong)need), (Known: _k1, Mask: t.Missing1, Need: (ulong)(need >> 64)) };
        foreach (var (known, mask, word) in words)
        {
            if (word == 0)
            {
                _il.Emit(OpCodes.Ldc_I8, 0L);
            }
            else
            {
                _il.Emit(OpCodes.Ldloc, known);
                _il.Emit(OpCodes.Not);
                _il.Emit(OpCodes.Ldc_I8, (long)word);
                _il.Emit(OpCodes.And);
            }

            _il.Emit(OpCodes.Stloc, mask);
        }

        if (need != 0)
        {
            _il.Emit(OpCodes.Ldloc, t.Missing0);
            _il.Emit(OpCodes.Ldloc, t.Missing1);
            _il.Emit(OpCodes.Or);
            _il.Emit(OpCodes.Brfalse, decided);
            EmitAgeAsBirthDate(need, t);
            _il.Emit(OpCodes.Ldc_I4_3);
            _il.Emit(OpCodes.Stloc, t.State);
            _il.Emit(OpCodes.Br, done);
        }

        _il.MarkLabel(decided);
        _il.Emit(OpCodes.Ldc_I4_2);
        EmitBool(e);
        _il.Emit(OpCodes.Sub);
        _il.Emit(OpCodes.Stloc, t.State);
        _il.MarkLabel(done);
        return t;
    }

    /// <summary>A missing derived age is reported as its missing input, the birth date (as evaluation does).</summary>
    private void EmitAgeAsBirthDate(UInt128 need, Tri t)
    {
        var layout = _types.Layout;
        var birth = layout.Birth?.Slot ?? -1;
        foreach (var age in layout.AgeSlots)
        {
            if ((need & (UInt128.One << age)) == 0)
            {
                continue;
            }

            var skip = _il.DefineLabel();
            var ageMask = age < 64 ? t.Missing0 : t.Missing1;
            var ageBit = (long)(1UL << (age & 63));
            _il.Emit(OpCodes.Ldarg_2);
            _il.Emit(OpCodes.Ldfld, Fields.ReplaceAge);
            _il.Emit(OpCodes.Brfalse, skip);
            _il.Emit(OpCodes.Ldloc, ageMask);
            _il.Emit(OpCodes.Ldc_I8, ageBit);
            _il.Emit(OpCodes.And);
            _il.Emit(OpCodes.Brfalse, skip);
            _il.Emit(OpCodes.Ldloc, ageMask);
            _il.Emit(OpCodes.Ldc_I8, ~ageBit);
            _il.Emit(OpCodes.And);
            _il.Emit(OpCodes.Stloc, ageMask);
            if (birth >= 0)
            {
                var birthMask = birth < 64 ? t.Missing0 : t.Missing1;
                _il.Emit(OpCodes.Ldloc, birthMask);
                _il.Emit(OpCodes.Ldc_I8, (long)(1UL << (birth & 63)));
                _il.Emit(OpCodes.Or);
                _il.Emit(OpCodes.Stloc, birthMask);
            }

            _il.MarkLabel(skip);
        }
    }

    /// <summary>
    /// Kleene and/or on the two-bit encoding (bit 0 "may be true", bit 1 "may be false"): a decided operand
    /// decides; an undetermined result keeps the missing facts of its undetermined operands only.
    /// </summary>
    private Tri Kleene(Tri a, Tri b, bool and)
    {
        _il.Emit(OpCodes.Ldloc, a.State);
        _il.Emit(OpCodes.Ldloc, b.State);
        _il.Emit(and ? OpCodes.And : OpCodes.Or);
        _il.Emit(OpCodes.Ldc_I4_1);
        _il.Emit(OpCodes.And);
        _il.Emit(OpCodes.Ldloc, a.State);
        _il.Emit(OpCodes.Ldloc, b.State);
        _il.Emit(and ? OpCodes.Or : OpCodes.And);
        _il.Emit(OpCodes.Ldc_I4_2);
        _il.Emit(OpCodes.And);
        _il.Emit(OpCodes.Or);
        _il.Emit(OpCodes.Stloc, a.State);
        MergeMasks(a, b);
        return a;
    }

    private Tri StrictBoolEquality(Tri a, Tri b, bool equal)
    {
        var unknown = _il.DefineLabel();
        var done = _il.DefineLabel();
        _il.Emit(OpCodes.Ldloc, a.State);
        _il.Emit(OpCodes.Ldc_I4_3);
        _il.Emit(OpCodes.Beq, unknown);
        _il.Emit(OpCodes.Ldloc, b.State);
        _il.Emit(OpCodes.Ldc_I4_3);
        _il.Emit(OpCodes.Beq, unknown);

        // Both decided: T (1) when the truth values agree (or, for !=, differ); F (2) otherwise.
        _il.Emit(OpCodes.Ldc_I4_2);
        _il.Emit(OpCodes.Ldloc, a.State);
        _il.Emit(OpCodes.Ldloc, b.State);
        _il.Emit(OpCodes.Ceq);
        if (!equal)
        {
            EmitNot();
        }

        _il.Emit(OpCodes.Sub);
        _il.Emit(OpCodes.Stloc, a.State);
        _il.Emit(OpCodes.Br, done);
        _il.MarkLabel(unknown);
        _il.Emit(OpCodes.Ldc_I4_3);
        _il.Emit(OpCodes.Stloc, a.State);
        _il.MarkLabel(done);
        MergeMasks(a, b);
        return a;
    }

    /// <summary>a's masks become a ∪ b when a is undetermined, zero when decided; b is released.</summary>
    private void MergeMasks(Tri a, Tri b)
    {
        var decided = _il.DefineLabel();
        var done = _il.DefineLabel();
        _il.Emit(OpCodes.Ldloc, a.State);
        _il.Emit(OpCodes.Ldc_I4_3);
        _il.Emit(OpCodes.Bne_Un, decided);
        foreach (var (x, y) in new[] { (a.Missing0, b.Missing0), (a.Missing1, b.Missing1) })
        {
            _il.Emit(OpCodes.Ldloc, x);
            _il.Emit(OpCodes.Ldloc, y);
            _il.Emit(OpCodes.Or);
            _il.Emit(OpCodes.Stloc, x);
        }

        _il.Emit(OpCodes.Br, done);
        _il.MarkLabel(decided);
        foreach (var x in new[] { a.Missing0, a.Missing1 })
        {
            _il.Emit(OpCodes.Ldc_I8, 0L);
            _il.Emit(OpCodes.Stloc, x);
        }

        _il.MarkLabel(done);
        Release(b);
    }

    // ---------------------------------------------------------------- locals

    public LocalBuilder Rent(Type type)
    {
        if (_free.TryGetValue(type, out var stack) && stack.Count > 0)
        {
            return stack.Pop();
        }

        return _il.DeclareLocal(type);
    }

    public void Release(LocalBuilder local)
    {
        if (!_free.TryGetValue(local.LocalType, out var stack))
        {
            _free[local.LocalType] = stack = new Stack<LocalBuilder>();
        }

        stack.Push(local);
    }

    public void Release(Tri t)
    {
        Release(t.State);
        Release(t.Missing0);
        Release(t.Missing1);
    }

    private LocalBuilder LoadToLocal(short arg, FieldInfo field)
    {
        var local = _il.DeclareLocal(field.FieldType);
        _il.Emit(OpCodes.Ldarg, arg);
        _il.Emit(OpCodes.Ldfld, field);
        _il.Emit(OpCodes.Stloc, local);
        return local;
    }

    private static Type ClrType(ScreenType t) => t switch
    {
        ScreenType.Long => typeof(long),
        ScreenType.Decimal => typeof(decimal),
        ScreenType.Text => typeof(string),
        ScreenType.Set => typeof(ulong),
        _ => typeof(int),
    };

    private static int ShiftAmount(Expr e) => e switch
    {
        LiteralExpr l => (int)l.Value.Number,
        UnaryExpr { Operand: LiteralExpr l } => -(int)l.Value.Number,
        _ => throw new InvalidOperationException("a shift amount is a number written out"),
    };

    private static int Pow10(int n)
    {
        var p = 1;
        for (var i = 0; i < n; i++)
        {
            p *= 10;
        }

        return p;
    }
}

/// <summary>A three-valued result in locals: state T=1, F=2, U=3 and, when U, the missing facts.</summary>
internal readonly record struct Tri(LocalBuilder State, LocalBuilder Missing0, LocalBuilder Missing1);
