using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using StandardsKit.Divisions;

namespace StandardsKit.Analysis.Symbolic;

/// <summary>
/// Every 6-digit code the engine accepts for a division fact (000000–999999, not only the county-level units of the
/// division list: a resident may state a code the list lacks — an abolished county, a prefecture, another edition's
/// code — and the engine evaluates it), split into classes that no atom of a problem can tell apart.
/// </summary>
/// <remarks>
/// A division atom reads a code only through prefixes: equality with a constant (the whole code), <c>within</c>
/// (a containment prefix) and a division attribute, whose value for a code is the list's entry for that code, or for
/// a code the list lacks the entry of its prefecture (<c>PPCC00</c>) or province (<c>PP0000</c>) by prefix
/// (<see cref="DivisionAttributes.ValueOf"/>). So with P the set of "distinguishing" prefixes — the constants, the
/// containment prefixes, and for attributes every listed code and the prefix its entry covers — a code's answers
/// to every atom depend only on which prefixes of P it starts with, hence only on its longest prefix in P (or ""):
/// the class of that node. <see cref="Representatives"/> lists up to k codes of each class (all of a smaller
/// class), so a search that tries them is exhaustive over every code: any assignment of codes to variables that
/// must differ can be moved, class by class, onto representatives.
/// </remarks>
internal sealed class DivisionCodeSpace
{
    private static readonly ConcurrentDictionary<string, DivisionCodeSpace> Plain = new(StringComparer.Ordinal);
    private static readonly ConditionalWeakTable<DivisionAttributes, ConcurrentDictionary<string, DivisionCodeSpace>> WithAttributes = [];
    private static readonly ConditionalWeakTable<DivisionAttributes, string[]> AttributePrefixes = [];
    private const int CacheLimit = 512;

    private readonly FrozenPrefixes _prefixes;
    private readonly ConcurrentDictionary<int, ImmutableArray<string>> _representatives = new();

    private DivisionCodeSpace(IEnumerable<string> prefixes) => _prefixes = new FrozenPrefixes(prefixes);

    /// <summary>The space the division atoms of a problem induce (cached: identical problems share it).</summary>
    public static DivisionCodeSpace For(IEnumerable<Atom> atoms)
    {
        var prefixes = new SortedSet<string>(StringComparer.Ordinal);
        var attributes = new List<DivisionAttributes>();
        foreach (var atom in atoms)
        {
            switch (atom)
            {
                case EqualsConstAtom e when IsCode(e.Value):
                    prefixes.Add(e.Value);
                    break;
                case WithinAtom w:
                    prefixes.Add(w.Prefix);
                    break;
                case AttributeAtom a when !attributes.Any(x => ReferenceEquals(x, a.Attributes)):
                    attributes.Add(a.Attributes);
                    break;
            }
        }

        var key = string.Join(',', prefixes);
        switch (attributes.Count)
        {
            case 0:
                return Cached(Plain, key, () => new DivisionCodeSpace(prefixes));
            case 1:
                var byAttributes = WithAttributes.GetValue(attributes[0], _ => new ConcurrentDictionary<string, DivisionCodeSpace>(StringComparer.Ordinal));
                return Cached(byAttributes, key, () => new DivisionCodeSpace(prefixes.Concat(PrefixesOf(attributes[0]))));
            default:
                return new DivisionCodeSpace(prefixes.Concat(attributes.SelectMany(PrefixesOf)));
        }
    }

    /// <summary>For tests: the space of the given prefixes and attributes.</summary>
    internal static DivisionCodeSpace Of(IEnumerable<string> prefixes, DivisionAttributes? attributes = null) =>
        new(attributes is null ? prefixes : prefixes.Concat(PrefixesOf(attributes)));

    /// <summary>How many classes the space has (nodes: the root and every distinguishing prefix; some may be empty).</summary>
    public int NodeCount => _prefixes.Sorted.Length + 1;

    /// <summary>The class of a code: its longest distinguishing prefix, or "" (codes of one class answer every atom alike).</summary>
    public string ClassOf(string code)
    {
        for (var length = code.Length; length > 0; length--)
        {
            if (_prefixes.Contains(code[..length]))
            {
                return code[..length];
            }
        }

        return "";
    }

    /// <summary>Up to <paramref name="perClass"/> codes of every class (every code of a smaller class), classes in code order.</summary>
    public ImmutableArray<string> Representatives(int perClass) => _representatives.GetOrAdd(Math.Max(1, perClass), k =>
    {
        var result = ImmutableArray.CreateBuilder<string>();
        foreach (var node in _prefixes.Sorted.Prepend(""))
        {
            var found = 0;
            Walk(node, k, ref found, result);
        }

        return result.ToImmutable();
    });

    /// <summary>Depth-first over digits: codes under <paramref name="prefix"/> that enter no deeper distinguishing prefix.</summary>
    private void Walk(string prefix, int wanted, ref int found, ImmutableArray<string>.Builder into)
    {
        if (prefix.Length == 6)
        {
            into.Add(prefix);
            found++;
            return;
        }

        for (var d = '0'; d <= '9' && found < wanted; d++)
        {
            var next = prefix + d;
            if (!_prefixes.Contains(next))
            {
                Walk(next, wanted, ref found, into);
            }
        }
    }

    /// <summary>Every listed code and the prefix its attribute entry covers for codes the list lacks.</summary>
    private static string[] PrefixesOf(DivisionAttributes attributes) => AttributePrefixes.GetValue(attributes, a =>
        [.. a.ResolvedCodes.SelectMany(code => code.EndsWith("0000", StringComparison.Ordinal) ? [code, code[..2]]
            : code.EndsWith("00", StringComparison.Ordinal) ? [code, code[..4]] : new[] { code })
            .Where(p => p.All(char.IsAsciiDigit))
            .Distinct(StringComparer.Ordinal)]);

    private static DivisionCodeSpace Cached(ConcurrentDictionary<string, DivisionCodeSpace> cache, string key, Func<DivisionCodeSpace> create)
    {
        if (cache.TryGetValue(key, out var space))
        {
            return space;
        }

        if (cache.Count >= CacheLimit)
        {
            cache.Clear();
        }

        return cache.GetOrAdd(key, _ => create());
    }

    private static bool IsCode(string s) => s.Length == 6 && s.All(char.IsAsciiDigit);

    /// <summary>The distinguishing prefixes (1–6 digits; the empty prefix is the root, not a member).</summary>
    private sealed class FrozenPrefixes
    {
        private readonly HashSet<string> _set;

        public FrozenPrefixes(IEnumerable<string> prefixes)
        {
            _set = new(prefixes.Where(p => p.Length is > 0 and <= 6), StringComparer.Ordinal);
            Sorted = [.. _set.Order(StringComparer.Ordinal)];
        }

        public ImmutableArray<string> Sorted { get; }

        public bool Contains(string prefix) => _set.Contains(prefix);
    }
}
