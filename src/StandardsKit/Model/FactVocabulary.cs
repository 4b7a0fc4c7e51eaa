using System.Collections.Frozen;
using System.Collections.Immutable;

namespace StandardsKit.Model;

/// <summary>The declared resident facts, in declaration order.</summary>
/// <remarks>
/// Pure data with a name index. Immutable and thread-safe; two vocabularies are equal when they declare the
/// same facts in the same order. A fact's position in <see cref="Facts"/> is its slot in compiled rules.
/// </remarks>
public sealed class FactVocabulary : IEquatable<FactVocabulary>
{
    private readonly FrozenDictionary<string, int> _index;

    /// <summary>Creates a vocabulary from declarations, in order; the first of two declarations with one name wins the lookup.</summary>
    public FactVocabulary(IEnumerable<FactDeclaration> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        Facts = [.. facts];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Facts.Length; i++)
        {
            index.TryAdd(Facts[i].Name, i);
        }

        _index = index.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The declarations in file order.</summary>
    public ImmutableArray<FactDeclaration> Facts { get; }

    /// <summary>Looks a fact up by name.</summary>
    public bool TryGet(string name, out FactDeclaration declaration, out int slot)
    {
        if (_index.TryGetValue(name, out slot))
        {
            declaration = Facts[slot];
            return true;
        }

        declaration = null!;
        return false;
    }

    /// <summary>The declaration of a fact, or null.</summary>
    public FactDeclaration? Find(string name) => _index.TryGetValue(name, out var i) ? Facts[i] : null;

    internal int SlotOf(string name) => _index.TryGetValue(name, out var i) ? i : -1;

    internal IEnumerable<string> Names => Facts.Select(f => f.Name);

    /// <inheritdoc/>
    public bool Equals(FactVocabulary? other) => other is not null && (ReferenceEquals(this, other) || ModelEquality.Equal(Facts, other.Facts));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as FactVocabulary);

    /// <inheritdoc/>
    public override int GetHashCode() => ModelEquality.Hash(Facts);
}
