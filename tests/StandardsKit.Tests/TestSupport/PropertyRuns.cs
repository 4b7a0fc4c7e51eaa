using System.Globalization;

namespace StandardsKit.Tests.TestSupport;

/// <summary>
/// How many cases a CsCheck property runs: the count written in the test times <c>STANDARDSKIT_PROPERTY_SCALE</c>
/// (a whole number ≥ 1; unset means 1, so CI stays fast). Set it to search harder before a release or after
/// touching the analyses, e.g. <c>STANDARDSKIT_PROPERTY_SCALE=20 dotnet test … --filter FullyQualifiedName~Property</c>.
/// A failure prints CsCheck's seed; pin it in a regression test with <c>seed:</c>.
/// </summary>
internal static class PropertyRuns
{
    public const string Variable = "STANDARDSKIT_PROPERTY_SCALE";

    /// <summary>The multiplier in force.</summary>
    public static int Scale { get; } = Parse(Environment.GetEnvironmentVariable(Variable));

    /// <summary><paramref name="iterations"/> scaled.</summary>
    public static int Of(int iterations) => checked(iterations * Scale);

    internal static int Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return 1;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var scale) && scale is >= 1 and <= 10_000
            ? scale
            : throw new InvalidOperationException($"{Variable}='{value}' is not a whole number from 1 to 10000 (the factor applied to property-test iterations)");
    }
}
