using System.Text.Json;
using System.Text.Json.Serialization;
using StandardsKit.Json;

namespace StandardsKit.Service.Contracts;

/// <summary>One line of a batch response: the result for input line <see cref="Line"/>, or the problem with it.</summary>
internal sealed record BatchLine
{
    /// <summary>The 1-based input line.</summary>
    public required int Line { get; init; }

    /// <summary>The input's <c>id</c>, echoed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Id { get; init; }

    /// <summary>The §6 result.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonEvaluation? Result { get; init; }

    /// <summary>Why the line was not evaluated (RFC 9457 members).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public BatchProblem? Problem { get; init; }
}

/// <summary>An RFC 9457 problem inside a batch line.</summary>
internal sealed record BatchProblem(string Type, string Title, int Status, string Detail, IReadOnlyList<Http.FieldError>? Errors);
