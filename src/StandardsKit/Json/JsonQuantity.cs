using System.Text.Json.Serialization;

namespace StandardsKit.Json;

/// <summary>
/// A quantity of a level (SPEC §6 <c>level.quantities</c>). A determined quantity has the plain shape
/// <c>{name, value, unit, jurisdiction}</c> (plus <c>atLeast</c> when true); an undetermined one has
/// <c>"value": null</c> with its own <c>missingFacts</c>, sorted <c>possibleValues</c> and, when no tier may
/// apply, <c>"mayBeAbsent": true</c>.
/// </summary>
public sealed record JsonQuantity
{
    /// <summary>Quantity name.</summary>
    public required string Name { get; init; }

    /// <summary>Amount; null when it depends on missing facts.</summary>
    public decimal? Value { get; init; }

    /// <summary>Unit, such as <c>CNY/month</c> or <c>times</c>.</summary>
    public required string Unit { get; init; }

    /// <summary>True when the standard says "not lower than" (不低于); omitted when false.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool AtLeast { get; init; }

    /// <summary>The jurisdiction whose standard set it.</summary>
    public required string Jurisdiction { get; init; }

    /// <summary>For an undetermined amount: the facts that decide it; otherwise null (omitted).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? MissingFacts { get; init; }

    /// <summary>For an undetermined amount: the amounts it may take, ascending; otherwise null (omitted).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<decimal>? PossibleValues { get; init; }

    /// <summary>True when no tier may apply; omitted when false.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool MayBeAbsent { get; init; }
}
