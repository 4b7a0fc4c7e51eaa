namespace StandardsKit.Json;

/// <summary>The level a resident gets (SPEC §6 <c>level</c>).</summary>
/// <param name="Quantities">The quantities in force on the date.</param>
/// <param name="Text">The level as text, or null where the standard gives none.</param>
public sealed record JsonLevel(IReadOnlyList<JsonQuantity> Quantities, JsonText? Text);
