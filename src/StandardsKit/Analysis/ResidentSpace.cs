using System.Collections.Immutable;
using System.Globalization;
using StandardsKit.Divisions;
using StandardsKit.Engine;
using StandardsKit.Expressions;
using StandardsKit.Model;

namespace StandardsKit.Analysis;

/// <summary>
/// A finite set of residents that covers every behaviour of a group of expressions. Each fact the expressions
/// read gets the values on and around every constant it is compared with (boundary values), every enum value,
/// every combination of the set members the expressions test, inside and outside every division they name,
/// and "absent" where absence has a meaning. Two expressions over these facts that agree on every resident of
/// the space agree on all residents, as long as comparisons are against constants (which the language's
/// closed operator set keeps true for the rules we encode); arithmetic over facts is covered heuristically by
/// adding each literal of the comparison as a boundary.
/// </summary>
internal sealed class ResidentSpace
{
    /// <summary>Above this many residents the space is sampled, and the proof says it is partial.</summary>
    public const int MaxResidents = 200_000;

    private readonly List<(string Fact, List<object?> Values)> _dimensions;

    private ResidentSpace(List<(string, List<object?>)> dimensions, long size, bool approximate)
    {
        _dimensions = dimensions;
        Size = size;
        _approximate = approximate;
    }

    private readonly bool _approximate;

    /// <summary>How many residents the full space has.</summary>
    public long Size { get; }

    /// <summary>
    /// True when <see cref="Residents"/> covers every behaviour: the space is small enough to enumerate and no
    /// dimension had to be cut down (sets testing more than six members are sampled, not enumerated).
    /// </summary>
    public bool IsExhaustive => Size <= MaxResidents && !_approximate;

    private bool Enumerable => Size <= MaxResidents;

    public static ResidentSpace For(IEnumerable<CompiledExpression> expressions, FactVocabulary facts, IEnumerable<DateOnly> dates)
    {
        var collector = new BoundaryCollector(facts, [.. dates]);
        foreach (var e in expressions)
        {
            collector.Visit(e.Syntax);
        }

        var dimensions = collector.Dimensions();

        // Saturating: an overflowing product must read as "too large", never wrap round to "small".
        long size = 1;
        foreach (var (_, values) in dimensions)
        {
            size = values.Count == 0 || size <= long.MaxValue / values.Count ? size * Math.Max(1, values.Count) : long.MaxValue;
        }

        return new ResidentSpace(dimensions, size, collector.Approximate);
    }

    /// <summary>Every resident of the space (or a deterministic sample when it is too large).</summary>
    public IEnumerable<Resident> Residents()
    {
        if (Enumerable)
        {
            var index = new int[_dimensions.Count];
            while (true)
            {
                yield return Build(index);
                var k = 0;
                while (k < index.Length && ++index[k] == _dimensions[k].Values.Count)
                {
                    index[k] = 0;
                    k++;
                }

                if (k == index.Length)
                {
                    yield break;
                }
            }
        }

        var random = new Random(20230809);
        for (var n = 0; n < MaxResidents; n++)
        {
            yield return Build([.. _dimensions.Select(d => random.Next(d.Values.Count))]);
        }
    }

    private Resident Build(int[] index)
    {
        var resident = Resident.Empty;
        for (var i = 0; i < index.Length; i++)
        {
            var (fact, values) = _dimensions[i];
            resident = values[index[i]] switch
            {
                bool b => resident.With(fact, b),
                decimal d => resident.With(fact, d),
                DateOnly date => resident.With(fact, date),
                string s => resident.With(fact, s),
                ImmutableArray<string> set => resident.With(fact, set),
                _ => resident,
            };
        }

        return resident;
    }

    /// <summary>Renders a resident as compact JSON-like text for messages: {"age": 64, "hukou": "310101"}.</summary>
    public static string Describe(Resident resident) =>
        "{" + string.Join(", ", resident.Facts.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"\"{f.Key}\": {Show(f.Value)}")) + "}";

    private static string Show(object value) => value switch
    {
        bool b => b ? "true" : "false",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        string s => $"\"{s}\"",
        DateOnly d => $"\"{d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\"",
        ImmutableArray<string> set => "[" + string.Join(", ", set.Select(x => $"\"{x}\"")) + "]",
        _ => "null",
    };

    private sealed class BoundaryCollector(FactVocabulary facts, List<DateOnly> dates)
    {
        private readonly Dictionary<string, SortedSet<decimal>> _numbers = new(StringComparer.Ordinal);
        private readonly Dictionary<string, SortedSet<string>> _within = new(StringComparer.Ordinal);
        private readonly Dictionary<string, SortedSet<string>> _literals = new(StringComparer.Ordinal);
        private readonly Dictionary<string, SortedSet<string>> _members = new(StringComparer.Ordinal);
        private readonly Dictionary<string, SortedSet<DateOnly>> _dates = new(StringComparer.Ordinal);
        private readonly HashSet<string> _presenceTested = new(StringComparer.Ordinal);
        private readonly List<string> _order = [];

        /// <summary>True when a dimension was cut down, so enumerating the space proves nothing by itself.</summary>
        public bool Approximate { get; private set; }

        public void Visit(Expr expr)
        {
            switch (expr)
            {
                case FactExpr f:
                    Touch(f.Name);
                    break;
                case UnaryExpr u:
                    Visit(u.Operand);
                    break;
                case BinaryExpr b:
                    Visit(b.Left);
                    Visit(b.Right);
                    if (b.Op is not (BinaryOp.And or BinaryOp.Or))
                    {
                        Relate(b, Literals(b));
                    }

                    break;
                case InExpr i:
                    Visit(i.Needle);
                    foreach (var item in i.Items)
                    {
                        Visit(item);
                    }

                    Relate(i.Needle, [.. i.Items.SelectMany(Literals)]);
                    break;
                case CallExpr c:
                    foreach (var a in c.Arguments)
                    {
                        Visit(a);
                    }

                    if (c.Function == "within" && c.Arguments[0] is FactExpr div && c.Arguments[1] is LiteralExpr { Value.Text: { } code })
                    {
                        Get(_within, div.Name, StringComparer.Ordinal).Add(code);
                    }
                    else if (c.Function is "has" or "hasAny" && c.Arguments[0] is FactExpr set)
                    {
                        foreach (var literal in c.Arguments.Skip(1).SelectMany(Literals))
                        {
                            Get(_members, set.Name, StringComparer.Ordinal).Add(literal.Text!);
                        }
                    }
                    else if (c.Function == "present" && c.Arguments[0] is FactExpr tested)
                    {
                        _presenceTested.Add(tested.Name);
                    }

                    break;
                case ListExpr l:
                    foreach (var item in l.Items)
                    {
                        Visit(item);
                    }

                    break;
            }
        }

        private static List<Value> Literals(Expr e) => e switch
        {
            LiteralExpr l => [l.Value],
            UnaryExpr { Op: UnaryOp.Negate } u => [.. Literals(u.Operand).Select(v => v.Kind == ValueKind.Number ? Value.Of(-v.Number) : v)],
            UnaryExpr u => Literals(u.Operand),
            BinaryExpr b => [.. Literals(b.Left), .. Literals(b.Right)],
            ListExpr l => [.. l.Items.SelectMany(Literals)],
            CallExpr c => [.. c.Arguments.SelectMany(Literals)],
            _ => [],
        };

        private void Relate(Expr e, List<Value> literals)
        {
            var numbers = literals.Where(l => l.Kind == ValueKind.Number).Select(l => l.Number).Distinct().ToList();
            foreach (var fact in FactsIn(e))
            {
                var kind = facts.Find(fact)?.Kind;
                foreach (var literal in literals)
                {
                    switch (literal.Kind)
                    {
                        case ValueKind.Number:
                            Get(_numbers, fact).Add(literal.Number);
                            break;
                        case ValueKind.String when kind is FactKind.Division or FactKind.String:
                            Get(_literals, fact, StringComparer.Ordinal).Add(literal.Text!);
                            break;
                        case ValueKind.Date:
                            Get(_dates, fact).Add(literal.Date);
                            break;
                    }
                }

                // Arithmetic over a fact moves its boundary: residenceMonths / 12 >= 2 turns at 24. Products,
                // quotients, sums and differences of the comparison's literals cover linear forms.
                if (kind is FactKind.Int or FactKind.Decimal && numbers.Count > 1)
                {
                    foreach (var a in numbers)
                    {
                        foreach (var b in numbers)
                        {
                            Get(_numbers, fact).Add(Clamp(a * b));
                            Get(_numbers, fact).Add(a + b);
                            Get(_numbers, fact).Add(a - b);
                            if (b != 0)
                            {
                                Get(_numbers, fact).Add(decimal.Round(a / b, 6));
                            }
                        }
                    }
                }

                if (kind == FactKind.Date)
                {
                    // A date compared through addYears/addMonths/addDays or against an age: each number may
                    // count years, months or days back from a literal date or an evaluation date.
                    var anchors = dates.Concat(literals.Where(l => l.Kind == ValueKind.Date).Select(l => l.Date)).Distinct().ToList();
                    foreach (var n in numbers.Where(n => n == decimal.Truncate(n) && Math.Abs(n) <= 100_000))
                    {
                        foreach (var anchor in anchors)
                        {
                            foreach (var shifted in Shifts(anchor, (int)n))
                            {
                                Get(_dates, fact).Add(shifted);
                            }
                        }
                    }
                }
            }
        }

        private static decimal Clamp(decimal d) => Math.Clamp(d, -1_000_000_000m, 1_000_000_000m);

        private static IEnumerable<DateOnly> Shifts(DateOnly anchor, int n)
        {
            foreach (var (years, months, days) in new[] { (-n, 0, 0), (0, -n, 0), (0, 0, -n) })
            {
                if (SafeShift(anchor, years, months, days) is { } d)
                {
                    yield return d;
                }
            }
        }

        private static DateOnly? SafeShift(DateOnly d, int years, int months, int days)
        {
            try
            {
                return d.AddYears(years).AddMonths(months).AddDays(days);
            }
            catch (ArgumentOutOfRangeException)
            {
                return null;
            }
        }

        private static IEnumerable<string> FactsIn(Expr e) => e switch
        {
            FactExpr f => [f.Name],
            UnaryExpr u => FactsIn(u.Operand),
            BinaryExpr b => FactsIn(b.Left).Concat(FactsIn(b.Right)),
            CallExpr c => c.Arguments.SelectMany(FactsIn),
            _ => [],
        };

        private void Touch(string fact)
        {
            if (!_order.Contains(fact))
            {
                _order.Add(fact);
            }
        }

        private SortedSet<DateOnly> Dates(string f) => Get(_dates, f);

        private static SortedSet<T> Get<T>(Dictionary<string, SortedSet<T>> map, string key, IComparer<T>? comparer = null)
        {
            if (!map.TryGetValue(key, out var set))
            {
                map[key] = set = comparer is null ? [] : new SortedSet<T>(comparer);
            }

            return set;
        }

        public List<(string, List<object?>)> Dimensions()
        {
            // A derived age is set directly unless birthDate itself is used, which then carries the ages.
            var usesBirthDate = _order.Contains("birthDate");
            var result = new List<(string, List<object?>)>();
            foreach (var fact in _order)
            {
                var d = facts.Find(fact);
                if (d is null || (d.Derived is not null && usesBirthDate))
                {
                    continue;
                }

                if (fact == "birthDate" && _numbers.TryGetValue("age", out var ages))
                {
                    foreach (var a in ages.Where(a => a is > 0 and < 150))
                    {
                        foreach (var on in dates)
                        {
                            if (SafeShift(on, -(int)a, 0, 0) is { } born)
                            {
                                Dates(fact).Add(born);
                            }
                        }
                    }
                }

                var values = ValuesOf(d);

                // Absence is a value worth trying where it means "none", and wherever a rule asks present(x).
                if ((d.AbsentMeansNone && d.Kind is not (FactKind.Bool or FactKind.Set)) || _presenceTested.Contains(fact))
                {
                    values.Add(null);
                }

                result.Add((fact, values.Distinct().ToList()));
            }

            return result;
        }

        private List<object?> ValuesOf(FactDeclaration d)
        {
            switch (d.Kind)
            {
                case FactKind.Bool:
                    return [true, false];
                case FactKind.Enum:
                    return [.. d.Values];
                case FactKind.Set:
                {
                    var mentioned = _members.GetValueOrDefault(d.Name)?.ToList() ?? [];
                    var subsets = new List<object?>();
                    if (mentioned.Count <= 6)
                    {
                        for (var mask = 0; mask < 1 << mentioned.Count; mask++)
                        {
                            subsets.Add(mentioned.Where((_, i) => (mask & (1 << i)) != 0).ToImmutableArray());
                        }
                    }
                    else
                    {
                        Approximate = true;
                        subsets.Add(ImmutableArray<string>.Empty);
                        subsets.AddRange(mentioned.Select(m => (object?)ImmutableArray.Create(m)));
                        subsets.AddRange(mentioned.Zip(mentioned.Skip(1)).Select(p => (object?)ImmutableArray.Create(p.First, p.Second)));
                        subsets.Add(mentioned.ToImmutableArray());
                    }

                    if (d.Values.FirstOrDefault(v => !mentioned.Contains(v)) is { } other)
                    {
                        subsets.Add(ImmutableArray.Create(other));
                    }

                    return subsets;
                }

                case FactKind.Division:
                    return [.. DivisionCandidates(d.Name)];

                case FactKind.String:
                    return [.. (_literals.GetValueOrDefault(d.Name) ?? []).Append("\u0000other").Select(x => (object?)x)];

                case FactKind.Date:
                {
                    var values = new List<object?>();
                    foreach (var date in _dates.GetValueOrDefault(d.Name) ?? [])
                    {
                        foreach (var day in new[] { -1, 0, 1 })
                        {
                            if (SafeShift(date, 0, 0, day) is { } shifted)
                            {
                                values.Add(shifted);
                            }
                        }
                    }

                    if (values.Count == 0)
                    {
                        values.Add(SafeShift(dates.Count > 0 ? dates[0] : new DateOnly(2020, 1, 1), -30, 0, 0) ?? new DateOnly(1990, 1, 1));
                    }

                    return values;
                }

                case FactKind.Int or FactKind.Decimal:
                {
                    // Decimal facts also get points a hair either side, so no interval between two boundaries is empty.
                    var steps = d.Kind == FactKind.Int ? new[] { 1m } : [0.01m, 0.000001m];
                    var values = new SortedSet<decimal> { 0 };
                    foreach (var n in _numbers.GetValueOrDefault(d.Name) ?? [])
                    {
                        values.Add(n);
                        foreach (var step in steps)
                        {
                            values.Add(n - step);
                            values.Add(n + step);
                        }

                        values.Add(decimal.Floor(n));
                        values.Add(decimal.Ceiling(n));
                    }

                    return [.. values.Where(v => (d.Min is null || v >= d.Min) && (d.Max is null || v <= d.Max)
                                                 && (d.Kind != FactKind.Int || v == decimal.Truncate(v)))
                        .Select(v => (object?)v)];
                }

                default:
                    return ["x"];
            }
        }

        /// <summary>
        /// Codes that separate every pair of named codes: each literal exactly (for == and in); for each
        /// within(x, W), a code inside W and, where W contains other named codes, one inside W but outside
        /// all of them (inside Sichuan, outside Chengdu); and a code outside everything.
        /// </summary>
        private IEnumerable<string> DivisionCandidates(string fact)
        {
            var within = _within.GetValueOrDefault(fact) ?? [];
            var literals = _literals.GetValueOrDefault(fact) ?? [];
            var named = within.Concat(literals).Distinct().ToList();
            var result = new List<string>(literals);
            foreach (var w in within)
            {
                var inside = InsideCodes(w).ToList();
                result.Add(inside[0]);
                var descendants = named.Where(n => n != w && DivisionCode.IsWithin(n, w)).ToList();
                if (descendants.Count > 0 && inside.FirstOrDefault(c => descendants.All(n => !DivisionCode.IsWithin(c, n) && c != n)) is { } apart)
                {
                    result.Add(apart);
                }
            }

            result.Add("999999"); // outside every jurisdiction: no real code starts with 99
            return result.Distinct();
        }

        private static IEnumerable<string> InsideCodes(string ancestor)
        {
            var prefix = DivisionCode.ContainmentPrefix(ancestor);
            if (prefix.Length == 6)
            {
                yield return ancestor;
                yield break;
            }

            if (prefix.Length == 0)
            {
                yield return "110101"; // within the nation: any real county
                yield break;
            }

            var tails = prefix.Length == 4 ? new[] { "01", "02", "98", "99" } : ["0101", "0201", "9801", "9901", "0199"];
            foreach (var tail in tails)
            {
                yield return (prefix + tail)[..6];
            }
        }
    }
}
