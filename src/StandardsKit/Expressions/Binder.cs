using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using StandardsKit.Diagnostics;
using StandardsKit.Divisions;
using StandardsKit.Model;

namespace StandardsKit.Expressions;

/// <summary>
/// Type-checks an expression against the fact vocabulary and compiles it to a tree of closures in one pass.
/// Closures, not Roslyn or dynamic LINQ: nothing but the closed set of operations below can run.
/// </summary>
internal sealed partial class Binder
{
    private static readonly string[] FunctionNames =
        ["within", "has", "hasAny", "present", "evaluationDate", "addYears", "addMonths", "addDays", "yearsBetween", "date", "hasAttribute", "attribute"];

    private readonly FactVocabulary _facts;
    private readonly DivisionAttributes _attributes;
    private readonly string _text;
    private readonly List<string> _used = [];

    /// <summary>
    /// The interval every number- or date-valued node can take (dates as day numbers), so overflow and a date
    /// beyond the calendar are load-time errors and never happen at run time.
    /// </summary>
    private readonly Dictionary<Expr, Interval> _bounds = new(ReferenceEqualityComparer.Instance);

    private Binder(FactVocabulary facts, string text, DivisionAttributes? attributes)
    {
        _facts = facts;
        _text = text;
        _attributes = attributes ?? DivisionAttributes.Empty;
    }

    /// <summary>
    /// Parses, checks and compiles a condition; throws <see cref="ExpressionException"/> on the first error.
    /// <paramref name="attributes"/> are the division attributes <c>hasAttribute</c> and <c>attribute</c> may read.
    /// </summary>
    public static CompiledExpression CompileCondition(string text, FactVocabulary facts, DivisionAttributes? attributes = null)
    {
        var syntax = Parser.Parse(text);
        return CompileCondition(text, syntax, facts, attributes);
    }

    private static CompiledExpression CompileCondition(string text, Expr syntax, FactVocabulary facts, DivisionAttributes? attributes)
    {
        var binder = new Binder(facts, text, attributes);
        var (type, evaluator) = binder.Bind(syntax);
        if (type.Kind != TypeKind.Bool)
        {
            throw Error(DiagnosticCodes.ExpressionType, syntax.Start, $"a condition must be true or false, but this is a {type}",
                "compare it, e.g. 'age >= 65'");
        }

        var parts = ImmutableArray<CompiledExpression>.Empty;
        if (syntax is BinaryExpr { Op: BinaryOp.And or BinaryOp.Or } top)
        {
            parts = [.. Flatten(top, top.Op).Select(p => CompileCondition(text, p, facts, attributes))];
        }

        return new CompiledExpression(text, syntax, evaluator, [.. binder._used.Distinct(StringComparer.Ordinal)], parts) { Attributes = binder._attributes };
    }

    private static IEnumerable<Expr> Flatten(Expr e, BinaryOp op) =>
        e is BinaryExpr b && b.Op == op ? Flatten(b.Left, op).Concat(Flatten(b.Right, op)) : [e];

    private (ExprType Type, Evaluator Eval) Bind(Expr expr) => expr switch
    {
        LiteralExpr l => BindLiteral(l),
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

    private (ExprType, Evaluator) BindLiteral(LiteralExpr l)
    {
        var v = l.Value;
        switch (v.Kind)
        {
            case ValueKind.Number:
                if (Math.Abs(v.Number) > ExpressionLimits.MaxNumber)
                {
                    throw Error(DiagnosticCodes.NumberRange, l.Start,
                        $"the number {v} is outside the supported range {ExpressionLimits.NumberRangeText}", "use a smaller number");
                }

                _bounds[l] = new Interval(v.Number, v.Number);
                return (ExprType.Number, _ => v);
            case ValueKind.Date:
                if (!ExpressionLimits.IsSupported(v.Date))
                {
                    throw Error(DiagnosticCodes.DateRange, l.Start,
                        $"the date {v} is outside the supported range {ExpressionLimits.DateRangeText}", "use a date in that range");
                }

                _bounds[l] = Interval.Days(v.Date, v.Date);
                return (ExprType.Date, _ => v);
            case ValueKind.Bool:
                return (ExprType.Bool, _ => v);
            default:
                return (ExprType.String, _ => v);
        }
    }

    private (ExprType, Evaluator) BindFact(FactExpr f)
    {
        if (!_facts.TryGet(f.Name, out var declaration, out var slot))
        {
            var help = Suggestions.DidYouMean(f.Name, _facts.Names.Concat(FunctionNames))
                       ?? "declare it in standards/facts.yaml or use a declared fact";
            throw Error(DiagnosticCodes.UnknownFact, f.Start, $"unknown fact '{f.Name}'", help);
        }

        _used.Add(f.Name);
        if (declaration.Kind is FactKind.Int or FactKind.Decimal)
        {
            _bounds[f] = new Interval(declaration.Min ?? -ExpressionLimits.MaxNumber, declaration.Max ?? ExpressionLimits.MaxNumber);
        }
        else if (declaration.Kind == FactKind.Date)
        {
            _bounds[f] = Interval.SupportedDates;
        }

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
        var inner = BoundsOf(u.Operand);
        _bounds[u] = new Interval(-inner.High, -inner.Low);
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
        if (op == BinaryOp.Equal)
        {
            CheckComparable(lt, b.Left, rt, b.Right);
            Func<Value, Value, Value> equal = static (l, r) => Value.Of(AreEqual(l, r));
            return (ExprType.Bool, frame => Strict(left(frame), right(frame), equal));
        }

        if (op == BinaryOp.NotEqual)
        {
            // a != b is not (a == b): undetermined stays undetermined, and "none" equals nothing, so != is true.
            CheckComparable(lt, b.Left, rt, b.Right);
            return (ExprType.Bool, frame =>
            {
                var l = left(frame);
                var r = right(frame);
                if (l.IsUnknown || r.IsUnknown)
                {
                    return Value.Unknown(l.Missing | r.Missing);
                }

                return Value.Of(l.Kind == ValueKind.None || r.Kind == ValueKind.None || !AreEqual(l, r));
            });
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
        if (b.Op == BinaryOp.Divide)
        {
            const string help = "divide only by a non-zero number, e.g. residenceMonths / 12";
            var divisor = NumberLiteral(b.Right)
                          ?? throw Error(DiagnosticCodes.ExpressionType, b.Right.Start, "'/' divides only by a number written out, not by an expression", help);
            if (divisor == 0)
            {
                throw Error(DiagnosticCodes.ExpressionType, b.Right.Start, "division by zero", help);
            }
        }

        _bounds[b] = CheckOverflow(b, BoundsOf(b.Left), BoundsOf(b.Right));

        // The bounds above keep every result within ±10^27, far inside decimal's range: no operation can overflow.
        var op = b.Op;
        Func<Value, Value, Value> arithmetic = (l, r) => op switch
        {
            BinaryOp.Add => Value.Of(l.Number + r.Number),
            BinaryOp.Subtract => Value.Of(l.Number - r.Number),
            BinaryOp.Multiply => Value.Of(l.Number * r.Number),
            _ => Value.Of(l.Number / r.Number),
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

        // x in [a, b] is x == a or x == b, in Kleene logic: "none" equals nothing, undetermined stays so.
        var array = items.ToArray();
        return (ExprType.Bool, frame =>
        {
            var n = needle(frame);
            var missing = n.Missing;
            var undetermined = n.IsUnknown;
            foreach (var e in array)
            {
                var v = e(frame);
                if (v.IsUnknown)
                {
                    // An element may be undetermined with no missing fact (a division attribute the data leave open).
                    undetermined = true;
                    missing |= v.Missing;
                }
                else if (!n.IsUnknown && n.Kind != ValueKind.None && v.Kind != ValueKind.None && AreEqual(n, v))
                {
                    return Value.True;
                }
            }

            return undetermined ? Value.Unknown(missing) : Value.False;
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

                // Given (or derived from given facts) and not "none": false, not undetermined, when not given.
                var (_, eval) = BindFact(fact);
                var bit = UInt128.One << _facts.SlotOf(fact.Name);
                return (ExprType.Bool, frame => Value.Of((frame.Given & bit) != 0 && eval(frame).Kind is not (ValueKind.Unknown or ValueKind.None)));
            }

            case "evaluationDate":
                Arity(c, 0);
                _bounds[c] = Interval.SupportedDates;
                return (ExprType.Date, frame => Value.Of(frame.On));

            case "addYears":
            case "addMonths":
            case "addDays":
            {
                Arity(c, 2);
                var (dt, date) = Bind(c.Arguments[0]);
                var (nt, _) = Bind(c.Arguments[1]);
                if (dt.Kind != TypeKind.Date)
                {
                    throw Error(DiagnosticCodes.ExpressionType, c.Arguments[0].Start, $"{c.Function}(…) takes a date first, not a {dt}", null);
                }

                RequireNumber(nt, c.Arguments[1], c.Function + "(…)");
                var k = ShiftAmount(c);
                _bounds[c] = ShiftBounds(c, BoundsOf(c.Arguments[0]), k);
                Func<DateOnly, DateOnly> shift = c.Function switch
                {
                    "addYears" => d => d.AddYears(k),
                    "addMonths" => d => d.AddMonths(k),
                    _ => d => d.AddDays(k),
                };

                // ShiftBounds proved the result stays inside the calendar, so the shift cannot throw.
                return (ExprType.Date, frame =>
                {
                    var d = date(frame);
                    return d.Kind == ValueKind.Date ? Value.Of(shift(d.Date)) : d;
                });
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

                _bounds[c] = new Interval(-DateOnly.MaxValue.Year, DateOnly.MaxValue.Year);
                Func<Value, Value, Value> years = static (x, y) => Value.Of(CompletedYears.Between(x.Date, y.Date));
                return (ExprType.Number, frame => Strict(a(frame), b(frame), years, arithmetic: true));
            }

            case "hasAttribute" or "attribute":
                return BindAttribute(c);

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

    /// <summary>A number literal, optionally negated, or null for anything else.</summary>
    private static decimal? NumberLiteral(Expr e) => e switch
    {
        LiteralExpr { Value.Kind: ValueKind.Number } l => l.Value.Number,
        UnaryExpr { Op: UnaryOp.Negate, Operand: LiteralExpr { Value.Kind: ValueKind.Number } l } => -l.Value.Number,
        _ => null,
    };

    /// <summary>The amount of addYears/addMonths/addDays: a whole number written out, within the shift limits.</summary>
    private static int ShiftAmount(CallExpr c)
    {
        var unit = c.Function switch { "addYears" => "years", "addMonths" => "months", _ => "days" };
        var limit = c.Function switch
        {
            "addYears" => ExpressionLimits.MaxShiftYears,
            "addMonths" => ExpressionLimits.MaxShiftMonths,
            _ => ExpressionLimits.MaxShiftDays,
        };
        var at = c.Arguments[1].Start;
        if (NumberLiteral(c.Arguments[1]) is not { } n || n != decimal.Truncate(n))
        {
            throw Error(DiagnosticCodes.DateRange, at, $"{c.Function}(…) takes a whole number of {unit} written out as its second argument",
                $"e.g. {c.Function}(birthDate, 18)");
        }

        if (Math.Abs(n) > limit)
        {
            throw Error(DiagnosticCodes.DateRange, at,
                $"{c.Function}(…) shifts by at most {limit.ToString(CultureInfo.InvariantCulture)} {unit}, not {n.ToString(CultureInfo.InvariantCulture)}", null);
        }

        return (int)n;
    }

    /// <summary>Where a shifted date can fall; an error if it could leave the calendar (a nest of shifts).</summary>
    private static Interval ShiftBounds(CallExpr c, Interval days, int k)
    {
        var (low, high) = (DateOnly.FromDayNumber((int)days.Low), DateOnly.FromDayNumber((int)days.High));
        var fits = c.Function switch
        {
            "addYears" => low.Year + k >= DateOnly.MinValue.Year && high.Year + k <= DateOnly.MaxValue.Year,
            "addMonths" => MonthIndex(low) + k >= MonthIndex(DateOnly.MinValue) && MonthIndex(high) + k <= MonthIndex(DateOnly.MaxValue),
            _ => (long)low.DayNumber + k >= DateOnly.MinValue.DayNumber && (long)high.DayNumber + k <= DateOnly.MaxValue.DayNumber,
        };
        if (!fits)
        {
            throw Error(DiagnosticCodes.DateRange, c.Start,
                $"{c.Function}(…) may give a date outside the calendar ({ExpressionLimits.Iso(DateOnly.MinValue)}..{ExpressionLimits.Iso(DateOnly.MaxValue)})",
                "shift the date by less");
        }

        // Each shift is monotone in its date, so the ends of the interval map to the ends of the result.
        return c.Function switch
        {
            "addYears" => Interval.Days(low.AddYears(k), high.AddYears(k)),
            "addMonths" => Interval.Days(low.AddMonths(k), high.AddMonths(k)),
            _ => Interval.Days(low.AddDays(k), high.AddDays(k)),
        };
    }

    private static int MonthIndex(DateOnly d) => (d.Year * 12) + d.Month - 1;

    private Interval BoundsOf(Expr e) => _bounds.TryGetValue(e, out var i) ? i : throw new InvalidOperationException("unbounded number or date node");

    /// <summary>The interval of an arithmetic node; an error at the operator if it may go beyond ±10^27.</summary>
    private Interval CheckOverflow(BinaryExpr b, Interval l, Interval r)
    {
        Interval? result = b.Op switch
        {
            BinaryOp.Add => Interval.Checked(() => new Interval(l.Low + r.Low, l.High + r.High)),
            BinaryOp.Subtract => Interval.Checked(() => new Interval(l.Low - r.High, l.High - r.Low)),
            BinaryOp.Multiply => Interval.Checked(() => Interval.Hull(l.Low * r.Low, l.Low * r.High, l.High * r.Low, l.High * r.High)),
            _ => Interval.Checked(() => Interval.Hull(l.Low / r.Low, l.High / r.Low)), // the divisor is a literal: Low == High
        };
        if (result is { } fits && Math.Abs(fits.Low) <= ExpressionLimits.MaxIntermediate && Math.Abs(fits.High) <= ExpressionLimits.MaxIntermediate)
        {
            return fits;
        }

        var unbounded = b.Nodes().OfType<FactExpr>().Select(f => f.Name).Distinct(StringComparer.Ordinal)
            .Where(f => _facts.Find(f) is { } d && (d.Min is null || d.Max is null)).ToList();
        var help = unbounded.Count == 0
            ? "simplify the arithmetic"
            : $"declare min/max for fact {string.Join(", ", unbounded.Select(f => $"'{f}'"))} in facts.yaml or simplify";
        throw Error(DiagnosticCodes.NumberRange, OperatorOffset(b), $"'{BinaryOpText.Of(b.Op)}' may overflow: its result can exceed ±10^27", help);
    }

    /// <summary>The offset of a binary operator: the first non-blank character after its left operand.</summary>
    private int OperatorOffset(BinaryExpr b)
    {
        var i = b.Left.Start + b.Left.Length;
        while (i < _text.Length && char.IsWhiteSpace(_text[i]))
        {
            i++;
        }

        return Math.Min(i, _text.Length);
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
