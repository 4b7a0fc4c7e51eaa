using System.Text.Json.Serialization;
using StandardsKit.Engine;

namespace StandardsKit.Json;

/// <summary>
/// The <c>eval --format json</c> document (SPEC §6), also returned by <c>POST /v1/evaluate</c>. With
/// <see cref="Input"/> set it is a decision record (<c>eval --record</c>) that <c>replay</c> re-evaluates.
/// </summary>
/// <remarks>A contract: fields are added, never renamed or removed. Build one with <see cref="EvaluationJson"/>.</remarks>
public sealed record JsonEvaluation
{
    /// <summary>The county-level code evaluated.</summary>
    public required string County { get; init; }

    /// <summary>The evaluation date.</summary>
    public required DateOnly On { get; init; }

    /// <summary>The standards in force along the jurisdiction chain, national first.</summary>
    public required IReadOnlyList<JsonChainLink> Chain { get; init; }

    /// <summary>The standards files and engine that made these decisions.</summary>
    public required StandardsRevision Revision { get; init; }

    /// <summary>One decision per item in force (or per requested item), in a stable order.</summary>
    public required IReadOnlyList<JsonDecision> Decisions { get; init; }

    /// <summary>Warnings about the evaluation as a whole (e.g. a county that is neither the resident's hukou nor
    /// residence); omitted when there are none (SPEC §6 is extended, never broken).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<JsonWarning>? Warnings { get; init; }

    /// <summary>For a decision record: the input evaluated; omitted otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonRecordInput? Input { get; init; }
}

/// <summary>One evaluation warning: a stable code and a message.</summary>
/// <param name="Code">The warning's code.</param>
/// <param name="Message">What it says.</param>
public sealed record JsonWarning(string Code, string Message);
