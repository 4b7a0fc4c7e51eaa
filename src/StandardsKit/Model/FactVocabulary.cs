using System.Collections.Frozen;
using System.Collections.Immutable;

namespace StandardsKit.Model;

/// <summary>The declared resident facts, each with a stable slot index used by compiled expressions.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class FactVocabulary
{
    /// <summary>Compiled expressions track missing facts in a 128-bit mask, one bit per slot.</summary>
    internal const int MaxFacts = 128;

    private readonly FrozenDictionary<string, int> _index;

    /// <summary>Creates a vocabulary from declarations, in order.</summary>
    public FactVocabulary(IEnumerable<FactDeclaration> facts)
    {
        Facts = [.. facts];
        _index = Facts.Select((f, i) => (f.Name, i)).ToFrozenDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        AbsentSlots = Engine.FrameBuilder.AbsentSlots(this);
        CountyDefaultSlots = [.. Facts.Select((f, i) => (f, i)).Where(p => p.f.DefaultsToCounty).Select(p => p.i)];
        AgeSlots = [.. Facts.Select((f, i) => (f, i)).Where(p => p.f.Derived == "age-from-birthDate").Select(p => p.i)];
        SlotsByName = [.. Facts.Select((f, i) => (f.Name, i)).OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.i)];
    }

    internal Expressions.Value[] AbsentSlots { get; }

    internal ImmutableArray<int> CountyDefaultSlots { get; }

    internal ImmutableArray<int> AgeSlots { get; }

    /// <summary>Slot indexes in ordinal name order, so missing-fact lists come out sorted.</summary>
    internal ImmutableArray<int> SlotsByName { get; }

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
}
