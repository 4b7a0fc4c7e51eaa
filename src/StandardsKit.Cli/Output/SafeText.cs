using StandardsKit.Text;

namespace StandardsKit.Cli.Output;

/// <summary>
/// How every text renderer writes a line: through <see cref="TerminalText"/>, so a value from YAML, JSON, git or
/// a file name (a newline in an item name, ESC, a bidi override, a leading <c>::</c>) can never forge another
/// diagnostic line or a GitHub workflow command. JSON renderers need none of this: JSON escapes strings itself.
/// </summary>
internal static class SafeText
{
    /// <summary>Writes <paramref name="line"/> escaped, followed by a newline.</summary>
    public static void Line(this TextWriter w, string? line) => w.WriteLine(TerminalText.Line(line));

    /// <summary>A value escaped for a line that is written raw (only where the renderer adds its own ANSI colour).</summary>
    public static string Escape(string? value) => TerminalText.Escape(value);
}
