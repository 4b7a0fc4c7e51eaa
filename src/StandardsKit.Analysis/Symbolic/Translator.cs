using System.Collections.Immutable;
using System.Numerics;
using StandardsKit.Divisions;
using StandardsKit.Expressions;
using StandardsKit.Model;

namespace StandardsKit.Analysis.Symbolic;

/// <summary>
/// Translates type-checked expressions into formulas with exactly the evaluator's three-valued semantics
/// (docs/semantics.md): each fact a rule reads gets a "given" leaf and a value variable; a term is a set of
/// guarded branches (given / not given, and for <c>residence</c> the county default); a condition becomes a
/// <see cref="Tri"/>. The evaluation date is fixed per obligation; the prover checks that the answer cannot
/// change between its interval's days (<see cref="DateSensitivity"/>).
/// </summary>
internal sealed class Translator
{
    /// <summary>Bounds on numbers with no declared range: the engine refuses larger inputs (docs/semantics.md).</summary>
    internal static readonly Rational InputBound = Rational.Of(1_000_000_000_000_000);

    internal static readonly DateOnly FirstDate = new(1800, 1, 1);
    internal static readonly DateOnly LastDate = new(2399, 12, 31);

    private readonly SymbolTable _table;
    private FactVocabulary _facts;
    private readonly Dictionary<string, int> _numeric = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _fd = new(StringComparer.Ordinal);
    private readonly ImmutableArray<string> _preferredCodes;
    private readonly HashSet<int> _relativeYears = [];
    private readonly HashSet<int> _relativeDays = [];
    private readonly HashSet<int> _absolute = [];
    private readonly HashSet<int> _shiftedReference = [];
    private readonly HashSet<int> _crossesBound = [];

    public Translator(SymbolTable table, FactVocabulary facts, DateOnly on, ImmutableArray<string> counties,
        ImmutableArray<string> preferredCodes, bool birthDateMode, DateOnly? until = null)
    {
        _table = table;
        _facts = facts;
        On = on;
        Until = until is { } u && u > on ? u : on;
        BirthDateMode = birthDateMode;
        _preferredCodes = preferredCodes;
        CountyVar = table.AddFd(new FdVar("county", FdKind.County, counties));
    }

    /// <summary>
    /// The fact declarations the expression translated next reads (a diff reads each side under its own: a fact
    /// whose <c>absent</c> or default differs between the sides means different things to the two rules). Facts keep
    /// one value variable per name across vocabularies, so both sides speak of the same resident.
    /// </summary>
    public FactVocabulary Facts
    {
        get => _facts;
        set => _facts = value;
    }

    /// <summary>The division attributes the expression translated next was checked against.</summary>
    public DivisionAttributes Attributes { get; set; } = DivisionAttributes.Empty;

    /// <summary>The evaluation date for what is translated next (a diff reads each side on its own date).</summary>
    public DateOnly On { get; set; }

    /// <summary>The last day the answer must hold for: the obligation is decided on <see cref="On"/> for every day up to it.</summary>
    public DateOnly Until { get; }

    /// <summary>
    /// The first day after <see cref="On"/>, up to <see cref="Until"/>, on which a comparison that reads the evaluation
    /// date but no fact (or a threshold computed from it) may answer differently; null when none does. The
    /// obligation must then be split there: deciding on <see cref="On"/> says nothing about that day.
    /// </summary>
    public DateOnly? ChangesOn { get; private set; }

    /// <summary>The county evaluated: the obligation covers every county-level unit of its jurisdiction.</summary>
    public int CountyVar { get; }

    /// <summary>True when some rule reads the birth date itself, not only <c>age</c>: age then follows from it.</summary>
    public bool BirthDateMode { get; }

    /// <summary>Facts the translated rules read, by name, with their variables (for building example residents).</summary>
    public SortedSet<string> FactsRead { get; } = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> NumericVars => _numeric;

    public IReadOnlyDictionary<string, int> FdVars => _fd;

    /// <summary>True when every fact is read through <c>age</c> only.</summary>
    public static bool NeedsBirthDate(IEnumerable<Expr> expressions, FactVocabulary facts)
    {
        var source = facts.Facts.FirstOrDefault(f => f.Kind == FactKind.Date && f.Name == "birthDate")?.Name;
        return source is not null && expressions.Any(e => e.Nodes().Any(x => x is FactExpr f && f.Name == source));
    }

    /// <summary>
    /// Why the answer might differ between days of a multi-day interval, or null. Comparisons of a date fact with
    /// fixed dates and with the evaluation date in years (age) each keep their truth across the interval, and so
    /// do comparisons in days; mixing them on one fact would move thresholds against each other.
    /// </summary>
    public string? DateSensitivity()
    {
        foreach (var v in _shiftedReference)
        {
            return $"'{_table.Numerics[v].Name}' is compared in years or months with a shifted evaluation date, so the answer can change from one day to the next";
        }

        foreach (var v in _crossesBound)
        {
            return $"'{_table.Numerics[v].Name}' is compared with a span so long that it first becomes possible (or stops being possible) on a later day";
        }

        foreach (var v in _relativeYears.Concat(_relativeDays).Distinct())
        {
            var name = _table.Numerics[v].Name;
            if (_absolute.Contains(v))
            {
                return $"'{name}' is compared with fixed dates and with the evaluation date, so the answer can change from one day to the next";
            }

            if (_relativeYears.Contains(v) && _relativeDays.Contains(v))
            {
                return $"'{name}' is compared with the evaluation date both in years and in days, so the answer can change from one day to the next";
            }
        }

        return null;
    }

    /// <summary>The leaf saying a fact was given (stated) by the resident.</summary>
    public static string GivenName(string fact) => "given:" + fact;

    public static string ValueName(string fact) => "value:" + fact;

    public static string MemberName(string fact, string member) => $"member:{fact}:{member}";

    /// <summary>A stated age (without a birth date), in birth-date mode.</summary>
    public const string StatedAge = "stated:age";

    public Tri Condition(Expr e)
    {
        switch (e)
        {
            case LiteralExpr { Value.Kind: ValueKind.Bool } l:
                return l.Value.Bool ? Tri.True : Tri.False;
            case UnaryExpr { Op: UnaryOp.Not } u:
                return Condition(u.Operand).Not();
            case BinaryExpr { Op: BinaryOp.And } b:
                return Tri.And(Condition(b.Left), Condition(b.Right));
            case BinaryExpr { Op: BinaryOp.Or } b:
                return Tri.Or(Condition(b.Left), Condition(b.Right));
            case BinaryExpr { Op: BinaryOp.NotEqual } b:
                return Compare(BinaryOp.Equal, TermOf(b.Left), TermOf(b.Right)).Not();
            case BinaryExpr b when b.Op is BinaryOp.Equal or BinaryOp.Less or BinaryOp.LessOrEqual or BinaryOp.Greater or BinaryOp.GreaterOrEqual:
                return Compare(b.Op, TermOf(b.Left), TermOf(b.Right));
            case InExpr i:
                return In(i);
            case CallExpr c when c.Function is "within" or "has" or "hasAny" or "present":
                return Call(c);
            default:
                // A boolean fact, or any other boolean-valued term.
                return FromTerm(TermOf(e));
        }
    }

    private static Tri FromTerm(ImmutableArray<Alternative> term)
    {
        var isTrue = new List<Formula>();
        var isFalse = new List<Formula>();
        foreach (var alt in term)
        {
            switch (alt.Status, alt.Value)
            {
                case (TermStatus.Known, BoolValue v):
                    isTrue.Add(Formula.And(alt.Guard, v.Value));
                    isFalse.Add(Formula.And(alt.Guard, Formula.Not(v.Value)));
                    break;
                case (TermStatus.None, _):
                    isFalse.Add(alt.Guard);
                    break;
                case (TermStatus.Unknown, _):
                    break;
                default:
                    throw new UnsupportedException("a condition that is not true or false");
            }
        }

        return new Tri(Formula.Or(isTrue), Formula.Or(isFalse));
    }

    private Tri Compare(BinaryOp op, ImmutableArray<Alternative> left, ImmutableArray<Alternative> right)
    {
        var isTrue = new List<Formula>();
        var isFalse = new List<Formula>();
        foreach (var l in left)
        {
            foreach (var r in right)
            {
                var guard = Formula.And(l.Guard, r.Guard);
                if (guard is ConstFormula { Value: false } || l.Status == TermStatus.Unknown || r.Status == TermStatus.Unknown)
                {
                    continue;
                }

                if (l.Status == TermStatus.None || r.Status == TermStatus.None)
                {
                    isFalse.Add(guard);
                    continue;
                }

                var relation = Relation(op, l.Value!, r.Value!);
                isTrue.Add(Formula.And(guard, relation));
                isFalse.Add(Formula.And(guard, Formula.Not(relation)));
            }
        }

        return new Tri(Formula.Or(isTrue), Formula.Or(isFalse));
    }

    private Formula Relation(BinaryOp op, TermValue l, TermValue r)
    {
        switch (l, r)
        {
            case (NumValue a, NumValue b):
                NoteDates(a, b);
                var d = a.Form.Minus(b.Form);
                NoteDayDependence(op, a, b, d);
                if ((a.Rounded || b.Rounded) && (a.AnyScale || b.AnyScale || !DecimalExactness.RoundingCannotFlip(d, a.Form, b.Form, _table)))
                {
                    throw new UnsupportedException("compares a value the evaluator's decimal arithmetic rounds (a quotient that does not terminate, or more than 28 digits) where the rounding could change the answer");
                }

                return op switch
                {
                    BinaryOp.Less => _table.Linear(d, strict: true),
                    BinaryOp.LessOrEqual => _table.Linear(d, strict: false),
                    BinaryOp.Greater => _table.Linear(d.Times(-Rational.One), strict: true),
                    BinaryOp.GreaterOrEqual => _table.Linear(d.Times(-Rational.One), strict: false),
                    _ => Formula.And(_table.Linear(d, strict: false), _table.Linear(d.Times(-Rational.One), strict: false)),
                };
            case (YearsValue or ShiftValue, NumValue { Form.IsConstant: true } c):
                return Monotone(op, l, c);
            case (NumValue { Form.IsConstant: true } c, YearsValue or ShiftValue):
                return Monotone(Flip(op), r, c);
            case (FdValue a, TextValue t):
                return _table.AtomFormula(new EqualsConstAtom(a.Var, t.Text));
            case (TextValue t, FdValue a):
                return _table.AtomFormula(new EqualsConstAtom(a.Var, t.Text));
            case (FdValue a, FdValue b):
                return a.Var == b.Var ? Formula.True : _table.AtomFormula(new SameAtom(Math.Min(a.Var, b.Var), Math.Max(a.Var, b.Var)));
            case (TextValue a, TextValue b):
                return Formula.Of(string.Equals(a.Text, b.Text, StringComparison.Ordinal));
            case (BoolValue a, BoolValue b):
                return Formula.Or(Formula.And(a.Value, b.Value), Formula.And(Formula.Not(a.Value), Formula.Not(b.Value)));
            default:
                throw new UnsupportedException(l is YearsValue or ShiftValue || r is YearsValue or ShiftValue
                    ? "a shifted date or a count of years compared with something other than a fixed date or number"
                    : "a comparison between values of different kinds");
        }
    }

    private static BinaryOp Flip(BinaryOp op) => op switch
    {
        BinaryOp.Less => BinaryOp.Greater,
        BinaryOp.LessOrEqual => BinaryOp.GreaterOrEqual,
        BinaryOp.Greater => BinaryOp.Less,
        BinaryOp.GreaterOrEqual => BinaryOp.LessOrEqual,
        _ => op,
    };

    /// <summary>
    /// <c>f(x) op c</c> for a non-decreasing calendar function f of a date variable x: f(x) ≥ k holds exactly for
    /// x up to some last date, found with the evaluator's own calendar functions so the two cannot disagree.
    /// </summary>
    private Formula Monotone(BinaryOp op, TermValue value, NumValue constant)
    {
        var c = constant.Form.Constant;
        if (constant.Today && value is YearsValue)
        {
            // A count of years compared with a count that itself depends on the day (yearsBetween(date(…), evaluationDate())).
            var count = ConstantOn(constant);
            NoteChange(FirstChange(day => count(day)));
        }

        if (value is YearsValue y)
        {
            Note(y.DateVar, y.Today ? _relativeYears : _absolute);
            if (y.Shifted)
            {
                // Thresholds against a shifted day and against the day itself can coincide on some days only.
                Note(y.DateVar, _shiftedReference);
            }

            Formula AtLeast(BigInteger k)
            {
                if (k > 1000 || k < -1000)
                {
                    return k > 0 ? Formula.False : Formula.True;
                }

                var last = LastDateWith(x => CompletedYears.Between(x, y.At) >= k);
                if (y.Today && (last is null) != (LastDateWith(x => CompletedYears.Between(x, LastDate) >= k) is null))
                {
                    Note(y.DateVar, _crossesBound);
                }

                return UpTo(y.DateVar, last);
            }
            return op switch
            {
                BinaryOp.GreaterOrEqual => AtLeast(c.Ceiling()),
                BinaryOp.Greater => AtLeast(c.Floor() + 1),
                BinaryOp.Less => Formula.Not(AtLeast(c.Ceiling())),
                BinaryOp.LessOrEqual => Formula.Not(AtLeast(c.Floor() + 1)),
                _ => c.IsInteger ? Formula.And(AtLeast(c.Numerator), Formula.Not(AtLeast(c.Numerator + 1))) : Formula.False,
            };
        }

        var s = (ShiftValue)value;
        Note(s.DateVar, constant.Today ? _relativeYears : _absolute);
        if (constant.Today && !IsToday(constant))
        {
            Note(s.DateVar, _shiftedReference);
        }

        if (!c.IsInteger)
        {
            throw new UnsupportedException("a shifted date compared with a value that is not a date");
        }

        // Shift is non-decreasing in x, so "Shift(x) ≤ D" holds exactly up to a last date.
        Formula AtMost(BigInteger day)
        {
            if (day < FirstDate.DayNumber - 400_000 || day > LastDate.DayNumber + 400_000)
            {
                return day > 0 ? Formula.True : Formula.False;
            }

            var last = LastDateWith(x => Shift(x, s) is { } v && v.DayNumber <= day);
            var dayAtEnd = day - On.DayNumber + LastDate.DayNumber;
            if (constant.Today && (last is null) != (LastDateWith(x => Shift(x, s) is { } v && v.DayNumber <= dayAtEnd) is null))
            {
                Note(s.DateVar, _crossesBound);
            }

            return UpTo(s.DateVar, last);
        }
        var d = c.Numerator;
        return op switch
        {
            BinaryOp.LessOrEqual => AtMost(d),
            BinaryOp.Less => AtMost(d - 1),
            BinaryOp.GreaterOrEqual => Formula.Not(AtMost(d - 1)),
            BinaryOp.Greater => Formula.Not(AtMost(d)),
            _ => Formula.And(AtMost(d), Formula.Not(AtMost(d - 1))),
        };
    }

    private static DateOnly? Shift(DateOnly x, ShiftValue s)
    {
        try
        {
            return s.Years ? x.AddYears(s.Amount) : x.AddMonths(s.Amount);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>The last date x in range for which a predicate that holds on an initial segment holds; null if none.</summary>
    private static DateOnly? LastDateWith(Func<DateOnly, bool> holds)
    {
        if (!holds(FirstDate))
        {
            return null;
        }

        if (holds(LastDate))
        {
            return LastDate;
        }

        // Binary search over day numbers: the predicate is monotone (true, then false).
        int lo = FirstDate.DayNumber, hi = LastDate.DayNumber;
        while (hi - lo > 1)
        {
            var mid = lo + ((hi - lo) / 2);
            if (holds(DateOnly.FromDayNumber(mid)))
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return DateOnly.FromDayNumber(lo);
    }

    /// <summary>The evaluation date itself (possibly written as a sum that comes to it), not a shifted one.</summary>
    private bool IsToday(NumValue n) => n.Today && !n.Calendar && n.Form.IsConstant && n.Form.Constant == Rational.Of(On.DayNumber);

    private Formula UpTo(int dateVar, DateOnly? last) => last is { } d
        ? _table.Linear(LinearForm.Var(dateVar).Minus(LinearForm.Of(Rational.Of(d.DayNumber))), strict: false)
        : Formula.False;

    /// <summary>
    /// A comparison that reads the evaluation date is safe to decide on one day for the whole interval when it is
    /// a date fact against the day (the threshold moves with the day; see <see cref="DateSensitivity"/>). Otherwise
    /// (no fact, or a number fact against a count of years) its answer or threshold must not change in the interval.
    /// </summary>
    private void NoteDayDependence(BinaryOp op, NumValue a, NumValue b, LinearForm difference)
    {
        if (!a.Today && !b.Today)
        {
            return;
        }

        if (difference.Terms.Keys.Any(_dateVars.Contains))
        {
            if (a.Calendar || b.Calendar)
            {
                foreach (var v in difference.Terms.Keys.Where(_dateVars.Contains))
                {
                    Note(v, _shiftedReference);
                }
            }

            return;
        }

        var left = ConstantOn(a);
        var right = ConstantOn(b);
        if (difference.IsConstant && !a.Calendar && !b.Calendar && op != BinaryOp.Equal)
        {
            // The evaluation date plus fixed days against a fixed date: the answer flips at most once, so search for it.
            NoteChange(FirstFlip(day => Holds(op, left(day) - right(day))));
        }
        else if (difference.IsConstant)
        {
            NoteChange(FirstChange(day => Holds(op, left(day) - right(day))));
        }
        else
        {
            NoteChange(FirstChange(day => left(day) - right(day)));
        }
    }

    private static bool Holds(BinaryOp op, Rational difference) => op switch
    {
        BinaryOp.Less => difference.Sign < 0,
        BinaryOp.LessOrEqual => difference.Sign <= 0,
        BinaryOp.Greater => difference.Sign > 0,
        BinaryOp.GreaterOrEqual => difference.Sign >= 0,
        _ => difference.Sign == 0,
    };

    private static Func<DateOnly, Rational> ConstantOn(NumValue n) => n.ConstantOn ?? (_ => n.Form.Constant);

    /// <summary>The first day in (<see cref="On"/>, <see cref="Until"/>] on which <paramref name="at"/> differs from its value on <see cref="On"/>.</summary>
    private DateOnly? FirstChange<T>(Func<DateOnly, T> at)
    {
        if (Until <= On)
        {
            return null;
        }

        var first = at(On);
        for (var day = On.AddDays(1); ; day = day.AddDays(1))
        {
            if (!EqualityComparer<T>.Default.Equals(at(day), first))
            {
                return day;
            }

            if (day >= Until)
            {
                return null;
            }
        }
    }

    /// <summary>For an answer that changes at most once in the interval, the day it changes (binary search).</summary>
    private DateOnly? FirstFlip(Func<DateOnly, bool> holds)
    {
        var first = holds(On);
        if (Until <= On || holds(Until) == first)
        {
            return null;
        }

        int lo = On.DayNumber, hi = Until.DayNumber;
        while (hi - lo > 1)
        {
            var mid = lo + ((hi - lo) / 2);
            if (holds(DateOnly.FromDayNumber(mid)) == first)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return DateOnly.FromDayNumber(hi);
    }

    private void NoteChange(DateOnly? day)
    {
        if (day is { } d && (ChangesOn is null || d < ChangesOn))
        {
            ChangesOn = d;
        }
    }

    private void NoteDates(NumValue a, NumValue b)
    {
        var vars = a.Form.Terms.Keys.Concat(b.Form.Terms.Keys).Where(v => _dateVars.Contains(v)).ToList();
        var today = a.Today || b.Today;
        foreach (var v in vars)
        {
            Note(v, today ? _relativeDays : _absolute);
        }
    }

    private static void Note(int v, HashSet<int> kind) => kind.Add(v);

    private readonly HashSet<int> _dateVars = [];

    /// <summary><c>x in [a, b]</c> is <c>x == a or x == b</c> in three-valued logic (docs/semantics.md).</summary>
    private Tri In(InExpr i)
    {
        var needle = TermOf(i.Needle);
        return i.Items.Select(item => Compare(BinaryOp.Equal, needle, TermOf(item))).Aggregate(Tri.False, Tri.Or);
    }

    private Tri Call(CallExpr c)
    {
        if (c.Function == "present")
        {
            // True exactly when the resident gave the fact (for age: a birth date or a stated age): a county
            // default or an absent-none filler is not "present".
            var name = ((FactExpr)c.Arguments[0]).Name;
            var term = FactTerm(name);
            var isTrue = _facts.Find(name)?.Derived is not null
                ? Formula.Or(term.Where(a => a.Status == TermStatus.Known).Select(a => a.Guard))
                : _table.Bool(GivenName(name));
            return new Tri(isTrue, Formula.Not(isTrue));
        }

        var subject = TermOf(c.Arguments[0]);
        Func<TermValue, Formula> test = c.Function switch
        {
            "within" => v => WithinPrefix(v, DivisionCode.ContainmentPrefix(((LiteralExpr)c.Arguments[1]).Value.Text!)),
            "has" => v => Member(v, ((LiteralExpr)c.Arguments[1]).Value.Text!),
            _ => v => Formula.Or(((ListExpr)c.Arguments[1]).Items.Select(m => Member(v, ((LiteralExpr)m).Value.Text!))),
        };
        var t = new List<Formula>();
        var f = new List<Formula>();
        foreach (var alt in subject)
        {
            if (alt.Status == TermStatus.None)
            {
                f.Add(alt.Guard);
            }
            else if (alt.Status == TermStatus.Known)
            {
                var holds = test(alt.Value!);
                t.Add(Formula.And(alt.Guard, holds));
                f.Add(Formula.And(alt.Guard, Formula.Not(holds)));
            }
        }

        return new Tri(Formula.Or(t), Formula.Or(f));
    }

    private Formula WithinPrefix(TermValue v, string prefix) => v switch
    {
        _ when prefix.Length == 0 => Formula.True,
        FdValue d => _table.AtomFormula(new WithinAtom(d.Var, prefix)),
        TextValue s => Formula.Of(s.Text.StartsWith(prefix, StringComparison.Ordinal)),
        _ => throw new UnsupportedException("within(…) of something that is not a division code"),
    };

    private Formula Member(TermValue v, string member) => v switch
    {
        SetValue { Empty: true } => Formula.False,
        SetValue s => _table.Bool(MemberName(s.Fact, member)),
        _ => throw new UnsupportedException("has(…) of something that is not a set"),
    };

    private ImmutableArray<Alternative> TermOf(Expr e)
    {
        switch (e)
        {
            case LiteralExpr l:
                return Term.Known(l.Value.Kind switch
                {
                    ValueKind.Bool => new BoolValue(Formula.Of(l.Value.Bool)),
                    ValueKind.Number => new NumValue(LinearForm.Of(Rational.Of(l.Value.Number)), Today: false),
                    ValueKind.Date => new NumValue(LinearForm.Of(Rational.Of(l.Value.Date.DayNumber)), Today: false),
                    _ => new TextValue(l.Value.Text!),
                });
            case FactExpr f:
                return FactTerm(f.Name);
            case UnaryExpr { Op: UnaryOp.Negate } u:
                return Map(TermOf(u.Operand), v => v is NumValue n
                    ? n with { Form = n.Form.Times(-Rational.One), ConstantOn = n.ConstantOn is { } f ? day => -f(day) : null }
                    : throw Unsupported("negates a count of years or a shifted date"));
            case BinaryExpr b when b.Op is BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply or BinaryOp.Divide:
                return Arithmetic(b.Op, TermOf(b.Left), TermOf(b.Right));
            case CallExpr { Function: "evaluationDate" }:
                return Term.Known(new NumValue(LinearForm.Of(Rational.Of(On.DayNumber)), Today: true, ConstantOn: day => Rational.Of(day.DayNumber)));
            case CallExpr { Function: "addDays" } c:
                return Map(TermOf(c.Arguments[0]), v => v is NumValue n
                    ? n with
                    {
                        Form = n.Form.Plus(LinearForm.Of(Rational.Of(Amount(c)))),
                        ConstantOn = n.ConstantOn is { } f ? day => f(day) + Rational.Of(Amount(c)) : null,
                    }
                    : throw Unsupported("shifts a shifted date again"));
            case CallExpr { Function: "addYears" or "addMonths" } c:
                return Map(TermOf(c.Arguments[0]), v => ShiftOf(v, c.Function == "addYears", Amount(c)));
            case CallExpr { Function: "yearsBetween" } c:
                return Cross(TermOf(c.Arguments[0]), TermOf(c.Arguments[1]), (a, b) => YearsOf(a, b));
            case CallExpr { Function: "hasAttribute" or "attribute" } c:
                return AttributeTerm(c);
            case CallExpr c when c.Function is "within" or "has" or "hasAny" or "present":
            {
                var tri = Call(c);
                return [new Alternative(Formula.True, TermStatus.Known, new BoolValue(tri.IsTrue))];
            }

            case BinaryExpr or UnaryExpr or InExpr:
            {
                // A condition used as a value (e.g. `(age >= 65) == true`): known exactly when it is decided.
                var tri = Condition(e);
                return [new Alternative(Formula.Or(tri.IsTrue, tri.IsFalse), TermStatus.Known, new BoolValue(tri.IsTrue)),
                    new Alternative(tri.IsUndetermined, TermStatus.Unknown, null)];
            }

            default:
                throw Unsupported("an expression form the analysis does not know");
        }
    }

    private static UnsupportedException Unsupported(string what) => new(what);

    /// <summary>
    /// A division attribute of a division term, as one branch per value the attribute takes (each guarded by an
    /// <see cref="AttributeAtom"/>) and an undetermined branch where the sources do not cover the division: the
    /// evaluator's semantics, so comparisons and <c>in</c> work on it as on any value.
    /// </summary>
    private ImmutableArray<Alternative> AttributeTerm(CallExpr c)
    {
        var name = ((LiteralExpr)c.Arguments[1]).Value.Text!;
        var attributes = Attributes;
        if (attributes.Find(name) is null)
        {
            throw Unsupported($"division attribute '{name}' is not loaded for the analysis");
        }

        var membership = c.Function == "hasAttribute";
        var values = attributes.KnownValues(name);
        var result = ImmutableArray.CreateBuilder<Alternative>();
        foreach (var alt in TermOf(c.Arguments[0]))
        {
            switch (alt.Status, alt.Value)
            {
                case (TermStatus.Unknown, _):
                    result.Add(alt);
                    break;
                case (TermStatus.None, _):
                    // As within(): a place that is "none" has no attribute (false), and attribute() of it is none.
                    result.Add(membership ? new Alternative(alt.Guard, TermStatus.Known, new BoolValue(Formula.False)) : alt);
                    break;
                case (TermStatus.Known, FdValue d):
                    foreach (var value in values)
                    {
                        var guard = Formula.And(alt.Guard, _table.AtomFormula(new AttributeAtom(d.Var, attributes, name, AttributeAtom.Key(value))));
                        result.Add(new Alternative(guard, TermStatus.Known, value switch
                        {
                            bool b => new BoolValue(Formula.Of(b)),
                            decimal n => new NumValue(LinearForm.Of(Rational.Of(n)), Today: false),
                            _ => new TextValue((string)value),
                        }));
                    }

                    result.Add(new Alternative(Formula.And(alt.Guard, _table.AtomFormula(new AttributeAtom(d.Var, attributes, name, AttributeAtom.UnknownValue))),
                        TermStatus.Unknown, null));
                    break;
                default:
                    throw Unsupported($"{c.Function}(…) of something that is not a division code");
            }
        }

        return result.ToImmutable();
    }

    private static int Amount(CallExpr c) =>
        c.Arguments[1] switch
        {
            LiteralExpr { Value.Kind: ValueKind.Number } l when l.Value.Number == decimal.Truncate(l.Value.Number) && Math.Abs(l.Value.Number) <= 100_000 => (int)l.Value.Number,
            UnaryExpr { Op: UnaryOp.Negate, Operand: LiteralExpr { Value.Kind: ValueKind.Number } l } when l.Value.Number == decimal.Truncate(l.Value.Number) && l.Value.Number <= 100_000 => -(int)l.Value.Number,
            _ => throw new UnsupportedException($"{c.Function}(…) with an amount that is not a whole-number literal"),
        };

    private static TermValue ShiftOf(TermValue v, bool years, int amount)
    {
        if (v is not NumValue n)
        {
            throw Unsupported("shifts a shifted date again");
        }

        if (n.Form.IsConstant)
        {
            var date = DateOnly.FromDayNumber((int)n.Form.Constant.Numerator);
            var how = new ShiftValue(-1, years, amount);
            var shifted = Shift(date, how) ?? throw Unsupported("a date shifted out of the calendar");
            Func<DateOnly, Rational>? on = n.ConstantOn is { } f
                ? day => Rational.Of((Shift(DayOf(f(day)), how) ?? DayOf(f(day))).DayNumber)
                : null;
            return new NumValue(LinearForm.Of(Rational.Of(shifted.DayNumber)), n.Today, Calendar: n.Today || n.Calendar, on);
        }

        if (n.Form.Terms.Count == 1 && n.Form.Constant.Sign == 0 && n.Form.Terms.First().Value == Rational.One)
        {
            return new ShiftValue(n.Form.Terms.First().Key, years, amount);
        }

        throw Unsupported("addYears/addMonths of a date that is itself computed");
    }

    private static DateOnly DayOf(Rational dayNumber) =>
        DateOnly.FromDayNumber((int)Math.Clamp((long)dayNumber.Floor(), DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber));

    private TermValue YearsOf(TermValue a, TermValue b)
    {
        if (a is NumValue from && b is NumValue to && to.Form.IsConstant)
        {
            var at = DateOnly.FromDayNumber((int)to.Form.Constant.Numerator);
            if (from.Form.IsConstant)
            {
                var start = DateOnly.FromDayNumber((int)from.Form.Constant.Numerator);
                var today = to.Today || from.Today;
                var (fromOn, toOn) = (ConstantOn(from), ConstantOn(to));
                return new NumValue(LinearForm.Of(Rational.Of(CompletedYears.Between(start, at))), today, Calendar: today,
                    today ? day => Rational.Of(CompletedYears.Between(DayOf(fromOn(day)), DayOf(toOn(day)))) : null);
            }

            if (from.Form.Terms.Count == 1 && from.Form.Constant.Sign == 0 && from.Form.Terms.First().Value == Rational.One)
            {
                return new YearsValue(from.Form.Terms.First().Key, at, to.Today, Shifted: to.Today && !IsToday(to));
            }
        }

        throw new UnsupportedException("yearsBetween(…) whose second date is not fixed or whose first is computed");
    }

    private ImmutableArray<Alternative> Arithmetic(BinaryOp op, ImmutableArray<Alternative> left, ImmutableArray<Alternative> right) =>
        Cross(left, right, (a, b) =>
        {
            if (a is not NumValue l || b is not NumValue r)
            {
                throw new UnsupportedException("arithmetic on a count of years or a shifted date");
            }

            // The evaluator computes in decimal, the solver exactly: they agree while nothing is rounded.
            if (l.AnyScale || r.AnyScale)
            {
                throw new UnsupportedException("arithmetic on a decimal fact (its digits are unbounded, so the evaluator may round where the proof is exact)");
            }

            if (l.Rounded || r.Rounded)
            {
                throw new UnsupportedException("arithmetic on a value the evaluator has rounded (a quotient that does not terminate, or more than 28 digits)");
            }

            var exact = Compute(op, l, r);
            return exact with { Rounded = !DecimalExactness.IsRepresentable(exact.Form, _table) };
        });

    private static NumValue Compute(BinaryOp op, NumValue l, NumValue r)
    {
        var today = l.Today || r.Today;
        var calendar = l.Calendar || r.Calendar;
        var (lc, rc) = (ConstantOn(l), ConstantOn(r));
        Func<DateOnly, Rational>? On(Func<Rational, Rational, Rational> f) => today ? day => f(lc(day), rc(day)) : null;
        if (op is BinaryOp.Multiply or BinaryOp.Divide && ((l.Today && !r.Form.IsConstant) || (r.Today && !l.Form.IsConstant)))
        {
            throw new UnsupportedException("multiplies a fact by a number that depends on the evaluation date (not linear)");
        }

        switch (op)
        {
            case BinaryOp.Add:
                return new NumValue(l.Form.Plus(r.Form), today, calendar, On((x, y) => x + y));
            case BinaryOp.Subtract:
                return new NumValue(l.Form.Minus(r.Form), today, calendar, On((x, y) => x - y));
            case BinaryOp.Multiply when l.Form.IsConstant:
                return new NumValue(r.Form.Times(l.Form.Constant), today, calendar || l.Today, On((x, y) => x * y));
            case BinaryOp.Multiply when r.Form.IsConstant:
                return new NumValue(l.Form.Times(r.Form.Constant), today, calendar || r.Today, On((x, y) => x * y));
            case BinaryOp.Multiply:
                throw new UnsupportedException("multiplies two facts (not linear)");
            case BinaryOp.Divide when r.Form.IsConstant && r.Form.Constant.Sign != 0:
                return new NumValue(l.Form.Times(Rational.One / r.Form.Constant), today, calendar || r.Today, On((x, y) => x / y));
            default:
                throw new UnsupportedException("divides by a fact or by zero");
        }
    }

    /// <summary>Combines two terms branch by branch: undetermined wins, then none, then the value.</summary>
    private static ImmutableArray<Alternative> Cross(ImmutableArray<Alternative> left, ImmutableArray<Alternative> right, Func<TermValue, TermValue, TermValue> combine)
    {
        var result = ImmutableArray.CreateBuilder<Alternative>();
        foreach (var l in left)
        {
            foreach (var r in right)
            {
                var guard = Formula.And(l.Guard, r.Guard);
                if (guard is ConstFormula { Value: false })
                {
                    continue;
                }

                var status = l.Status == TermStatus.Unknown || r.Status == TermStatus.Unknown ? TermStatus.Unknown
                    : l.Status == TermStatus.None || r.Status == TermStatus.None ? TermStatus.None : TermStatus.Known;
                result.Add(new Alternative(guard, status, status == TermStatus.Known ? combine(l.Value!, r.Value!) : null));
            }
        }

        return result.ToImmutable();
    }

    private static ImmutableArray<Alternative> Map(ImmutableArray<Alternative> term, Func<TermValue, TermValue> f) =>
        [.. term.Select(a => a.Status == TermStatus.Known ? a with { Value = f(a.Value!) } : a)];

    private ImmutableArray<Alternative> FactTerm(string name)
    {
        var declaration = _facts.Find(name) ?? throw new UnsupportedException($"fact '{name}' is not declared");
        FactsRead.Add(name);
        var given = _table.Bool(GivenName(name));
        if (declaration.DefaultsToCounty)
        {
            return [new Alternative(given, TermStatus.Known, new FdValue(Fd(name, FdKind.Division, _preferredCodes))),
                new Alternative(Formula.Not(given), TermStatus.Known, new FdValue(CountyVar))];
        }

        if (declaration.Derived is not null)
        {
            return Age(declaration);
        }

        TermValue value = declaration.Kind switch
        {
            FactKind.Bool => new BoolValue(_table.Bool(ValueName(name))),
            FactKind.Int or FactKind.Decimal => new NumValue(LinearForm.Var(Numeric(declaration)), Today: false, AnyScale: declaration.Kind == FactKind.Decimal),
            FactKind.Date => new NumValue(LinearForm.Var(Date(name, upToToday: false)), Today: false),
            FactKind.Enum => new FdValue(Fd(name, FdKind.Enum, declaration.Values)),
            FactKind.String => new FdValue(Fd(name, FdKind.Text, [])),
            FactKind.Division => new FdValue(Fd(name, FdKind.Division, _preferredCodes)),
            _ => new SetValue(name, Empty: false),
        };
        var absent = !declaration.AbsentMeansNone ? new Alternative(Formula.Not(given), TermStatus.Unknown, null)
            : declaration.Kind switch
            {
                // The engine fills an absent bool with false and an absent set with the empty set.
                FactKind.Bool => new Alternative(Formula.Not(given), TermStatus.Known, new BoolValue(Formula.False)),
                FactKind.Set => new Alternative(Formula.Not(given), TermStatus.Known, new SetValue(name, Empty: true)),
                _ => new Alternative(Formula.Not(given), TermStatus.None, null),
            };
        return [new Alternative(given, TermStatus.Known, value), absent];
    }

    /// <summary>
    /// Age: from the birth date when given, else a stated age, else undetermined. When no rule reads the birth
    /// date itself, age is one integer variable (any age has a birth date on any day).
    /// </summary>
    private ImmutableArray<Alternative> Age(FactDeclaration age)
    {
        var birth = _facts.Facts.First(f => f.Kind == FactKind.Date && f.Name == "birthDate").Name;
        if (!BirthDateMode)
        {
            FactsRead.Add(birth);
            var known = _table.Bool(GivenName(age.Name));
            return [new Alternative(known, TermStatus.Known, new NumValue(LinearForm.Var(Numeric(age)), Today: false)),
                new Alternative(Formula.Not(known), TermStatus.Unknown, null)];
        }

        FactsRead.Add(birth);
        var givenBirth = _table.Bool(GivenName(birth));
        var stated = _table.Bool(StatedAge);
        var birthVar = Date(birth, upToToday: true);
        return [
            new Alternative(givenBirth, TermStatus.Known, new YearsValue(birthVar, On, Today: true)),
            new Alternative(Formula.And(Formula.Not(givenBirth), stated), TermStatus.Known, new NumValue(LinearForm.Var(Numeric(age)), Today: false)),
            new Alternative(Formula.And(Formula.Not(givenBirth), Formula.Not(stated)), TermStatus.Unknown, null),
        ];
    }

    private int Numeric(FactDeclaration d)
    {
        if (!_numeric.TryGetValue(d.Name, out var id))
        {
            var min = d.Min is { } a ? Rational.Of(a) : -InputBound;
            var max = d.Max is { } b ? Rational.Of(b) : InputBound;
            id = _table.AddNumeric(new NumericVar(d.Name, d.Kind == FactKind.Int, min, max));
            _numeric[d.Name] = id;
        }

        return id;
    }

    private int Date(string name, bool upToToday)
    {
        if (!_numeric.TryGetValue(name, out var id))
        {
            // A birth date after the evaluation date is refused by the engine: no such resident exists.
            var last = upToToday || name == "birthDate" ? On : LastDate;
            id = _table.AddNumeric(new NumericVar(name, Integer: true, Rational.Of(FirstDate.DayNumber), Rational.Of(last.DayNumber)));
            _numeric[name] = id;
            _dateVars.Add(id);
            if (last == On)
            {
                _relativeYears.Add(id); // x ≤ evaluation date is "completed years ≥ 0"
            }
        }

        return id;
    }

    private int Fd(string name, FdKind kind, ImmutableArray<string> values)
    {
        if (!_fd.TryGetValue(name, out var id))
        {
            id = _table.AddFd(new FdVar(name, kind, values));
            _fd[name] = id;
        }

        return id;
    }
}
