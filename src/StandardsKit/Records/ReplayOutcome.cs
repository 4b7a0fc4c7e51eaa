using StandardsKit.Json;

namespace StandardsKit.Records;

/// <summary>A decision record evaluated again: what was recorded, what the engine says now, and how they differ.</summary>
/// <param name="Recorded">The record as read.</param>
/// <param name="Replayed">The evaluation now, or null when the input no longer evaluates (see <see cref="Error"/>).</param>
/// <param name="Differences">Every difference in a decision (eligibility, missing facts, quantities, level text, items in force).</param>
/// <param name="Error">Why the input no longer evaluates (a fact or county the standards no longer know), or null.</param>
public sealed record ReplayOutcome(JsonEvaluation Recorded, JsonEvaluation? Replayed, IReadOnlyList<DecisionDifference> Differences, string? Error)
{
    /// <summary>True when every decision is the same (explanations and source positions may still differ).</summary>
    public bool Same => Error is null && Differences.Count == 0;

    /// <summary>True when the standards files differ from those the record was made with.</summary>
    public bool StandardsChanged => Replayed is not null && Replayed.Revision.Standards != Recorded.Revision.Standards;

    /// <summary>True when the engine version differs from the one that made the record.</summary>
    public bool EngineChanged => Replayed is not null && Replayed.Revision.Engine != Recorded.Revision.Engine;
}
