namespace StandardsKit.Cli.Output;

/// <summary>
/// One CSV cell as every CSV the tool writes spells it (<c>screen --format csv</c>, <c>equalization --format csv</c>):
/// RFC 4180 quoting, and the formula-injection policy. A cell that starts with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, a tab or a carriage return — characters a spreadsheet reads as the start of a formula — and is not a
/// plain number (<c>-12.5</c> stays as it is) gets a leading <c>'</c>, so an id or a name taken from the input or
/// the standards is shown as text and never run.
/// </summary>
internal static class CsvCell
{
    public static string Of(string value) => Quote(Defuse(value));

    /// <summary>The value with a leading <c>'</c> when a spreadsheet would run it as a formula.</summary>
    public static string Defuse(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsPlainNumber(value) ? "'" + value : value;

    /// <summary>Quotes a cell holding a comma, quote or line break (and doubles its quotes).</summary>
    public static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary><c>-?digits(.digits)?</c>: what the tool writes for a number.</summary>
    private static bool IsPlainNumber(string value)
    {
        var s = value.AsSpan(value[0] == '-' ? 1 : 0);
        var dot = s.IndexOf('.');
        var whole = dot < 0 ? s : s[..dot];
        var fraction = dot < 0 ? "0" : s[(dot + 1)..];
        return whole.Length > 0 && fraction.Length > 0 && !whole.ContainsAnyExceptInRange('0', '9') && !fraction.ContainsAnyExceptInRange('0', '9');
    }
}
