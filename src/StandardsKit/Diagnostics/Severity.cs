namespace StandardsKit.Diagnostics;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum Severity
{
    /// <summary>The standards cannot be trusted as they are; <c>validate</c> exits 1.</summary>
    Error,

    /// <summary>Worth fixing, but the standards still load and evaluate correctly.</summary>
    Warning,

    /// <summary>Information such as provenance counts.</summary>
    Info,
}
