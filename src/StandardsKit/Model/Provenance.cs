using System.Collections.Immutable;

namespace StandardsKit.Model;

/// <summary>Where a piece of content comes from and how strongly it is backed.</summary>
/// <remarks>Equality compares <see cref="Sources"/> element by element.</remarks>
/// <param name="Evidence">The evidence level.</param>
/// <param name="Sources">Ids of entries in the document's <c>sources</c> list.</param>
/// <param name="Note">What was assumed or left out.</param>
public sealed record Provenance(Evidence Evidence, ImmutableArray<string> Sources, string? Note)
{
    /// <inheritdoc/>
    public bool Equals(Provenance? other) =>
        ReferenceEquals(this, other) || (other is not null && Evidence == other.Evidence && Note == other.Note && ModelEquality.Equal(Sources, other.Sources));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Evidence, Note, ModelEquality.Hash(Sources));
}
