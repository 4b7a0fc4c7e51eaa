using System.Collections.Immutable;
using StandardsKit.Diagnostics;

namespace StandardsKit.Model;

/// <summary>One edition of a standard: the national standard or a local implementation standard.</summary>
/// <remarks>
/// Pure data, constructible in code: <see cref="Catalog.Compile"/> turns documents into a catalog. Equality
/// compares every collection element by element, so two loads of the same file are equal.
/// </remarks>
public sealed record StandardDocument
{
    /// <summary>Stable id across editions, e.g. <c>cn-national</c> or <c>cn-31</c>.</summary>
    public required string Id { get; init; }

    /// <summary>GB/T 2260 code of the issuing jurisdiction; <c>000000</c> for national.</summary>
    public required string Jurisdiction { get; init; }

    /// <summary>Edition label, e.g. <c>2023</c>.</summary>
    public required string Edition { get; init; }

    /// <summary><c>id@edition</c>.</summary>
    public string Key => $"{Id}@{Edition}";

    /// <summary>Official title.</summary>
    public required LocalizedText Title { get; init; }

    /// <summary>Issuing departments.</summary>
    public ImmutableArray<string> Issuers { get; init; } = [];

    /// <summary>Document number such as 发改社会〔2021〕443号, where known.</summary>
    public string? DocumentNumber { get; init; }

    /// <summary>Publication date.</summary>
    public DateOnly? Published { get; init; }

    /// <summary>First day in force.</summary>
    public required DateOnly EffectiveFrom { get; init; }

    /// <summary>Last day in force, inclusive; otherwise until the next edition starts.</summary>
    public DateOnly? EffectiveUntil { get; init; }

    /// <summary>The edition this one replaces, as <c>id@edition</c>.</summary>
    public string? Supersedes { get; init; }

    /// <summary>For a local standard: the parent <c>id@edition</c> it implements.</summary>
    public string? Extends { get; init; }

    /// <summary>Evidence for the header facts.</summary>
    public Provenance? Provenance { get; init; }

    /// <summary>Sources cited by the document.</summary>
    public ImmutableArray<SourceReference> Sources { get; init; } = [];

    /// <summary>The document's own taxonomy; empty when it uses its parent's.</summary>
    public ImmutableArray<Area> Areas { get; init; } = [];

    /// <summary>Items in document order.</summary>
    public ImmutableArray<ServiceItem> Items { get; init; } = [];

    /// <summary>The file it was loaded from.</summary>
    public required string Path { get; init; }

    /// <summary>Where the document starts.</summary>
    public SourceSpan? Span { get; init; }

    /// <summary>Where <c>effectiveFrom</c> is written, for findings about when the edition takes effect.</summary>
    public SourceSpan? EffectiveFromSpan { get; init; }

    /// <summary>Where <c>extends</c> is written, for findings about the parent edition.</summary>
    public SourceSpan? ExtendsSpan { get; init; }

    /// <summary>True for the national standard.</summary>
    public bool IsNational => Jurisdiction == "000000";

    /// <summary>Finds a cited source by id.</summary>
    public SourceReference? Source(string id) => Sources.FirstOrDefault(s => s.Id == id);

    /// <inheritdoc/>
    public bool Equals(StandardDocument? other) =>
        ReferenceEquals(this, other) || (other is not null && Id == other.Id && Jurisdiction == other.Jurisdiction && Edition == other.Edition && Title == other.Title
        && DocumentNumber == other.DocumentNumber && Published == other.Published && EffectiveFrom == other.EffectiveFrom
        && EffectiveUntil == other.EffectiveUntil && Supersedes == other.Supersedes && Extends == other.Extends
        && Provenance == other.Provenance && Path == other.Path && Span == other.Span
        && EffectiveFromSpan == other.EffectiveFromSpan && ExtendsSpan == other.ExtendsSpan
        && ModelEquality.Equal(Issuers, other.Issuers) && ModelEquality.Equal(Sources, other.Sources)
        && ModelEquality.Equal(Areas, other.Areas) && ModelEquality.Equal(Items, other.Items));

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        // Items dominate the cost and rarely differ between documents that agree on all of this.
        var hash = new HashCode();
        hash.Add(Id);
        hash.Add(Jurisdiction);
        hash.Add(Edition);
        hash.Add(EffectiveFrom);
        hash.Add(EffectiveUntil);
        hash.Add(Extends);
        hash.Add(Path);
        hash.Add(Items.IsDefault ? 0 : Items.Length);
        return hash.ToHashCode();
    }
}
