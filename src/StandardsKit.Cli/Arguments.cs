using System.Globalization;
using StandardsKit.Expressions;

namespace StandardsKit.Cli;

internal static class Arguments
{
    public static DateOnly Date(string? text, string option)
    {
        if (text is null)
        {
            return DateOnly.FromDateTime(DateTime.Today);
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            throw new CliException($"{option} '{text}' is not a date; write YYYY-MM-DD, e.g. {option} 2024-06-01");
        }

        return ExpressionLimits.IsSupported(d)
            ? d
            : throw new CliException($"{option} {text} is outside the supported range {ExpressionLimits.DateRangeText}");
    }

    public static string County(string? code) => Code(code, "--county");

    public static string Code(string? code, string option)
    {
        if (code is null || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            throw new CliException(option == "--county"
                ? $"--county '{code}' is not a 6-digit county code, e.g. --county 310104"
                : $"{option} '{code}' is not a 6-digit division code, e.g. {option} 510000");
        }

        return code;
    }
}
