namespace StandardsKit.Diagnostics;

/// <summary>One finding about the standards: a stable code, where it is, what is wrong and how to fix it.</summary>
/// <param name="Code">Stable code such as <c>SK0102</c>; see <c>docs/diagnostics.md</c>.</param>
/// <param name="Severity">Error, warning or information.</param>
/// <param name="Message">What is wrong, naming the thing.</param>
/// <param name="Span">Where it is, when it has a place in a file.</param>
/// <param name="Help">How to fix it, for example "did you mean 'age'?".</param>
public sealed record Diagnostic(string Code, Severity Severity, string Message, SourceSpan? Span, string? Help = null)
{
    /// <summary>
    /// Renders as one line, <c>path:line:col: error SK0102: message — help</c>, with control characters from the
    /// standards (a newline in an item name, ESC) shown as escapes so they cannot forge further lines.
    /// </summary>
    public override string ToString()
    {
        var where = Span is null ? "" : Span + ": ";
        var severity = Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "info" };
        var help = string.IsNullOrEmpty(Help) ? "" : " — " + Help;
        return Text.TerminalText.Line($"{where}{severity} {Code}: {Message}{help}");
    }
}
