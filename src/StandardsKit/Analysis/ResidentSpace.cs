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

    private ResidentSpace(List<(string, List<object?>)> dimensions, long size)
    {
        _dimensions = dimensions;
        Size = size;
    }

    /// <summary>How many residents the full space has.</summary>
    public long Size { get; }

    /// <summary>True when <see cref="Residents"/> covers the whole space rather than a sample.</summary>
    public bool IsExhaustive => Size <= MaxResidents;

    public static ResidentSpace For(IEnumerable<CompiledExpression> expressions, FactVocabulary facts, IEnumerable<DateOnly> dates)
    {
        var collector = new BoundaryCollector(facts, [.. dates]);
        foreach (var e in expressions)
        {
            collector.Visit(e.Syntax);
        }

        var dimensions = collector.Dimensions();
        long size = 1;
        foreach (var (_, values) in dimensions)
        {
            size = Math.Min(long.MaxValue / 1024, size * values.Count);
        }

        return new ResidentSpace(dimensions, size);
    }

    /// <summary>Every resident of the space (or a deterministic sample when it is too large).</summary>
    public IEnumerable<Resident> Residents()
    {
        if (IsExhaustive)
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
        private readonly Dictionary<string, SortedSet<string>> _codes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, SortedSet<string>> _members = new(StringComparer.Ordinal);
        private readonly Dictionary<string, SortedSet<DateOnly>> _dates = new(StringComparer.Ordinal);
        private readonly List<string> _order = [];

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

                    Relate(i.Needle, i.Items.SelectMany(Literals).ToList());
                    break;
                case CallExpr c:
                    foreach (var a in c.Arguments)
                    {
                        Visit(a);
                    }

                    if (c.Function == "within" && c.Arguments[0] is FactExpr div && c.Arguments[1] is LiteralExpr { Value.Text: { } code })
                    {
                        Codes(div.Name).Add(code);
                    }
                    else if (c.Function is "has" or "hasAny" && c.Arguments[0] is FactExpr set)
                    {
                        foreach (var literal in c.Arguments.Skip(1).SelectMany(Literals))
                        {
                            Members(set.Name).Add(literal.Text!);
                        }
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
            UnaryExpr u => Literals(u.Operand),
            BinaryExpr b => [.. Literals(b.Left), .. Literals(b.Right)],
            ListExpr l => [.. l.Items.SelectMany(Literals)],
            CallExpr c => [.. c.Arguments.SelectMany(Literals)],
            _ => [],
        };

        private void Relate(Expr e, List<Value> literals)
        {
            foreach (var fact in FactsIn(e))
            {
                foreach (var literal in literals)
                {
                    switch (literal.Kind)
                    {
                        case ValueKind.Number:
                            Numbers(fact).Add(literal.Number);
                            break;
                        case ValueKind.String when facts.Find(fact)?.Kind == FactKind.Division:
                            Codes(fact).Add(literal.Text!);
                            break;
                        case ValueKind.Date:
                            Dates(fact).Add(literal.Date);
                            break;
                    }
                }

                if (facts.Find(fact)?.Kind == FactKind.Date)
                {
                    // birthDate compared through age-like arithmetic: each number may be a count of years.
                    foreach (var n in literals.Where(l => l.Kind == ValueKind.Number && l.Number is > 0 and < 150))
                    {
                        foreach (var d in dates)
                        {
                            Dates(fact).Add(d.AddYears(-(int)n.Number));
                        }
                    }
                }
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

        private SortedSet<decimal> Numbers(string f) => Get(_numbers, f);

        private SortedSet<string> Codes(string f) => Get(_codes, f, StringComparer.Ordinal);

        private SortedSet<string> Members(string f) => Get(_members, f, StringComparer.Ordinal);

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
                            Dates(fact).Add(on.AddYears(-(int)a));
                        }
                    }
                }

                var values = ValuesOf(d);
                if (d.AbsentMeansNone && d.Kind is not (FactKind.Bool or FactKind.Set))
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
                        subsets.Add(ImmutableArray<string>.Empty);
                        subsets.AddRange(mentioned.Select(m => (object?)ImmutableArray.Create(m)));
                        subsets.Add(mentioned.ToImmutableArray());
                    }

                    if (d.Values.FirstOrDefault(v => !mentioned.Contains(v)) is { } other)
                    {
                        subsets.Add(ImmutableArray.Create(other));
                    }

                    return subsets;
                }

                case FactKind.Division:
                {
                    var codes = new List<object?>();
                    foreach (var code in _codes.GetValueOrDefault(d.Name) ?? [])
                    {
                        codes.Add(Inside(code));
                    }

                    codes.Add("999999"); // outside every jurisdiction: no real code starts with 99
                    return codes;
                }

                case FactKind.Date:
                {
                    var values = new List<object?>();
                    foreach (var date in _dates.GetValueOrDefault(d.Name) ?? [])
                    {
                        values.Add(Iso(date.AddDays(-1)));
                        values.Add(Iso(date));
                        values.Add(Iso(date.AddDays(1)));
                    }

                    if (values.Count == 0)
                    {
                        values.Add(Iso(dates.Count > 0 ? dates[0].AddYears(-30) : new DateOnly(1990, 1, 1)));
                    }

                    return values;
                }

                case FactKind.Int or FactKind.Decimal:
                {
                    var step = d.Kind == FactKind.Int ? 1m : 0.01m;
                    var values = new SortedSet<decimal> { 0 };
                    foreach (var n in _numbers.GetValueOrDefault(d.Name) ?? [])
                    {
                        values.Add(n - step);
                        values.Add(n);
                        values.Add(n + step);
                        if (d.Kind == FactKind.Int)
                        {
                            values.Add(decimal.Floor(n));
                            values.Add(decimal.Ceiling(n));
                        }
                    }

                    return [.. values.Where(v => (d.Min is null || v >= d.Min) && (d.Max is null || v <= d.Max)
                                                 && (d.Kind != FactKind.Int || v == decimal.Truncate(v)))
                        .Select(v => (object?)v)];
                }

                default:
                    return ["x"];
            }
        }

        /// <summary>A county-level code inside <paramref name="ancestor"/>.</summary>
        private static string Inside(string ancestor)
        {
            var prefix = DivisionCode.ContainmentPrefix(ancestor);
            return prefix.Length switch
            {
                6 => ancestor,
                4 => prefix + "01",
                2 => prefix + "0101",
                _ => "110101",
            };
        }

        private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
