using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using StandardsKit.Diagnostics;
using StandardsKit.Model;

namespace StandardsKit.Expressions;

/// <summary>
/// Type-checks an expression against the fact vocabulary and compiles it to a tree of closures in one pass.
/// Closures, not Roslyn or dynamic LINQ: nothing but the closed set of operations below can run.
/// </summary>
internal sealed partial class Binder
{
    private static readonly string[] FunctionNames =
        ["within", "has", "hasAny", "present", "evaluationDate", "addYears", "addMonths", "addDays", "yearsBetween", "date"];

    private readonly FactVocabulary _facts;
    private readonly List<string> _used = [];

    private Binder(FactVocabulary facts) => _facts = facts;

    /// <summary>Parses, checks and compiles a condition; throws <see cref="ExpressionException"/> on the first error.</summary>
    public static CompiledExpression CompileCondition(string text, FactVocabulary facts)
    {
        var syntax = Parser.Parse(text);
        return CompileCondition(text, syntax, facts);
    }

    private static CompiledExpression CompileCondition(string text, Expr syntax, FactVocabulary facts)
    {
        var binder = new Binder(facts);
        var (type, evaluator) = binder.Bind(syntax);
        if (type.Kind != TypeKind.Bool)
        {
            throw Error(DiagnosticCodes.ExpressionType, syntax.Start, $"a condition must be true or false, but this is a {type}",
                "compare it, e.g. 'age >= 65'");
        }

        var parts = ImmutableArray<CompiledExpression>.Empty;
        if (syntax is BinaryExpr { Op: BinaryOp.And or BinaryOp.Or } top)
        {
            parts = [.. Flatten(top, top.Op).Select(p => CompileCondition(text, p, facts))];
        }

        return new CompiledExpression(text, syntax, evaluator, [.. binder._used.Distinct(StringComparer.Ordinal)], parts);
    }

    private static IEnumerable<Expr> Flatten(Expr e, BinaryOp op) =>
        e is BinaryExpr b && b.Op == op ? Flatten(b.Left, op).Concat(Flatten(b.Right, op)) : [e];

    private (ExprType Type, Evaluator Eval) Bind(Expr expr) => expr switch
    {
        LiteralExpr l => (TypeOfLiteral(l.Value), _ => l.Value),
        FactExpr f => BindFact(f),
        UnaryExpr u => BindUnary(u),
        BinaryExpr { Op: BinaryOp.And or BinaryOp.Or } b => BindLogical(b),
        BinaryExpr b when IsComparison(b.Op) => BindComparison(b),
        BinaryExpr b => BindArithmetic(b),
        InExpr i => BindIn(i),
        CallExpr c => BindCall(c),
        ListExpr l => throw Error(DiagnosticCodes.ExpressionType, l.Start, "a list can only follow 'in' or be a function argument", null),
        _ => throw new InvalidOperationException("unknown syntax node"),
    };

    private static ExprType TypeOfLiteral(Value v) => v.Kind switch
    {
        ValueKind.Bool => ExprType.Bool,
        ValueKind.Number => ExprType.Number,
        ValueKind.Date => ExprType.Date,
        _ => ExprType.String,
    };

    private (ExprType, Evaluator) BindFact(FactExpr f)
    {
        if (!_facts.TryGet(f.Name, out var declaration, out var slot))
        {
            var help = Suggestions.DidYouMean(f.Name, _facts.Names.Concat(FunctionNames))
                       ?? "declare it in standards/facts.yaml or use a declared fact";
            throw Error(DiagnosticCodes.UnknownFact, f.Start, $"unknown fact '{f.Name}'", help);
        }

        _used.Add(f.Name);
        var type = declaration.Kind switch
        {
            FactKind.Bool => ExprType.Bool,
            FactKind.Int or FactKind.Decimal => ExprType.Number,
            FactKind.Date => ExprType.Date,
            FactKind.String => ExprType.String,
            FactKind.Division => ExprType.Division,
            FactKind.Enum => new ExprType(TypeKind.Enum, declaration.Values),
            _ => new ExprType(TypeKind.Set, declaration.Values),
        };
        return (type, frame => frame.Slots[slot]);
    }

    private (ExprType, Evaluator) BindUnary(UnaryExpr u)
    {
        var (type, operand) = Bind(u.Operand);
        if (u.Op == UnaryOp.Not)
        {
            RequireBool(type, u.Operand, "'not'");
            return (ExprType.Bool, frame =>
            {
                var v = operand(frame);
                return v.Kind == ValueKind.Bool ? Value.Of(!v.Bool) : v;
            });
        }

        RequireNumber(type, u.Operand, "'-'");
        return (ExprType.Number, frame =>
        {
            var v = operand(frame);
            return v.Kind == ValueKind.Number ? Value.Of(-v.Number) : v;
        });
    }

    private (ExprType, Evaluator) BindLogical(BinaryExpr b)
    {
        var (lt, left) = Bind(b.Left);
        var (rt, right) = Bind(b.Right);
        var word = b.Op == BinaryOp.And ? "'and'" : "'or'";
        RequireBool(lt, b.Left, word);
        RequireBool(rt, b.Right, word);

        // Kleene logic: a decided operand decides the result even when the other is undetermined.
        var decisive = b.Op == BinaryOp.Or;
        return (ExprType.Bool, frame =>
        {
            var l = left(frame);
            if (l.Kind == ValueKind.Bool && l.Bool == decisive)
            {
                return l;
            }

            var r = right(frame);
            if (r.Kind == ValueKind.Bool && r.Bool == decisive)
            {
                return r;
            }

            if (l.IsUnknown || r.IsUnknown)
            {
                return Value.Unknown((l.IsUnknown ? l.Missing : 0) | (r.IsUnknown ? r.Missing : 0));
            }

            return Value.Of(!decisive);
        });
    }

    private static bool IsComparison(BinaryOp op) => op is BinaryOp.Equal or BinaryOp.NotEqual or BinaryOp.Less
        or BinaryOp.LessOrEqual or BinaryOp.Greater or BinaryOp.GreaterOrEqual;

    private (ExprType, Evaluator) BindComparison(BinaryExpr b)
    {
        var (lt, left) = Bind(b.Left);
        var (rt, right) = Bind(b.Right);
        var op = b.Op;
        if (op is BinaryOp.Equal or BinaryOp.NotEqual)
        {
            CheckComparable(lt, b.Left, rt, b.Right);
            var negate = op == BinaryOp.NotEqual;
            Func<Value, Value, Value> equal = (l, r) => Value.Of(AreEqual(l, r) != negate);
            return (ExprType.Bool, frame => Strict(left(frame), right(frame), equal));
        }

        if (!((lt.Kind == TypeKind.Number && rt.Kind == TypeKind.Number) || (lt.Kind == TypeKind.Date && rt.Kind == TypeKind.Date)))
        {
            throw Error(DiagnosticCodes.ExpressionType, b.Start,
                $"'{BinaryOpText.Of(op)}' compares two numbers or two dates, not a {lt} and a {rt}", null);
        }

        // Delegates built once here, not per evaluation: a lambda that captures allocates each time it is created.
        Func<Value, Value, Value> compare = (l, r) =>
        {
            var c = l.Kind == ValueKind.Number ? l.Number.CompareTo(r.Number) : l.Date.CompareTo(r.Date);
            return Value.Of(op switch
            {
                BinaryOp.Less => c < 0,
                BinaryOp.LessOrEqual => c <= 0,
                BinaryOp.Greater => c > 0,
                _ => c >= 0,
            });
        };
        return (ExprType.Bool, frame => Strict(left(frame), right(frame), compare));
    }

    private (ExprType, Evaluator) BindArithmetic(BinaryExpr b)
    {
        var (lt, left) = Bind(b.Left);
        var (rt, right) = Bind(b.Right);
        var symbol = $"'{BinaryOpText.Of(b.Op)}'";
        RequireNumber(lt, b.Left, symbol);
        RequireNumber(rt, b.Right, symbol);
        if (b.Op == BinaryOp.Divide && b.Right is LiteralExpr { Value: { Kind: ValueKind.Number, Number: 0 } })
        {
            throw Error(DiagnosticCodes.ExpressionType, b.Right.Start, "division by zero", null);
        }

        var op = b.Op;
        Func<Value, Value, Value> arithmetic = (l, r) =>
        {
            try
            {
                return op switch
                {
                    BinaryOp.Add => Value.Of(l.Number + r.Number),
                    BinaryOp.Subtract => Value.Of(l.Number - r.Number),
                    BinaryOp.Multiply => Value.Of(l.Number * r.Number),
                    _ => r.Number == 0 ? Value.NoneValue : Value.Of(l.Number / r.Number),
                };
            }
            catch (OverflowException)
            {
                // A result beyond decimal's range has no meaningful value; "none" keeps evaluation total.
                return Value.NoneValue;
            }
        };
        return (ExprType.Number, frame => Strict(left(frame), right(frame), arithmetic, arithmetic: true));
    }

    private (ExprType, Evaluator) BindIn(InExpr i)
    {
        var (needleType, needle) = Bind(i.Needle);
        var items = new List<Evaluator>();
        foreach (var item in i.Items)
        {
            var (itemType, eval) = Bind(item);
            CheckComparable(needleType, i.Needle, itemType, item);
            items.Add(eval);
        }

        var array = items.ToArray();
        return (ExprType.Bool, frame =>
        {
            var n = needle(frame);
            if (n.IsUnknown)
            {
                return n;
            }

            if (n.Kind == ValueKind.None)
            {
                return Value.False;
            }

            UInt128 missing = 0;
            foreach (var e in array)
            {
                var v = e(frame);
                if (v.IsUnknown)
                {
                    missing |= v.Missing;
                }
                else if (v.Kind != ValueKind.None && AreEqual(n, v))
                {
                    return Value.True;
                }
            }

            return missing != 0 ? Value.Unknown(missing) : Value.False;
        });
    }

    private (ExprType, Evaluator) BindCall(CallExpr c)
    {
        switch (c.Function)
        {
            case "within":
            {
                Arity(c, 2);
                var (t, code) = Bind(c.Arguments[0]);
                if (t.Kind != TypeKind.Division)
                {
                    throw Error(DiagnosticCodes.ExpressionType, c.Arguments[0].Start, $"within(…) takes a division-code fact first, not a {t}",
                        "e.g. within(hukou, \"310000\")");
                }

                var ancestor = RequireStringLiteral(c.Arguments[1], "a 6-digit division code");
                if (!DivisionCodeRegex().IsMatch(ancestor))
                {
                    throw Error(DiagnosticCodes.ExpressionType, c.Arguments[1].Start, $"'{ancestor}' is not a 6-digit division code",
                        "e.g. \"310000\" for Shanghai");
                }

                var prefix = Divisions.DivisionCode.ContainmentPrefix(ancestor);
                return (ExprType.Bool, Test(code, ValueKind.String, v => v.Text!.StartsWith(prefix, StringComparison.Ordinal)));
            }

            case "has":
            {
                Arity(c, 2);
                var (t, set) = BindSet(c.Arguments[0], "has");
                var member = RequireStringLiteral(c.Arguments[1], "a value of the set");
                CheckEnumValue(t.Values, member, c.Arguments[1]);
                return (ExprType.Bool, Test(set, ValueKind.Set, v => v.Set!.Contains(member)));
            }

            case "hasAny":
            {
                Arity(c, 2);
                var (t, set) = BindSet(c.Arguments[0], "hasAny");
                if (c.Arguments[1] is not ListExpr list)
                {
                    throw Error(DiagnosticCodes.ExpressionType, c.Arguments[1].Start, "hasAny(…) takes a list of values second",
                        "e.g. hasAny(militaryStatus, [\"veteran\", \"martyrFamily\"])");
                }

                var members = list.Items.Select(item =>
                {
                    var m = RequireStringLiteral(item, "a value of the set");
                    CheckEnumValue(t.Values, m, item);
                    return m;
                }).ToFrozenSet(StringComparer.Ordinal);
                return (ExprType.Bool, Test(set, ValueKind.Set, v => v.Set!.Overlaps(members)));
            }

            case "present":
            {
                Arity(c, 1);
                if (c.Arguments[0] is not FactExpr fact)
                {
                    throw Error(DiagnosticCodes.ExpressionType, c.Arguments[0].Start, "present(…) takes a fact name", "e.g. present(disabilityGrade)");
                }

                var (_, eval) = BindFact(fact);
                return (ExprType.Bool, frame => Value.Of(eval(frame).Kind is not (ValueKind.Unknown or ValueKind.None)));
            }

            case "evaluationDate":
                Arity(c, 0);
                return (ExprType.Date, frame => Value.Of(frame.On));

            case "addYears":
            case "addMonths":
            case "addDays":
            {
                Arity(c, 2);
                var (dt, date) = Bind(c.Arguments[0]);
                var (nt, amount) = Bind(c.Arguments[1]);
                if (dt.Kind != TypeKind.Date)
                {
                    throw Error(DiagnosticCodes.ExpressionType, c.Arguments[0].Start, $"{c.Function}(…) takes a date first, not a {dt}", null);
                }

                RequireNumber(nt, c.Arguments[1], c.Function + "(…)");
                var fn = c.Function;
                Func<Value, Value, Value> shift = (d, n) =>
                {
                    if (n.Number != decimal.Truncate(n.Number) || Math.Abs(n.Number) > 100_000)
                    {
                        return Value.NoneValue;
                    }

                    var k = (int)n.Number;
                    try
                    {
                        return Value.Of(fn switch
                        {
                            "addYears" => d.Date.AddYears(k),
                            "addMonths" => d.Date.AddMonths(k),
                            _ => d.Date.AddDays(k),
                        });
                    }
                    catch (ArgumentOutOfRangeException)
                    {
                        return Value.NoneValue;
                    }
                };
                return (ExprType.Date, frame => Strict(date(frame), amount(frame), shift, arithmetic: true));
            }

            case "yearsBetween":
            {
                Arity(c, 2);
                var (at, a) = Bind(c.Arguments[0]);
                var (bt, b) = Bind(c.Arguments[1]);
                if (at.Kind != TypeKind.Date || bt.Kind != TypeKind.Date)
                {
                    throw Error(DiagnosticCodes.ExpressionType, c.Start, "yearsBetween(…) takes two dates", "e.g. yearsBetween(birthDate, evaluationDate())");
                }

                Func<Value, Value, Value> years = static (x, y) => Value.Of(CompletedYears(x.Date, y.Date));
                return (ExprType.Number, frame => Strict(a(frame), b(frame), years, arithmetic: true));
            }

            default:
                throw Error(DiagnosticCodes.UnknownFunction, c.Start, $"unknown function '{c.Function}'",
                    Suggestions.DidYouMean(c.Function, FunctionNames) ?? "functions: " + string.Join(", ", FunctionNames));
        }
    }

    /// <summary>A predicate on one operand: undetermined stays undetermined, a value of another kind ("none") is false.</summary>
    private static Evaluator Test(Evaluator operand, ValueKind kind, Func<Value, bool> predicate) => frame =>
    {
        var v = operand(frame);
        return v.Kind == kind ? Value.Of(predicate(v)) : v.IsUnknown ? v : Value.False;
    };

    /// <summary>Completed years from <paramref name="from"/> to <paramref name="to"/>: how age is counted.</summary>
    internal static int CompletedYears(DateOnly from, DateOnly to)
    {
        var years = to.Year - from.Year;
        if (to.Month < from.Month || (to.Month == from.Month && to.Day < from.Day))
        {
            years--;
        }

        return years;
    }

    private (ExprType, Evaluator) BindSet(Expr e, string function)
    {
        var (t, eval) = Bind(e);
        if (t.Kind != TypeKind.Set)
        {
            throw Error(DiagnosticCodes.ExpressionType, e.Start, $"{function}(…) takes a set fact first, not a {t}",
                $"e.g. {function}(militaryStatus, …)");
        }

        return (t, eval);
    }

    private static void CheckComparable(ExprType a, Expr ae, ExprType b, Expr be)
    {
        if (a.Kind == b.Kind && a.Kind is not (TypeKind.Set or TypeKind.List))
        {
            if (a.Kind == TypeKind.Enum && !a.Values.SequenceEqual(b.Values))
            {
                throw Error(DiagnosticCodes.ExpressionType, be.Start, "these two facts take different values and cannot be compared", null);
            }

            return;
        }

        // A fact of an enum or division type compares with a string literal, which is then checked.
        if (a.Kind is TypeKind.Enum or TypeKind.Division && b.Kind == TypeKind.String && be is LiteralExpr lb)
        {
            CheckLiteralAgainst(a, lb);
            return;
        }

        if (b.Kind is TypeKind.Enum or TypeKind.Division && a.Kind == TypeKind.String && ae is LiteralExpr la)
        {
            CheckLiteralAgainst(b, la);
            return;
        }

        var help = a.Kind == TypeKind.Set || b.Kind == TypeKind.Set ? "use has(set, \"value\") for set facts" : null;
        throw Error(DiagnosticCodes.ExpressionType, be.Start, $"cannot compare a {a} with a {b}", help);
    }

    private static void CheckLiteralAgainst(ExprType t, LiteralExpr literal)
    {
        if (t.Kind == TypeKind.Enum)
        {
            CheckEnumValue(t.Values, literal.Value.Text!, literal);
        }
        else if (!DivisionCodeRegex().IsMatch(literal.Value.Text!))
        {
            throw Error(DiagnosticCodes.ExpressionType, literal.Start, $"'{literal.Value.Text}' is not a 6-digit division code", null);
        }
    }

    private static void CheckEnumValue(ImmutableArray<string> values, string value, Expr at)
    {
        if (!values.Contains(value, StringComparer.Ordinal))
        {
            throw Error(DiagnosticCodes.UnknownEnumValue, at.Start, $"'{value}' is not one of the fact's values ({string.Join(", ", values)})",
                Suggestions.DidYouMean(value, values));
        }
    }

    private static string RequireStringLiteral(Expr e, string what) => e is LiteralExpr { Value.Kind: ValueKind.String } l
        ? l.Value.Text!
        : throw Error(DiagnosticCodes.ExpressionType, e.Start, $"expected {what} as a string literal here", null);

    private static void RequireBool(ExprType t, Expr e, string context)
    {
        if (t.Kind != TypeKind.Bool)
        {
            throw Error(DiagnosticCodes.ExpressionType, e.Start, $"{context} needs true or false, but this is a {t}",
                t.Kind == TypeKind.Set ? "use has(set, \"value\")" : "compare it, e.g. 'age >= 65'");
        }
    }

    private static void RequireNumber(ExprType t, Expr e, string context)
    {
        if (t.Kind != TypeKind.Number)
        {
            throw Error(DiagnosticCodes.ExpressionType, e.Start, $"{context} needs a number, but this is a {t}", null);
        }
    }

    private static void Arity(CallExpr c, int count)
    {
        if (c.Arguments.Length != count)
        {
            throw Error(DiagnosticCodes.ExpressionType, c.Start, $"{c.Function}(…) takes {count} argument{(count == 1 ? "" : "s")}, not {c.Arguments.Length}", null);
        }
    }

    /// <summary>Undetermined operands make the result undetermined; an absent ("none") operand makes a comparison false.</summary>
    private static Value Strict(Value l, Value r, Func<Value, Value, Value> op, bool arithmetic = false)
    {
        if (l.IsUnknown || r.IsUnknown)
        {
            return Value.Unknown((l.IsUnknown ? l.Missing : 0) | (r.IsUnknown ? r.Missing : 0));
        }

        if (l.Kind == ValueKind.None || r.Kind == ValueKind.None)
        {
            return arithmetic ? Value.NoneValue : Value.False;
        }

        return op(l, r);
    }

    private static bool AreEqual(Value l, Value r) => l.Kind switch
    {
        ValueKind.Bool => l.Bool == r.Bool,
        ValueKind.Number => l.Number == r.Number,
        ValueKind.Date => l.Date == r.Date,
        _ => string.Equals(l.Text, r.Text, StringComparison.Ordinal),
    };

    private static ExpressionException Error(string code, int offset, string message, string? help) =>
        new(new ExpressionError(code, offset, message, help));

    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex DivisionCodeRegex();
}
