using System.Collections.Frozen;
using System.Collections.Immutable;
using StandardsKit.Model;

namespace StandardsKit.Divisions;

/// <summary>
/// The division attributes of a catalog resolved against its division list: for every division and attribute,
/// the value of the most specific entry on the division or above it, else the attribute's default.
/// </summary>
/// <remarks>
/// Immutable and thread-safe; built once per catalog (every division × attribute is resolved up front, so a
/// lookup is one dictionary read). An unknown value is reported as unknown, never as <c>false</c>.
/// </remarks>
public sealed class DivisionAttributes
{
    private static readonly Provenance NoProvenance = new(Evidence.Reconstructed, [], null);

    private readonly FrozenDictionary<string, int> _index;

    // Values by attribute, then by the division's position in the list: one code lookup serves every attribute.
    // (A frozen dictionary per attribute cost about 90 ms of every short command's start-up to build.)
    private readonly Dictionary<string, int> _positions;
    private readonly DivisionAttributeValue[][] _values;
    private readonly IDivisionDirectory _divisions;

    internal DivisionAttributes(ImmutableArray<DivisionAttribute> declarations, IDivisionDirectory divisions)
    {
        Declarations = declarations;
        _divisions = divisions;
        _index = declarations.Select((a, i) => (a.Name, i)).DistinctBy(p => p.Name)
            .ToFrozenDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        var all = divisions.All.ToArray();
        _positions = new Dictionary<string, int>(all.Length, StringComparer.Ordinal);
        for (var i = 0; i < all.Length; i++)
        {
            _positions[all[i].Code] = i; // a repeated code (an error in the list) keeps its last entry, as before
        }

        _values = [.. declarations.Select(a => Resolve(a, all, divisions))];
    }

    /// <summary>No attributes at all.</summary>
    public static DivisionAttributes Empty { get; } = new([], new DivisionDirectory([]));

    /// <summary>The declared attributes, in load order.</summary>
    public ImmutableArray<DivisionAttribute> Declarations { get; }

    /// <summary>The declaration of an attribute, or null.</summary>
    public DivisionAttribute? Find(string name) => _index.TryGetValue(name, out var i) ? Declarations[i] : null;

    /// <summary>The value of <paramref name="attribute"/> for <paramref name="division"/> (any level, or a code the list lacks).</summary>
    /// <exception cref="ArgumentException">No attribute of that name is declared.</exception>
    public DivisionAttributeValue ValueOf(string division, string attribute)
    {
        ArgumentNullException.ThrowIfNull(division);
        if (!_index.TryGetValue(attribute, out var i))
        {
            throw new ArgumentException($"no division attribute '{attribute}' is declared", nameof(attribute));
        }

        return ValueAt(i, division);
    }

    /// <summary>The same attributes resolved against another division list.</summary>
    internal DivisionAttributes With(IDivisionDirectory divisions) => new(Declarations, divisions);

    /// <summary>The codes whose values are resolved from the list (every other code reads its prefecture's or province's by prefix), for the analyses.</summary>
    internal IEnumerable<string> ResolvedCodes => _divisions.All.Select(d => d.Code);

    internal int IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : -1;

    /// <summary>The distinct known values an attribute takes on any division (or a code the list lacks), for the analyses.</summary>
    internal IReadOnlyList<object> KnownValues(string name)
    {
        var i = IndexOf(name);
        return i < 0 ? [] : [.. _positions.Values.Select(p => _values[i][p].Value).Append(Declarations[i].Default).OfType<object>().Distinct()];
    }

    internal DivisionAttributeValue ValueAt(int attribute, string division)
    {
        if (_positions.TryGetValue(division, out var position))
        {
            return _values[attribute][position];
        }

        // A code the list lacks: its GB/T 2260 ancestors by prefix still carry what is known above it.
        var declaration = Declarations[attribute];
        foreach (var ancestor in PrefixAncestors(division))
        {
            if (_positions.TryGetValue(ancestor, out var above))
            {
                return _values[attribute][above];
            }
        }

        return new DivisionAttributeValue(declaration.Default, declaration.Provenance, null);
    }

    private static IEnumerable<string> PrefixAncestors(string code)
    {
        if (code.Length != 6)
        {
            yield break;
        }

        if (!code.EndsWith("00", StringComparison.Ordinal))
        {
            yield return code[..4] + "00";
        }

        if (!code.EndsWith("0000", StringComparison.Ordinal))
        {
            yield return code[..2] + "0000";
        }
    }

    private static DivisionAttributeValue[] Resolve(DivisionAttribute attribute, Division[] all, IDivisionDirectory divisions)
    {
        var given = new Dictionary<string, DivisionAttributeValue>(StringComparer.Ordinal);
        foreach (var division in all)
        {
            if (attribute.DerivedFromNameEndings.Any(end => division.Name.EndsWith(end, StringComparison.Ordinal)))
            {
                given[division.Code] = new DivisionAttributeValue(true, attribute.Provenance, division.Code);
            }
        }

        // Explicit entries win over derived ones on the same division.
        foreach (var entry in attribute.Entries)
        {
            given[entry.Division] = new DivisionAttributeValue(entry.Value, entry.Provenance ?? attribute.Provenance, entry.Division);
        }

        var fallback = new DivisionAttributeValue(attribute.Default, attribute.Provenance ?? NoProvenance, null);
        var resolved = new DivisionAttributeValue[all.Length];
        for (var i = 0; i < all.Length; i++)
        {
            var value = fallback;
            var current = all[i];
            for (var guard = 0; current is not null && guard < 8; guard++)
            {
                if (given.TryGetValue(current.Code, out var found))
                {
                    value = found;
                    break;
                }

                current = current.Parent is null ? null : divisions.Find(current.Parent);
            }

            resolved[i] = value;
        }

        return resolved;
    }
}
