using System.Globalization;
using StandardsKit.Expressions;

namespace StandardsKit.Cli;

internal static class Arguments
{
    /// <summary>What every <c>--on</c> option says about its default (README and docs/limits.md say the same).</summary>
    public const string DefaultDateText = "default: today in China (Asia/Shanghai, UTC+8), whatever the host's time zone";

    public static DateOnly Date(string? text, string option)
    {
        if (text is null)
        {
            return ChinaTime.Today();
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            throw new CliException($"{option} '{Shorten(text)}' is not a date; write YYYY-MM-DD, e.g. {option} 2024-06-01");
        }

        return ExpressionLimits.IsSupported(d)
            ? d
            : throw new CliException($"{option} {text} is outside the supported range {ExpressionLimits.DateRangeText}");
    }

    /// <summary>An argument echoed in an error: enough to recognise it, never a megabyte of it.</summary>
    public static string Shorten(string? text) =>
        text is null ? "" : text.Length <= 40 ? text : string.Create(CultureInfo.InvariantCulture, $"{text.AsSpan(0, 40)}… ({text.Length:N0} characters)");
}
