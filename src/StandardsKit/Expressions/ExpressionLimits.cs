using System.Globalization;

namespace StandardsKit.Expressions;

/// <summary>
/// Bounds that keep every expression cheap to parse, check, prove things about and evaluate, and that make
/// evaluation total: dates, shifts and numbers are bounded so no operation can leave its type's range at run
/// time (see <c>docs/semantics.md</c>).
/// </summary>
internal static class ExpressionLimits
{
    public const int MaxLength = 2000;
    public const int MaxDepth = 64;
    public const int MaxListLength = 64;

    /// <summary>Compiled rules track missing facts in a 128-bit mask, one bit per declared fact.</summary>
    public const int MaxFacts = 128;

    /// <summary>The largest magnitude of a number literal, and of a number fact without a declared min or max.</summary>
    public const decimal MaxNumber = 1_000_000_000_000_000m;

    /// <summary>The largest magnitude any arithmetic subexpression may reach; decimal's own limit is about 7.9 × 10^28.</summary>
    public const decimal MaxIntermediate = 1_000_000_000_000_000_000_000_000_000m;

    public const int MaxShiftYears = 200;
    public const int MaxShiftMonths = 2400;
    public const int MaxShiftDays = 73_000;

    /// <summary>The first date a literal, a resident's date fact or an evaluation date may be.</summary>
    public static readonly DateOnly FirstDate = new(1800, 1, 1);

    /// <summary>The last date a literal, a resident's date fact or an evaluation date may be.</summary>
    public static readonly DateOnly LastDate = new(2399, 12, 31);

    /// <summary>"1800-01-01..2399-12-31", for messages.</summary>
    public static string DateRangeText => $"{Iso(FirstDate)}..{Iso(LastDate)}";

    /// <summary>"−10^15..10^15", for messages.</summary>
    public const string NumberRangeText = "−10^15..10^15";

    public static bool IsSupported(DateOnly d) => d >= FirstDate && d <= LastDate;

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
