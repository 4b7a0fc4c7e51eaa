using System.Collections.Immutable;
using System.Text;

namespace StandardsKit.Analysis.Symbolic;

/// <summary>Σ coefficient·variable + constant over numeric variables (numbers and dates as day numbers).</summary>
internal sealed class LinearForm : IEquatable<LinearForm>
{
    public static readonly LinearForm ZeroForm = new(ImmutableSortedDictionary<int, Rational>.Empty, Rational.Zero);

    public LinearForm(ImmutableSortedDictionary<int, Rational> terms, Rational constant)
    {
        Terms = terms;
        Constant = constant;
    }

    /// <summary>Variable id → non-zero coefficient, in id order (the order makes keys canonical).</summary>
    public ImmutableSortedDictionary<int, Rational> Terms { get; }

    public Rational Constant { get; }

    public bool IsConstant => Terms.IsEmpty;

    public static LinearForm Of(Rational constant) => new(ImmutableSortedDictionary<int, Rational>.Empty, constant);

    public static LinearForm Var(int id) => new(ImmutableSortedDictionary<int, Rational>.Empty.Add(id, Rational.One), Rational.Zero);

    public LinearForm Plus(LinearForm other)
    {
        var terms = Terms.ToBuilder();
        foreach (var (v, c) in other.Terms)
        {
            var sum = terms.TryGetValue(v, out var existing) ? existing + c : c;
            if (sum.Sign == 0)
            {
                terms.Remove(v);
            }
            else
            {
                terms[v] = sum;
            }
        }

        return new LinearForm(terms.ToImmutable(), Constant + other.Constant);
    }

    public LinearForm Times(Rational k) => k.Sign == 0
        ? ZeroForm
        : new LinearForm(Terms.ToImmutableSortedDictionary(p => p.Key, p => p.Value * k), Constant * k);

    public LinearForm Minus(LinearForm other) => Plus(other.Times(-Rational.One));

    public bool Equals(LinearForm? other) =>
        other is not null && Constant == other.Constant && Terms.Count == other.Terms.Count
        && Terms.All(p => other.Terms.TryGetValue(p.Key, out var c) && c == p.Value);

    public override bool Equals(object? obj) => Equals(obj as LinearForm);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Constant);
        foreach (var (v, c) in Terms)
        {
            h.Add(v);
            h.Add(c);
        }

        return h.ToHashCode();
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var (v, c) in Terms)
        {
            sb.Append(c).Append("·x").Append(v).Append(" + ");
        }

        return sb.Append(Constant).ToString();
    }
}
