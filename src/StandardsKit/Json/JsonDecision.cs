using System.Text.Json.Serialization;

namespace StandardsKit.Json;

/// <summary>The answer for one item (SPEC §6 <c>decisions[]</c>).</summary>
public sealed record JsonDecision
{
    /// <summary>The item id (the national id when a local item implements it).</summary>
    public required string Item { get; init; }

    /// <summary>The item's number, or null.</summary>
    public int? Number { get; init; }

    /// <summary>The item's name in the national edition (or the local name of a local-only item).</summary>
    public required JsonText Name { get; init; }

    /// <summary>The name the most specific local standard uses, when it differs; omitted otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonText? LocalName { get; init; }

    /// <summary><c>basic</c>, <c>non-basic</c> or <c>local</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The most specific jurisdiction that defines the decision.</summary>
    public required string Jurisdiction { get; init; }

    /// <summary>True, false, or null when facts are missing.</summary>
    public bool? Eligible { get; init; }

    /// <summary>Every fact whose value would change eligibility or an amount, sorted: what to ask next.</summary>
    public IReadOnlyList<string> MissingFacts { get; init; } = [];

    /// <summary>The level; null when the resident is not eligible.</summary>
    public JsonLevel? Level { get; init; }

    /// <summary>The conditions evaluated (empty when explanations are off).</summary>
    public IReadOnlyList<JsonReason> Because { get; init; } = [];

    /// <summary>The standards behind the decision, national first (empty when explanations are off).</summary>
    public IReadOnlyList<JsonCitation> Citations { get; init; } = [];
}
