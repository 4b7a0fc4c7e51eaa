using System.Collections.Immutable;
using StandardsKit.Diagnostics;
using StandardsKit.Model;
using StandardsKit.Testing;

namespace StandardsKit;

/// <summary>The outcome of loading standards: a catalog when there were no errors, and every diagnostic.</summary>
public sealed class CatalogLoadResult
{
    internal CatalogLoadResult(Catalog? catalog, ImmutableArray<Diagnostic> diagnostics, ImmutableArray<StandardDocument> documents,
        Lazy<ImmutableArray<TestCase>> tests, FactVocabulary facts, int files)
    {
        Files = files;
        Catalog = catalog;
        Diagnostics = diagnostics;
        Documents = documents;
        _tests = tests;
        Facts = facts;
    }

    /// <summary>The compiled catalog; null when any diagnostic is an error.</summary>
    public Catalog? Catalog { get; }

    /// <summary>Every diagnostic of every file, errors and warnings.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>True when there are no errors.</summary>
    public bool Succeeded => Catalog is not null;

    /// <summary>The documents that could be read, even when others had errors (for reports).</summary>
    public ImmutableArray<StandardDocument> Documents { get; }

    private readonly Lazy<ImmutableArray<TestCase>> _tests;

    /// <summary>The YAML test cases found.</summary>
    public ImmutableArray<TestCase> Tests => _tests.Value;

    /// <summary>How many files were read.</summary>
    public int Files { get; }

    /// <summary>The fact vocabulary.</summary>
    public FactVocabulary Facts { get; }

    /// <summary>The division attributes the rules were compiled against (null when not loaded), for a diff side that forms no catalog.</summary>
    internal Divisions.DivisionAttributes? Attributes { get; init; }

    /// <summary>Returns the catalog or throws with the first errors listed.</summary>
    /// <exception cref="CatalogLoadException">Loading reported errors.</exception>
    public Catalog GetCatalogOrThrow() => Catalog ?? throw new CatalogLoadException(Diagnostics);
}
