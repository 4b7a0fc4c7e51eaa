namespace StandardsKit.Json;

/// <summary>Bilingual text as <c>{"zh": …, "en": …}</c>; <c>en</c> is null where nobody translated it, so the shape is stable.</summary>
/// <param name="Zh">The Chinese text.</param>
/// <param name="En">The English text, or null.</param>
public sealed record JsonText(string Zh, string? En);
