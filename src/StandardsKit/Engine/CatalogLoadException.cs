using System.Collections.Immutable;
using StandardsKit.Diagnostics;

namespace StandardsKit;

/// <summary>Standards could not be loaded; <see cref="Diagnostics"/> says where and why.</summary>
public sealed class CatalogLoadException : Exception
{
    /// <summary>Creates the exception from the load's diagnostics.</summary>
    public CatalogLoadException(ImmutableArray<Diagnostic> diagnostics)
        : base("standards have errors:" + Environment.NewLine +
               string.Join(Environment.NewLine, diagnostics.Where(d => d.Severity == Severity.Error).Take(20)))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Creates the exception.</summary>
    public CatalogLoadException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public CatalogLoadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public CatalogLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Every diagnostic of the failed load.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; } = [];
}
