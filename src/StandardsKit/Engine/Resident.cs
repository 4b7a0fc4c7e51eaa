using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace StandardsKit.Engine;

/// <summary>The facts known about one person (SPEC §4.3). Facts not given are missing, not false.</summary>
/// <remarks>Immutable and thread-safe. Values are checked against <c>facts.yaml</c> when evaluated.</remarks>
public sealed class Resident
{
    private KeyValuePair<string, object>[]? _entries;

    private Resident(ImmutableDictionary<string, object> facts) => Facts = facts;

    /// <summary>A resident about whom nothing is known.</summary>
    public static Resident Empty { get; } = new(ImmutableDictionary.Create<string, object>(StringComparer.Ordinal));

    /// <summary>The given facts: <see cref="bool"/>, <see cref="decimal"/>, <see cref="DateOnly"/>, <see cref="string"/> (also ISO dates and codes) or a string array.</summary>
    public ImmutableDictionary<string, object> Facts { get; }

    /// <summary>The facts as an array, built once: enumerating an immutable dictionary on every evaluation costs more than the rules.</summary>
    internal KeyValuePair<string, object>[] Entries => _entries ??= [.. Facts];

    /// <summary>Returns a copy with a fact set to a bool.</summary>
    public Resident With(string fact, bool value) => new(Facts.SetItem(fact, value));

    /// <summary>Returns a copy with a fact set to a number.</summary>
    public Resident With(string fact, decimal value) => new(Facts.SetItem(fact, value));

    /// <summary>Returns a copy with a fact set to text, an ISO date or a division code.</summary>
    public Resident With(string fact, string value) => new(Facts.SetItem(fact, value));

    /// <summary>Returns a copy with a date fact set.</summary>
    public Resident With(string fact, DateOnly value) => new(Facts.SetItem(fact, value));

    /// <summary>Returns a copy with a set fact set.</summary>
    public Resident With(string fact, IEnumerable<string> values) => new(Facts.SetItem(fact, values.ToImmutableArray()));

    /// <summary>Returns a copy without a fact.</summary>
    public Resident Without(string fact) => new(Facts.Remove(fact));

    /// <summary>Reads a resident from a JSON object of facts, e.g. <c>{"birthDate": "1990-05-01", "pregnant": true}</c>.</summary>
    /// <exception cref="ResidentException">
    /// The JSON is malformed, gives a fact twice, or is not an object of plain values; <see cref="ResidentException.Line"/>
    /// and <see cref="ResidentException.Column"/> say where.
    /// </exception>
    public static Resident FromJson(string json) => ResidentJsonReader.Read(json).Resident;
}
