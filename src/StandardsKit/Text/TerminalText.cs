using System.Globalization;
using System.Text;

namespace StandardsKit.Text;

/// <summary>
/// The one escaping every text rendering goes through: text that comes from YAML, JSON, file names or git
/// (item names, rules, test names, paths) is printed on the line it belongs to and cannot change how the
/// output reads. Control characters (C0, DEL, C1), line and paragraph separators and the bidirectional
/// overrides become visible escapes (<c>\n</c>, <c>\u001B</c>, <c>\u202E</c>), so a newline in a YAML string
/// can neither forge a diagnostic line nor a GitHub workflow command (<c>::error …</c>), and ESC cannot
/// recolour or rewrite a terminal.
/// </summary>
/// <remarks>
/// Idempotent: the output holds no character that is escaped, so escaping twice changes nothing, and a
/// renderer may escape a value that a library type (a <c>Diagnostic</c>'s text) has escaped already.
/// A backslash is left alone: a literal <c>\n</c> in the source is two harmless characters.
/// </remarks>
internal static class TerminalText
{
    /// <summary>The text with every unsafe character replaced by a visible escape; null becomes "".</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var first = FirstUnsafe(text);
        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        sb.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsUnsafe(c))
            {
                sb.Append(c);
                continue;
            }

            switch (c)
            {
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                default:
                    sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Longest line a renderer prints; a 5 MB YAML scalar echoed in a message must not flood a CI log.</summary>
    public const int MaxLineLength = 16_384;

    /// <summary>
    /// A whole output line made safe: its content escaped, cut at <see cref="MaxLineLength"/> characters (saying how
    /// much was left out), and a line that would start (after spaces) with <c>::</c> — a GitHub workflow command —
    /// prefixed with a backslash. Renderers that start a line with a value from outside (a file path) use this.
    /// </summary>
    public static string Line(string? text)
    {
        var escaped = Escape(text);
        if (escaped.Length > MaxLineLength)
        {
            escaped = string.Create(CultureInfo.InvariantCulture, $"{escaped.AsSpan(0, MaxLineLength)}… ({escaped.Length - MaxLineLength:N0} more characters)");
        }

        return escaped.AsSpan().TrimStart().StartsWith("::", StringComparison.Ordinal) ? "\\" + escaped : escaped;
    }

    /// <summary>True for characters that must never reach a terminal or a CI log raw.</summary>
    public static bool IsUnsafe(char c) =>
        c < '\u0020'                          // C0 controls, including \n, \r, \t and ESC
        || c is >= '\u007F' and <= '\u009F'   // DEL and the C1 controls (CSI is \u009B)
        || c is '\u061C' or '\u200E' or '\u200F' // Arabic letter mark, LRM, RLM
        || c is >= '\u202A' and <= '\u202E'   // LRE, RLE, PDF, LRO, RLO
        || c is >= '\u2066' and <= '\u2069'   // LRI, RLI, FSI, PDI
        || c is '\u2028' or '\u2029';         // line and paragraph separators

    private static int FirstUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
