using System.Text.Json;
using System.Text.Json.Serialization;

namespace StandardsKit.Json;

/// <summary>What a decision record was evaluated from, so <c>standardskit replay</c> can evaluate it again.</summary>
public sealed record JsonRecordInput
{
    /// <summary>The county evaluated.</summary>
    public required string County { get; init; }

    /// <summary>The evaluation date.</summary>
    public required DateOnly On { get; init; }

    /// <summary>The resident's facts as given (a JSON object, SPEC §4.3).</summary>
    public required JsonElement Resident { get; init; }

    /// <summary>The item filter, when one was given; omitted otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Items { get; init; }
}
