using System.Globalization;
using System.Numerics;

namespace StandardsKit.Analysis.Symbolic;

/// <summary>An exact fraction. Elimination multiplies coefficients, so decimal would round or overflow where this cannot.</summary>
internal readonly struct Rational : IEquatable<Rational>, IComparable<Rational>
{
    public static readonly Rational Zero = new(BigInteger.Zero, BigInteger.One);
    public static readonly Rational One = new(BigInteger.One, BigInteger.One);

    private Rational(BigInteger numerator, BigInteger denominator)
    {
        Numerator = numerator;
        Denominator = denominator;
    }

    public BigInteger Numerator { get; }

    /// <summary>Always positive; <c>default(Rational)</c> is never used.</summary>
    public BigInteger Denominator { get; }

    public int Sign => Numerator.Sign;

    public bool IsInteger => Denominator.IsOne;

    public static Rational Of(BigInteger n, BigInteger d)
    {
        if (d.IsZero)
        {
            throw new DivideByZeroException();
        }

        if (d.Sign < 0)
        {
            (n, d) = (-n, -d);
        }

        var g = BigInteger.GreatestCommonDivisor(n, d);
        return g.IsOne || g.IsZero ? new Rational(n, d.IsZero ? BigInteger.One : d) : new Rational(n / g, d / g);
    }

    public static Rational Of(long n) => new(n, BigInteger.One);

    public static Rational Of(decimal d)
    {
        // A decimal is an integer mantissa over a power of ten: exact.
        var bits = decimal.GetBits(d);
        var scale = (bits[3] >> 16) & 0xFF;
        var mantissa = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        if (bits[3] < 0)
        {
            mantissa = -mantissa;
        }

        return Of(mantissa, BigInteger.Pow(10, scale));
    }

    public BigInteger Floor() => BigInteger.Divide(Numerator - (Numerator.Sign < 0 ? Denominator - 1 : 0), Denominator);

    public BigInteger Ceiling() => -(-this).Floor();

    public static Rational operator +(Rational a, Rational b) => Of((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static Rational operator -(Rational a, Rational b) => a + (-b);

    public static Rational operator -(Rational a) => new(-a.Numerator, a.Denominator);

    public static Rational operator *(Rational a, Rational b) => Of(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Rational operator /(Rational a, Rational b) => Of(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;

    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;

    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    public static bool operator ==(Rational a, Rational b) => a.Equals(b);

    public static bool operator !=(Rational a, Rational b) => !a.Equals(b);

    public int CompareTo(Rational other) => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    public bool Equals(Rational other) => Numerator == other.Numerator && Denominator == other.Denominator;

    public override bool Equals(object? obj) => obj is Rational r && Equals(r);

    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    /// <summary>The value as a decimal, for example residents; callers only convert values the bounds keep in range.</summary>
    public decimal ToDecimal() => (decimal)Numerator / (decimal)Denominator;

    public override string ToString() => IsInteger
        ? Numerator.ToString(CultureInfo.InvariantCulture)
        : $"{Numerator.ToString(CultureInfo.InvariantCulture)}/{Denominator.ToString(CultureInfo.InvariantCulture)}";
}
