using System.Collections.Frozen;

namespace StandardsKit.Divisions;

/// <summary>An in-memory division list.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class DivisionDirectory : IDivisionDirectory
{
    private readonly FrozenDictionary<string, Division> _byCode;

    // Sorted once: the attributes, the catalog and the analyses each walk the whole list.
    private readonly Division[] _all;

    /// <summary>Creates a directory from a list of divisions.</summary>
    public DivisionDirectory(IEnumerable<Division> divisions)
    {
        _byCode = divisions.GroupBy(d => d.Code, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _all = [.. _byCode.Values.OrderBy(d => d.Code, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public Division? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <inheritdoc />
    public IEnumerable<Division> All => _all.AsReadOnly();
}
