using System.Globalization;

namespace StandardsKit.Diagnostics;

/// <summary>A position in a standards file: 1-based line and column.</summary>
/// <param name="File">The path as the user gave it, or <c>standards/…</c> for embedded files.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column, counted in Unicode characters.</param>
public sealed record SourceSpan(string File, int Line, int Column)
{
    /// <summary>Renders as <c>file:line:col</c>, the form editors and CI annotations understand (control characters in the path escaped).</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Text.TerminalText.Escape(File)}:{Line}:{Column}");

    internal SourceSpan Offset(int columns) => this with { Column = Column + columns };
}
