namespace StandardsKit.Json;

/// <summary>One condition of an explanation (SPEC §6 <c>because</c>).</summary>
/// <param name="Expression">The condition's text.</param>
/// <param name="Result">Its value; null when undetermined.</param>
/// <param name="Source">Where it is written, <c>file:line:col</c>.</param>
public sealed record JsonReason(string Expression, bool? Result, string Source);
