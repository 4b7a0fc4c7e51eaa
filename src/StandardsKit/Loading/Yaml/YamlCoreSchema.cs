using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace StandardsKit.Loading.Yaml;

/// <summary>
/// What a plain scalar means under the YAML 1.2 core schema — the schema editors (yaml-language-server) apply —
/// so that validation and binding read <c>0x1F</c>, <c>0o17</c>, <c>1e3</c> and <c>.inf</c> as the numbers an editor
/// shows, not as text. Quoted and block scalars are always text.
/// </summary>
/// <remarks>
/// Integers come back as <see cref="long"/> (or <see cref="decimal"/> beyond its range), decimals as
/// <see cref="decimal"/>, and what a decimal cannot hold (infinity, not-a-number, huge exponents) as
/// <see cref="double"/>.
/// </remarks>
internal static partial class YamlCoreSchema
{
    /// <summary>The value of <paramref name="scalar"/>: null, bool, long, decimal, double or the text itself.</summary>
    public static object? Resolve(YamlScalar scalar)
    {
        if (!scalar.IsPlain)
        {
            return scalar.Value;
        }

        if (scalar.IsNull)
        {
            return null;
        }

        var v = scalar.Value;
        return v switch
        {
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" => double.PositiveInfinity,
            "-.inf" or "-.Inf" or "-.INF" => double.NegativeInfinity,
            ".nan" or ".NaN" or ".NAN" => double.NaN,
            _ when DecimalInteger().IsMatch(v) => v.Length > MaxExactDigits
                ? double.Parse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)
                : Integer(BigInteger.Parse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)),
            _ when Octal().IsMatch(v) => Integer(v.AsSpan(2), 8),
            _ when Hexadecimal().IsMatch(v) => Integer(v.AsSpan(2), 16),
            _ when Float().IsMatch(v) => decimal.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                ? d
                : double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture),
            _ => v,
        };
    }

    /// <summary>The scalar as a whole number when it is one (<c>1.0</c> counts, as in JSON Schema); otherwise null.</summary>
    public static long? WholeNumber(YamlScalar scalar) => Resolve(scalar) switch
    {
        long l => l,
        decimal d when d == decimal.Truncate(d) && d >= long.MinValue && d <= long.MaxValue => (long)d,
        _ => null,
    };

    /// <summary>The scalar as a finite decimal when it is a number that fits one; otherwise null.</summary>
    public static decimal? Number(YamlScalar scalar) => Resolve(scalar) switch
    {
        long l => l,
        decimal d => d,
        _ => null,
    };

    /// <summary>Longer integers are far outside any value a standard holds: read them approximately, in linear time.</summary>
    private const int MaxExactDigits = 40;

    private static object Integer(ReadOnlySpan<char> digits, int radix)
    {
        if (digits.Length > MaxExactDigits)
        {
            var approximate = 0d;
            foreach (var c in digits)
            {
                approximate = approximate * radix + DigitValue(c);
            }

            return approximate;
        }

        var value = BigInteger.Zero;
        foreach (var c in digits)
        {
            value = value * radix + DigitValue(c);
        }

        return Integer(value);
    }

    private static int DigitValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    /// <summary>The narrowest of long, decimal and double that holds <paramref name="value"/>.</summary>
    private static object Integer(BigInteger value)
    {
        object narrowed = (double)value;
        if (value >= long.MinValue && value <= long.MaxValue)
        {
            narrowed = (long)value;
        }
        else if (value >= (BigInteger)decimal.MinValue && value <= (BigInteger)decimal.MaxValue)
        {
            narrowed = (decimal)value;
        }

        return narrowed;
    }

    [GeneratedRegex("^[-+]?[0-9]+\\z")]
    private static partial Regex DecimalInteger();

    [GeneratedRegex("^0o[0-7]+\\z")]
    private static partial Regex Octal();

    [GeneratedRegex("^0x[0-9a-fA-F]+\\z")]
    private static partial Regex Hexadecimal();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\z")]
    private static partial Regex Float();
}
