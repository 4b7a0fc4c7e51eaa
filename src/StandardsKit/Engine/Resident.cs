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
    /// <exception cref="ResidentException">The JSON is malformed or not an object of plain values.</exception>
    public static Resident FromJson(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            throw new ResidentException($"resident is not valid JSON (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}): {FirstSentence(e.Message)}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ResidentException("resident must be a JSON object of facts, e.g. {\"birthDate\": \"1990-05-01\"}");
            }

            var resident = Empty;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var v = property.Value;
                resident = v.ValueKind switch
                {
                    JsonValueKind.True => resident.With(property.Name, true),
                    JsonValueKind.False => resident.With(property.Name, false),
                    JsonValueKind.Number => v.TryGetDecimal(out var d)
                        ? resident.With(property.Name, d)
                        : throw new ResidentException($"fact '{property.Name}': {v.GetRawText()} is out of range") { Fact = property.Name },
                    JsonValueKind.String => resident.With(property.Name, v.GetString()!),
                    JsonValueKind.Array => resident.With(property.Name, v.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String
                        ? e.GetString()!
                        : throw new ResidentException($"fact '{property.Name}' must be a list of strings") { Fact = property.Name })),
                    JsonValueKind.Null => resident,
                    _ => throw new ResidentException($"fact '{property.Name}' must be a plain value, not an object") { Fact = property.Name },
                };
            }

            return resident;
        }
    }

    private static string FirstSentence(string message)
    {
        var i = message.IndexOf(". ", StringComparison.Ordinal);
        return i > 0 ? message[..i] : message;
    }
}
