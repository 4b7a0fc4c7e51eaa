using System.Globalization;
using CsCheck;
using StandardsKit.Engine;
using StandardsKit.Expressions;
using static StandardsKit.Tests.Expressions.ExpressionHarness;
using StandardsKit.Tests.TestSupport;

namespace StandardsKit.Tests.Expressions;

/// <summary>Property-based checks of the compiled evaluator against a plain reference of Kleene logic.</summary>
public class ExpressionPropertyTests
{
    private const int Iterations = 500;

    private static readonly string[] BoolFacts = ["pregnant", "ruralHukou", "dibao", "orphan"];

    private abstract record Node;

    private sealed record Lit(bool Value) : Node;

    private sealed record FactRef(string Name) : Node;

    private sealed record NotNode(Node Operand) : Node;

    private sealed record BinNode(bool IsAnd, Node Left, Node Right) : Node;

    /// <summary>Reference result: null is undetermined; Missing is the union of the undetermined operands' facts.</summary>
    private readonly record struct Kleene(bool? Value, UInt128 Missing);

    private static readonly Gen<Node> Leaf = Gen.Frequency(
        (1, Gen.Bool.Select(b => (Node)new Lit(b))),
        (4, Gen.OneOfConst(BoolFacts).Select(f => (Node)new FactRef(f))));

    private static Gen<Node> ExprGen(int depth) => depth == 0
        ? Leaf
        : Gen.Frequency(
            (2, Leaf),
            (1, ExprGen(depth - 1).Select(n => (Node)new NotNode(n))),
            (3, Gen.Select(Gen.Bool, ExprGen(depth - 1), ExprGen(depth - 1), (and, l, r) => (Node)new BinNode(and, l, r))));

    /// <summary>Each bool fact is true, false or missing (null).</summary>
    private static readonly Gen<bool?[]> FactValues = Gen.OneOfConst<bool?>(true, false, null).Array[BoolFacts.Length];

    private static readonly Gen<Node> Exprs = ExprGen(4);

    private static string Render(Node n) => n switch
    {
        Lit l => l.Value ? "true" : "false",
        FactRef f => f.Name,
        NotNode u => "not (" + Render(u.Operand) + ")",
        BinNode b => "(" + Render(b.Left) + (b.IsAnd ? " and " : " or ") + Render(b.Right) + ")",
        _ => throw new InvalidOperationException(),
    };

    private static Kleene Reference(Node n, bool?[] values) => n switch
    {
        Lit l => new(l.Value, 0),
        FactRef f => values[Array.IndexOf(BoolFacts, f.Name)] is { } v ? new(v, 0) : new(null, Bit(f.Name)),
        NotNode u => Reference(u.Operand, values) is var o && o.Value is { } ov ? new(!ov, 0) : Reference(u.Operand, values),
        BinNode b => Combine(b.IsAnd, Reference(b.Left, values), Reference(b.Right, values)),
        _ => throw new InvalidOperationException(),
    };

    private static Kleene Combine(bool isAnd, Kleene l, Kleene r)
    {
        var decisive = !isAnd;
        if (l.Value == decisive || r.Value == decisive)
        {
            return new(decisive, 0);
        }

        if (l.Value is null || r.Value is null)
        {
            return new(null, l.Missing | r.Missing);
        }

        return new(!decisive, 0);
    }

    private static Resident ResidentOf(bool?[] values)
    {
        var r = Resident.Empty;
        for (var i = 0; i < BoolFacts.Length; i++)
        {
            if (values[i] is { } v)
            {
                r = r.With(BoolFacts[i], v);
            }
        }

        return r;
    }

    private static Kleene Actual(string text, bool?[] values)
    {
        var v = Eval(text, ResidentOf(values));
        return v.Kind switch
        {
            ValueKind.Bool => new(v.Bool, v.Missing),
            ValueKind.Unknown => new(null, v.Missing),
            _ => throw new InvalidOperationException($"'{text}' evaluated to {v.Kind}"),
        };
    }

    private static string Show(Node n, bool?[] values) =>
        Render(n) + " with " + string.Join(", ", BoolFacts.Select((f, i) => $"{f}={values[i]?.ToString() ?? "missing"}"));

    [Fact]
    public void Compiled_boolean_expressions_agree_with_a_reference_Kleene_evaluator()
    {
        Gen.Select(Exprs, FactValues).Sample((node, values) =>
        {
            Actual(Render(node), values).Should().Be(Reference(node, values), Show(node, values));
        }, iter: PropertyRuns.Of(Iterations));
    }

    [Fact]
    public void Double_negation_is_the_identity_in_three_valued_logic()
    {
        Gen.Select(Exprs, FactValues).Sample((node, values) =>
        {
            var e = Render(node);
            Actual($"not not ({e})", values).Should().Be(Actual(e, values), Show(node, values));
        }, iter: PropertyRuns.Of(Iterations));
    }

    [Fact]
    public void De_Morgan_laws_hold_in_three_valued_logic()
    {
        Gen.Select(ExprGen(3), ExprGen(3), FactValues).Sample((a, b, values) =>
        {
            var (x, y) = (Render(a), Render(b));
            var because = Show(new BinNode(true, a, b), values);
            Actual($"not ({x} and {y})", values).Should().Be(Actual($"(not ({x})) or (not ({y}))", values), because);
            Actual($"not ({x} or {y})", values).Should().Be(Actual($"(not ({x})) and (not ({y}))", values), because);
        }, iter: PropertyRuns.Of(Iterations));
    }

    private static readonly string[] Ops = ["<", "<=", ">", ">=", "==", "!="];

    private static bool Compare(decimal a, string op, decimal b) => op switch
    {
        "<" => a < b,
        "<=" => a <= b,
        ">" => a > b,
        ">=" => a >= b,
        "==" => a == b,
        _ => a != b,
    };

    private static string Literal(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void Numeric_literal_comparisons_agree_with_CSharp()
    {
        // Small ranges make equal values common, so == and the boundaries of <= and >= are exercised.
        var number = Gen.Frequency(
            (1, Gen.Int[-20, 20].Select(i => (decimal)i)),
            (1, Gen.Int[-100_000, 100_000].Select(i => i / 100m)));
        Gen.Select(number, Gen.OneOfConst(Ops), number).Sample((a, op, b) =>
        {
            var text = $"{Literal(a)} {op} {Literal(b)}";
            var v = Eval(text, Resident.Empty);
            v.Kind.Should().Be(ValueKind.Bool, text);
            v.Bool.Should().Be(Compare(a, op, b), text);
        }, iter: PropertyRuns.Of(Iterations));
    }

    [Fact]
    public void Numeric_fact_comparisons_and_arithmetic_agree_with_CSharp()
    {
        Gen.Select(Gen.Int[0, 240], Gen.OneOfConst(Ops), Gen.Int[-5, 30], Gen.Int[1, 12]).Sample((months, op, b, divisor) =>
        {
            var text = $"residenceMonths / {divisor} {op} {b}";
            var v = Eval(text, Resident.Empty.With("residenceMonths", (decimal)months));
            v.Kind.Should().Be(ValueKind.Bool, text);
            v.Bool.Should().Be(Compare(months / (decimal)divisor, op, b), $"{text} with residenceMonths={months}");
        }, iter: PropertyRuns.Of(Iterations));
    }
}
