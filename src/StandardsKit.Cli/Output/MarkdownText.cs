using StandardsKit.Text;

namespace StandardsKit.Cli.Output;

/// <summary>
/// Text from the standards (names, levels, notes) made safe for a markdown table cell or line (<c>report --format
/// markdown</c>, <c>equalization --format markdown</c>): control characters and line breaks become <c>\uXXXX</c>
/// (a row stays one row), <c>|</c> is escaped (a cell stays one cell), and <c>&lt;</c> becomes <c>&amp;lt;</c> — no
/// HTML tag can start without it — so a name such as <c>&lt;script&gt;</c> is shown, never run, where markdown
/// passes HTML through (a lone <c>&gt;</c>, as in "9 &gt; 5 times", stays readable).
/// </summary>
internal static class MarkdownText
{
    public static string Cell(string? text) => Inline(text).Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>Outside a table: as <see cref="Cell"/> but pipes are left alone.</summary>
    public static string Inline(string? text) => TerminalText.Escape(text ?? "").Replace("<", "&lt;", StringComparison.Ordinal);
}
