namespace StandardsKit.Diagnostics;

/// <summary>Collects every diagnostic of a load: authors fix a file in one pass, not one error per run.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    public void Error(string code, SourceSpan? span, string message, string? help = null) =>
        _items.Add(new Diagnostic(code, Severity.Error, message, span, help));

    public void Warning(string code, SourceSpan? span, string message, string? help = null) =>
        _items.Add(new Diagnostic(code, Severity.Warning, message, span, help));

    public void Info(string code, SourceSpan? span, string message, string? help = null) =>
        _items.Add(new Diagnostic(code, Severity.Info, message, span, help));

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);
}
