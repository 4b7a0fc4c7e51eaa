using System.Globalization;
using System.Text;
using YamlDotNet.Core;

namespace StandardsKit.Loading.Yaml;

/// <summary>
/// Where each character of a scalar's value was written: re-reads the scalar's source text by the rules of its
/// style (folding of wrapped lines, <c>''</c> in single quotes, escapes in double quotes, block indentation and
/// chomping), so an error at offset n of a <c>when:</c> expression is reported at its true line and column.
/// </summary>
/// <remarks>
/// The result is checked against the value the YAML parser produced; when they differ (a construct not handled
/// here), there is no map and callers fall back to the scalar's start.
/// </remarks>
internal static class ScalarPositions
{
    /// <summary>
    /// For each offset of <paramref name="value"/> (and one past its end), the index in <paramref name="text"/> it
    /// came from; null when the source cannot be re-read to the same value.
    /// </summary>
    public static int[]? Map(string text, int start, int end, ScalarStyle style, string value)
    {
        if (start < 0 || end > text.Length || start >= end)
        {
            return null;
        }

        var reader = new Output();
        var ok = style switch
        {
            ScalarStyle.Plain or ScalarStyle.Any => Flow(text, start, end, reader, quote: null),
            ScalarStyle.SingleQuoted => Flow(text, start + 1, end, reader, quote: '\''),
            ScalarStyle.DoubleQuoted => Flow(text, start + 1, end, reader, quote: '"'),
            ScalarStyle.Literal or ScalarStyle.Folded => Block(text, start, reader, style == ScalarStyle.Folded),
            _ => false,
        };
        if (!ok || reader.Text.ToString() != value)
        {
            return null;
        }

        var map = new int[value.Length + 1];
        reader.Sources.CopyTo(map);
        map[value.Length] = value.Length == 0 ? start : reader.Sources[^1] + 1;
        return map;
    }

    private sealed class Output
    {
        public StringBuilder Text { get; } = new();

        public List<int> Sources { get; } = [];

        /// <summary>Output before this index is not trailing white space of the line (escaped, or not white).</summary>
        public int Kept { get; set; }

        public void Add(char c, int source, bool keep = false)
        {
            Text.Append(c);
            Sources.Add(source);
            if (keep || (c != ' ' && c != '\t'))
            {
                Kept = Text.Length;
            }
        }

        public void TrimLine()
        {
            Text.Length = Kept;
            Sources.RemoveRange(Kept, Sources.Count - Kept);
        }
    }

    private static bool IsBreak(char c) => c is '\n' or '\r';

    /// <summary>The index after the line break at <paramref name="i"/>.</summary>
    private static int AfterBreak(string text, int i) => text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? i + 2 : i + 1;

    /// <summary>Plain and quoted scalars: a line break and the next line's indentation fold to one space, or to
    /// one newline per empty line between.</summary>
    private static bool Flow(string text, int i, int end, Output output, char? quote)
    {
        while (i < end)
        {
            var c = text[i];
            if (quote is not null && c == quote)
            {
                if (quote == '\'' && i + 1 < end && text[i + 1] == '\'')
                {
                    output.Add('\'', i, keep: true);
                    i += 2;
                    continue;
                }

                return true;
            }

            if (quote == '"' && c == '\\')
            {
                if (i + 1 >= end)
                {
                    return false;
                }

                if (IsBreak(text[i + 1]))
                {
                    // An escaped line break joins the lines and keeps the white space before it.
                    output.Kept = output.Text.Length;
                    i = SkipIndent(text, AfterBreak(text, i + 1), end);
                    continue;
                }

                if (Escape(text, i, end, out var decoded, out var length) is false)
                {
                    return false;
                }

                foreach (var d in decoded)
                {
                    output.Add(d, i, keep: true);
                }

                i += length;
                continue;
            }

            if (IsBreak(c))
            {
                output.TrimLine();
                var at = i;
                i = SkipIndent(text, AfterBreak(text, i), end);
                var empty = 0;
                while (i < end && IsBreak(text[i]))
                {
                    output.Add('\n', i, keep: true);
                    empty++;
                    i = SkipIndent(text, AfterBreak(text, i), end);
                }

                if (empty == 0)
                {
                    output.Add(' ', at, keep: true);
                }

                continue;
            }

            output.Add(c, i);
            i++;
        }

        // A plain scalar ends at its last character; a quoted one must have met its closing quote.
        if (quote is null)
        {
            output.TrimLine();
            return true;
        }

        return false;
    }

    private static int SkipIndent(string text, int i, int end)
    {
        while (i < end && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }

    private static bool Escape(string text, int i, int end, out string decoded, out int length)
    {
        var e = text[i + 1];
        var digits = e switch { 'x' => 2, 'u' => 4, 'U' => 8, _ => 0 };
        if (digits > 0)
        {
            length = 2 + digits;
            decoded = "";
            if (i + length > end || !int.TryParse(text.AsSpan(i + 2, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                || code is < 0 or > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
            {
                return false;
            }

            decoded = char.ConvertFromUtf32(code);
            return true;
        }

        length = 2;
        decoded = e switch
        {
            '0' => "\0", 'a' => "\a", 'b' => "\b", 't' or '\t' => "\t", 'n' => "\n", 'v' => "\v", 'f' => "\f", 'r' => "\r",
            'e' => "\u001b", ' ' => " ", '"' => "\"", '/' => "/", '\\' => "\\", 'N' => "\u0085", '_' => "\u00a0",
            'L' => "\u2028", 'P' => "\u2029",
            _ => "",
        };
        return decoded.Length > 0;
    }

    private readonly record struct Line(int Start, int Length, int Break, bool Empty)
    {
        public bool MoreIndented(string text) => !Empty && text[Start] is ' ' or '\t';
    }

    /// <summary>Literal and folded block scalars with an auto-detected indentation.</summary>
    private static bool Block(string text, int start, Output output, bool folded)
    {
        var i = start + 1;
        var chomp = ' ';
        while (i < text.Length && text[i] is '+' or '-' or (>= '1' and <= '9'))
        {
            if (text[i] is >= '1' and <= '9')
            {
                return false; // an explicit indentation is relative to the parent's, which we do not track
            }

            chomp = text[i++];
        }

        while (i < text.Length && !IsBreak(text[i]))
        {
            i++;
        }

        if (i >= text.Length)
        {
            return false;
        }

        var lines = Lines(text, AfterBreak(text, i));
        var last = lines.FindLastIndex(l => !l.Empty);
        if (last < 0)
        {
            return false;
        }

        Line? previous = null;
        var between = new List<Line>();
        for (var n = 0; n <= last; n++)
        {
            var line = lines[n];
            if (line.Empty)
            {
                if (previous is null)
                {
                    output.Add('\n', line.Break, keep: true);
                }
                else
                {
                    between.Add(line);
                }

                continue;
            }

            if (previous is { } p)
            {
                var fold = folded && !p.MoreIndented(text) && !line.MoreIndented(text);
                if (!fold || between.Count == 0)
                {
                    output.Add(fold ? ' ' : '\n', p.Break, keep: true);
                }

                between.ForEach(b => output.Add('\n', b.Break, keep: true));
                between.Clear();
            }

            for (var k = 0; k < line.Length; k++)
            {
                output.Add(text[line.Start + k], line.Start + k, keep: true);
            }

            previous = line;
        }

        var end = lines[last];
        if (chomp != '-' && end.Break < text.Length)
        {
            output.Add('\n', end.Break, keep: true);
        }

        if (chomp == '+')
        {
            foreach (var trailing in lines.Skip(last + 1).Where(l => l.Break < text.Length))
            {
                output.Add('\n', trailing.Break, keep: true);
            }
        }

        return true;
    }

    /// <summary>The block's lines from <paramref name="i"/>, its indentation set by the first non-empty line.</summary>
    private static List<Line> Lines(string text, int i)
    {
        var lines = new List<Line>();
        var indent = -1;
        while (i < text.Length)
        {
            var spaces = 0;
            while (i + spaces < text.Length && text[i + spaces] == ' ')
            {
                spaces++;
            }

            var lineEnd = i + spaces;
            while (lineEnd < text.Length && !IsBreak(text[lineEnd]))
            {
                lineEnd++;
            }

            var empty = i + spaces == lineEnd;
            if (!empty && indent < 0)
            {
                indent = spaces;
            }

            if (!empty && spaces < indent)
            {
                break;
            }

            var contentStart = empty ? lineEnd : i + indent;
            lines.Add(new Line(contentStart, lineEnd - contentStart, lineEnd, empty && spaces <= Math.Max(indent, 0)));
            if (empty && indent >= 0 && spaces > indent)
            {
                // White space beyond the indentation is content; too rare in an expression to map: give up cleanly.
                lines[^1] = lines[^1] with { Empty = true };
            }

            if (lineEnd >= text.Length)
            {
                break;
            }

            i = AfterBreak(text, lineEnd);
        }

        return lines;
    }
}
