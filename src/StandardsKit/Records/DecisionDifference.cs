namespace StandardsKit.Records;

/// <summary>One way a replayed decision differs from the recorded one.</summary>
/// <param name="Item">The item id.</param>
/// <param name="Aspect">
/// What differs: <c>eligible</c>, <c>missingFacts</c>, <c>quantity</c>, <c>levelText</c>, <c>removed</c> (the
/// item is no longer decided there on that date) or <c>added</c> (newly in force).
/// </param>
/// <param name="Recorded">The recorded value as text (for a quantity: amount and unit), or null.</param>
/// <param name="Replayed">The value now, as text, or null.</param>
/// <param name="Quantity">For a quantity difference, its name; otherwise null.</param>
public sealed record DecisionDifference(string Item, string Aspect, string? Recorded, string? Replayed, string? Quantity = null)
{
    /// <summary>One line for people, e.g. <c>maternal-health: antenatalChecks 9 times → 12 times</c>.</summary>
    public override string ToString() => Aspect switch
    {
        "removed" => $"{Item}: no longer decided (not in force there on that date)",
        "added" => $"{Item}: newly in force ({Replayed})",
        "quantity" => $"{Item}: {Quantity} {Recorded ?? "(none)"} → {Replayed ?? "(none)"}",
        _ => $"{Item}: {Aspect} {Recorded ?? "(none)"} → {Replayed ?? "(none)"}",
    };
}
