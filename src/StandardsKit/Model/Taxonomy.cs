using System.Collections.Immutable;

namespace StandardsKit.Model;

/// <summary>An area (领域) of a standard, such as 幼有所育, with its categories.</summary>
/// <remarks>Equality compares <see cref="Categories"/> element by element.</remarks>
/// <param name="Id">Stable kebab-case id.</param>
/// <param name="Number">Position in the document.</param>
/// <param name="Name">Official name.</param>
/// <param name="Categories">Its categories (大类) in document order.</param>
public sealed record Area(string Id, int Number, LocalizedText Name, ImmutableArray<Category> Categories)
{
    /// <inheritdoc/>
    public bool Equals(Area? other) =>
        ReferenceEquals(this, other) || (other is not null && Id == other.Id && Number == other.Number && Name == other.Name && ModelEquality.Equal(Categories, other.Categories));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Number, Name, ModelEquality.Hash(Categories));
}

/// <summary>A category (大类) of a standard, such as 优孕优生服务.</summary>
/// <param name="Id">Stable kebab-case id.</param>
/// <param name="Number">Number in the document.</param>
/// <param name="Name">Official name.</param>
public sealed record Category(string Id, int Number, LocalizedText Name);
