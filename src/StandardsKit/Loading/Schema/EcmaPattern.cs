using System.Text;

namespace StandardsKit.Loading.Schema;

/// <summary>
/// JSON Schema patterns are ECMA-262 regular expressions; NJsonSchema runs them as .NET ones, where <c>$</c> also
/// matches before a final newline (so "000000\n" passed <c>^[0-9]{6}$</c>), <c>\d</c> and <c>\w</c> take any
/// Unicode digit or letter, and <c>.</c> takes a carriage return. This rewrites those constructs to .NET
/// equivalents of their ECMA meaning, so we accept exactly what ajv and editors accept.
/// </summary>
internal static class EcmaPattern
{
    private const string Digit = "0-9";
    private const string Word = "a-zA-Z0-9_";

    public static string ToDotNet(string pattern)
    {
        var text = new StringBuilder(pattern.Length + 16);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                text.Append(Escape(pattern[++i], inClass));
            }
            else if (inClass)
            {
                inClass = c != ']';
                text.Append(c);
            }
            else
            {
                inClass = c == '[';
                text.Append(c switch
                {
                    '$' => @"\z",
                    '.' => @"[^\n\r\u2028\u2029]",
                    _ => c.ToString(),
                });
            }
        }

        return text.ToString();
    }

    private static string Escape(char c, bool inClass) => (c, inClass) switch
    {
        ('d', false) => $"[{Digit}]",
        ('d', true) => Digit,
        ('D', false) => $"[^{Digit}]",
        ('w', false) => $"[{Word}]",
        ('w', true) => Word,
        ('W', false) => $"[^{Word}]",
        _ => "\\" + c,
    };
}
