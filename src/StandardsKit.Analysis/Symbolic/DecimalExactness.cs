using System.Numerics;

namespace StandardsKit.Analysis.Symbolic;

/// <summary>
/// When the evaluator's C# <c>decimal</c> arithmetic (28–29 significant digits, each operation correctly rounded)
/// is guaranteed to give what the solver's exact rationals give. The solver never assumes it: a value that may
/// have been rounded may only be compared where the rounding cannot change the answer; otherwise the obligation
/// is unsupported (docs/analysis.md).
/// </summary>
internal static class DecimalExactness
{
    /// <summary>decimal holds every integer below 7.9 × 10^28; 28 digits always fit.</summary>
    private const int Digits = 28;

    private static readonly BigInteger RoundingScale = BigInteger.Pow(10, 27);

    /// <summary>
    /// True when every value of <paramref name="form"/> over its variables' ranges is a decimal of at most 28
    /// significant digits: then an operation that yields it is exact in decimal too.
    /// </summary>
    public static bool IsRepresentable(LinearForm form, SymbolTable table)
    {
        var scale = 0;
        foreach (var c in form.Terms.Values.Append(form.Constant))
        {
            if (Scale(c) is not { } s)
            {
                return false;
            }

            scale = Math.Max(scale, s);
        }

        var bound = Bound(form, table);
        var integerDigits = bound.Sign == 0 ? 1 : bound.Ceiling().ToString(System.Globalization.CultureInfo.InvariantCulture).TrimStart('-').Length;
        return integerDigits + scale <= Digits;
    }

    /// <summary>
    /// True when comparing the two sides in decimal, one of them rounded once, gives the exact answer: a non-zero
    /// exact difference is a multiple of 1/L (L the common denominator, the variables being integers) and exceeds
    /// both roundings (each at most the magnitude times 10^-27).
    /// </summary>
    public static bool RoundingCannotFlip(LinearForm difference, LinearForm left, LinearForm right, SymbolTable table)
    {
        if (difference.Terms.Keys.Any(v => !table.Numerics[v].Integer))
        {
            return false;
        }

        var lcm = BigInteger.One;
        foreach (var c in difference.Terms.Values.Append(difference.Constant))
        {
            lcm = lcm / BigInteger.GreatestCommonDivisor(lcm, c.Denominator) * c.Denominator;
        }

        var magnitude = (Bound(left, table) + Bound(right, table)).Ceiling() + 1;
        return lcm * magnitude < RoundingScale;
    }

    /// <summary>Decimal places of a terminating fraction; null when its expansion does not terminate.</summary>
    private static int? Scale(Rational r)
    {
        var d = r.Denominator;
        int twos = 0, fives = 0;
        while (d.IsEven)
        {
            d /= 2;
            twos++;
        }

        while (d % 5 == 0)
        {
            d /= 5;
            fives++;
        }

        return d.IsOne ? Math.Max(twos, fives) : null;
    }

    /// <summary>The largest magnitude the form takes over its variables' declared ranges.</summary>
    private static Rational Bound(LinearForm form, SymbolTable table)
    {
        var bound = Abs(form.Constant);
        foreach (var (v, c) in form.Terms)
        {
            var n = table.Numerics[v];
            var largest = Max(Abs(n.Min ?? Translator.InputBound), Abs(n.Max ?? Translator.InputBound));
            bound += Abs(c) * largest;
        }

        return bound;
    }

    private static Rational Abs(Rational r) => r.Sign < 0 ? -r : r;

    private static Rational Max(Rational a, Rational b) => a >= b ? a : b;
}
