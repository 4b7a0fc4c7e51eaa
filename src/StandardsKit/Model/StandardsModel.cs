using System.Collections.Immutable;
using StandardsKit.Divisions;

namespace StandardsKit.Model;

/// <summary>
/// Standards as data, built in code or transformed from loaded documents: what <see cref="Catalog.Compile"/>
/// turns into a catalog.
/// </summary>
/// <remarks>
/// Pure data. Equality compares <see cref="Documents"/> element by element and the vocabulary by value; the
/// division list by reference.
/// </remarks>
public sealed record StandardsModel
{
    /// <summary>The standard editions, national and local.</summary>
    public required ImmutableArray<StandardDocument> Documents { get; init; }

    /// <summary>The resident facts rules may read; null for the embedded <c>standards/facts.yaml</c>.</summary>
    public FactVocabulary? Facts { get; init; }

    /// <summary>The administrative divisions for jurisdiction chains; null for the embedded GB/T 2260 list.</summary>
    public IDivisionDirectory? Divisions { get; init; }

    /// <inheritdoc/>
    public bool Equals(StandardsModel? other) =>
        ReferenceEquals(this, other) || (other is not null && Equals(Facts, other.Facts) && ReferenceEquals(Divisions, other.Divisions) && ModelEquality.Equal(Documents, other.Documents));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Facts, ModelEquality.Hash(Documents));
}
