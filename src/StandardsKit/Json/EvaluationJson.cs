using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using StandardsKit.Engine;
using StandardsKit.Model;

namespace StandardsKit.Json;

/// <summary>
/// The SPEC §6 JSON contract for evaluations, shared by the CLI (<c>eval --format json</c>, <c>eval --record</c>),
/// the HTTP service (<c>POST /v1/evaluate</c>) and embedders, so all of them produce the same bytes.
/// </summary>
/// <remarks>
/// Serialization is source-generated System.Text.Json (no reflection, safe under trimming and native AOT).
/// Chinese text is written as UTF-8, not as <c>\uXXXX</c> escapes. Thread-safe.
/// </remarks>
public static class EvaluationJson
{
    private static readonly ContractJsonContext Indented = new(new JsonSerializerOptions(ContractJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private static readonly ContractJsonContext Compact = new(new JsonSerializerOptions(ContractJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    });

    /// <summary>
    /// Reading records back (<c>replay</c>): every member must be one the contract names, spelt as it is (no
    /// case-insensitive match), so a hand-edited record with a misspelt or extra field is an error, not ignored.
    /// </summary>
    private static readonly ContractJsonContext Strict = new(new JsonSerializerOptions(ContractJsonContext.Default.Options)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        PropertyNameCaseInsensitive = false,
    });

    /// <summary>The indented options the CLI writes with (camelCase, UTF-8 Chinese, <c>\n</c> line ends).</summary>
    public static JsonSerializerOptions Options => Indented.Options;

    /// <summary>The contract types' metadata, for plugging into an ASP.NET Core or other serializer configuration.</summary>
    public static IJsonTypeInfoResolver TypeInfoResolver => ContractJsonContext.Default;

    /// <summary>Builds the §6 document for an evaluation made by a catalog of <paramref name="revision"/>.</summary>
    public static JsonEvaluation ToContract(Evaluation evaluation, StandardsRevision revision)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(revision);
        var decisions = new JsonDecision[evaluation.Decisions.Length];
        for (var i = 0; i < decisions.Length; i++)
        {
            decisions[i] = ToContract(evaluation.Decisions[i]);
        }

        return new JsonEvaluation
        {
            County = evaluation.County,
            On = evaluation.On,
            Chain = [.. evaluation.Chain.Select(l => new JsonChainLink(l.Jurisdiction, l.Standard, l.Edition))],
            Revision = revision,
            Decisions = decisions,
            Warnings = evaluation.Warnings.IsEmpty ? null : [.. evaluation.Warnings.Select(w => new JsonWarning(w.Code, w.Message))],
        };
    }

    /// <summary>
    /// Builds a decision record: the §6 document plus the input it was evaluated from, which
    /// <c>standardskit replay</c> evaluates again.
    /// </summary>
    /// <param name="evaluation">The result.</param>
    /// <param name="revision">The revision of the catalog that evaluated.</param>
    /// <param name="resident">The resident as evaluated.</param>
    /// <param name="items">The item filter used, or null for every item in force.</param>
    public static JsonEvaluation ToRecord(Evaluation evaluation, StandardsRevision revision, Resident resident, IReadOnlyCollection<string>? items = null)
    {
        ArgumentNullException.ThrowIfNull(resident);
        return ToContract(evaluation, revision) with
        {
            Input = new JsonRecordInput
            {
                County = evaluation.County,
                On = evaluation.On,
                Resident = ResidentJson.ToElement(resident),
                Items = items is { Count: > 0 } ? [.. items] : null,
            },
        };
    }

    /// <summary>The document as indented JSON (the CLI's form), without a trailing newline.</summary>
    public static string Serialize(JsonEvaluation document) => JsonSerializer.Serialize(document, Indented.JsonEvaluation);

    /// <summary>Writes the document as UTF-8 JSON: indented (the CLI's form) or on one line (JSON Lines, NDJSON).</summary>
    public static void Serialize(Stream utf8, JsonEvaluation document, bool indented = true) =>
        JsonSerializer.Serialize(utf8, document, indented ? Indented.JsonEvaluation : Compact.JsonEvaluation);

    /// <summary>Writes the document with a writer the caller owns (its own indentation and encoder apply).</summary>
    public static void Serialize(Utf8JsonWriter writer, JsonEvaluation document) =>
        JsonSerializer.Serialize(writer, document, Compact.JsonEvaluation);

    /// <summary>Reads a §6 document or decision record.</summary>
    /// <exception cref="JsonException">The text is not such a document.</exception>
    public static JsonEvaluation Deserialize(string json) =>
        JsonSerializer.Deserialize(json, Compact.JsonEvaluation) ?? throw new JsonException("expected a JSON object, found null");

    /// <summary>Reads a §6 document or decision record from a reader positioned on its start.</summary>
    /// <exception cref="JsonException">The value is not such a document.</exception>
    public static JsonEvaluation Deserialize(ref Utf8JsonReader reader) =>
        JsonSerializer.Deserialize(ref reader, Compact.JsonEvaluation) ?? throw new JsonException("expected a JSON object, found null");

    /// <summary>Reads a decision record strictly: unknown members and differently-cased names are errors.</summary>
    /// <exception cref="JsonException">The value is not such a document.</exception>
    internal static JsonEvaluation DeserializeStrict(ref Utf8JsonReader reader) =>
        JsonSerializer.Deserialize(ref reader, Strict.JsonEvaluation) ?? throw new JsonException("expected a JSON object, found null");

    private static JsonDecision ToContract(Decision d) => new()
    {
        Item = d.Item,
        Number = d.Number,
        Name = Text(d.Name),
        LocalName = d.LocalName is { } local ? Text(local) : null,
        Kind = Kind(d.Kind),
        Jurisdiction = d.Jurisdiction,
        Eligible = d.Eligible,
        MissingFacts = d.MissingFacts,
        Level = d.Level is { } level ? new JsonLevel([.. level.Quantities.Select(Quantity)], level.Text is { } t ? Text(t) : null) : null,
        Because = [.. d.Because.Select(r => new JsonReason(r.Expression, r.Result, r.Source.ToString()))],
        Citations = [.. d.Citations.Select(c => new JsonCitation(c.Standard, c.Title.Zh, c.Url, c.Item, c.Evidence.Name()))],
    };

    private static JsonQuantity Quantity(ResolvedQuantity q) => new()
    {
        Name = q.Name,
        Value = q.Value,
        Unit = q.Unit,
        AtLeast = q.AtLeast,
        Jurisdiction = q.Jurisdiction,

        // Only undetermined amounts carry these, so a determined quantity keeps its plain shape (SPEC §6).
        MissingFacts = q.Value is null ? (IReadOnlyList<string>)q.MissingFacts : null,
        PossibleValues = q.Value is null ? (IReadOnlyList<decimal>)q.PossibleValues : null,
        MayBeAbsent = q.Value is null && q.MayBeAbsent,
    };

    /// <summary>The contract's name of an item kind.</summary>
    internal static string Kind(ItemKind kind) => kind switch { ItemKind.Basic => "basic", ItemKind.NonBasic => "non-basic", _ => "local" };

    internal static JsonText Text(LocalizedText text) => new(text.Zh, text.En);
}
