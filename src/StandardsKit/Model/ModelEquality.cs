using System.Collections.Immutable;

namespace StandardsKit.Model;

/// <summary>
/// Element-by-element equality for the collections model records hold. A record compares an
/// <see cref="ImmutableArray{T}"/> or <see cref="ImmutableDictionary{TKey,TValue}"/> by reference, so two
/// documents read from the same file would differ; the model's records use these instead.
/// </summary>
/// <remarks>A default (uninitialised) array counts as empty, so <c>default</c> and <c>[]</c> are equal.</remarks>
internal static class ModelEquality
{
    public static bool Equal<T>(ImmutableArray<T> a, ImmutableArray<T> b)
    {
        var x = a.IsDefault ? [] : a;
        var y = b.IsDefault ? [] : b;
        if (x.Length != y.Length)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < x.Length; i++)
        {
            if (!comparer.Equals(x[i], y[i]))
            {
                return false;
            }
        }

        return true;
    }

    public static bool Equal<TValue>(ImmutableDictionary<string, TValue>? a, ImmutableDictionary<string, TValue>? b)
    {
        var x = a ?? ImmutableDictionary<string, TValue>.Empty;
        var y = b ?? ImmutableDictionary<string, TValue>.Empty;
        if (x.Count != y.Count)
        {
            return false;
        }

        var comparer = EqualityComparer<TValue>.Default;
        foreach (var (key, value) in x)
        {
            if (!y.TryGetValue(key, out var other) || !comparer.Equals(value, other))
            {
                return false;
            }
        }

        return true;
    }

    public static int Hash<T>(ImmutableArray<T> a)
    {
        var hash = new HashCode();
        if (!a.IsDefault)
        {
            foreach (var x in a)
            {
                hash.Add(x);
            }
        }

        return hash.ToHashCode();
    }

    /// <summary>Independent of enumeration order, as dictionary equality is.</summary>
    public static int Hash<TValue>(ImmutableDictionary<string, TValue>? d)
    {
        var sum = 0;
        foreach (var (key, value) in d ?? ImmutableDictionary<string, TValue>.Empty)
        {
            sum += HashCode.Combine(StringComparer.Ordinal.GetHashCode(key), value);
        }

        return sum;
    }
}
