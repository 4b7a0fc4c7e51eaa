using System.Text;
using System.Text.Json;
using StandardsKit.Input;

namespace StandardsKit.Engine;

/// <summary>
/// Reads a resident's JSON object of facts strictly: a fact given twice is an error (not "the last one wins"),
/// and every error, here or later when the facts are checked against the vocabulary, can name its line and
/// column through <see cref="Keys"/>.
/// </summary>
internal sealed class ResidentJsonReader
{
    public const int MaxDepth = 8;

    private ResidentJsonReader(Resident resident, Dictionary<string, JsonPosition> keys)
    {
        Resident = resident;
        Keys = keys;
    }

    public Resident Resident { get; }

    /// <summary>Where each fact's key is in the text.</summary>
    public IReadOnlyDictionary<string, JsonPosition> Keys { get; }

    /// <exception cref="ResidentException">The JSON is malformed, repeats a fact, or a fact's value is not a plain value.</exception>
    public static ResidentJsonReader Read(ReadOnlyMemory<byte> utf8)
    {
        JsonDocument document;
        Dictionary<string, JsonPosition> keys;
        try
        {
            document = StrictJson.Parse(StrictJson.CheckUtf8(utf8), MaxDepth, out keys);
        }
        catch (StrictJsonException e)
        {
            throw new ResidentException($"resident {e.Message}") { Line = e.Position.Line, Column = e.Position.Column };
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ResidentException("resident must be a JSON object of facts, e.g. {\"birthDate\": \"1990-05-01\"}") { Line = 1, Column = 1 };
            }

            var resident = Resident.Empty;
            // "$schema" names the file's JSON Schema for editors (resident.schema.json); it is not a fact.
            foreach (var property in document.RootElement.EnumerateObject().Where(p => p.Name != "$schema" || p.Value.ValueKind != JsonValueKind.String))
            {
                var at = keys[property.Name];
                ResidentException Bad(string message) => new(message) { Line = at.Line, Column = at.Column, Fact = property.Name };
                var v = property.Value;
                resident = v.ValueKind switch
                {
                    JsonValueKind.True => resident.With(property.Name, true),
                    JsonValueKind.False => resident.With(property.Name, false),
                    JsonValueKind.Number => v.TryGetDecimal(out var d)
                        ? resident.With(property.Name, d)
                        : throw Bad($"fact '{property.Name}': {v.GetRawText()} is out of range"),
                    JsonValueKind.String => resident.With(property.Name, v.GetString()!),
                    JsonValueKind.Array => resident.With(property.Name, v.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String
                        ? e.GetString()!
                        : throw Bad($"fact '{property.Name}' must be a list of strings")).ToList()),
                    JsonValueKind.Null => resident,
                    _ => throw Bad($"fact '{property.Name}' must be a plain value, not an object"),
                };
            }

            return new ResidentJsonReader(resident, keys);
        }
    }

    public static ResidentJsonReader Read(string json) => Read(Encoding.UTF8.GetBytes(json));
}
