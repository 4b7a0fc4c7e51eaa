using System.ComponentModel;
using System.Text.Json;

namespace StandardsKit.Service.Contracts;

/// <summary>The body of <c>POST /v1/evaluate</c>, and one line of <c>POST /v1/evaluate/batch</c>.</summary>
internal sealed record EvaluateRequest
{
    /// <summary>6-digit county-level code, e.g. 310104.</summary>
    [Description("6-digit county-level code, e.g. 310104 (000000: the national standard alone)")]
    public required string County { get; init; }

    /// <summary>Evaluation date.</summary>
    [Description("Evaluation date, YYYY-MM-DD")]
    public required string On { get; init; }

    /// <summary>The resident's facts.</summary>
    [Description("The resident's facts, a JSON object (GET /v1/facts lists them)")]
    public required JsonElement Resident { get; init; }

    /// <summary>Only these items.</summary>
    [Description("Only these item ids; omit for every item in force")]
    public IReadOnlyList<string>? Items { get; init; }

    /// <summary>Explanations on (default) or off.</summary>
    [Description("Include because and citations (default true)")]
    public bool? Explain { get; init; }

    /// <summary>Batch lines only: echoed in the result line.</summary>
    [Description("Batch only: any JSON value, echoed on the result line")]
    public JsonElement? Id { get; init; }
}
