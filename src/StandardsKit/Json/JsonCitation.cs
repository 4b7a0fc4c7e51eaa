namespace StandardsKit.Json;

/// <summary>A standard behind a decision (SPEC §6 <c>citations</c>).</summary>
/// <param name="Standard"><c>id@edition</c>.</param>
/// <param name="Title">The standard's Chinese title.</param>
/// <param name="Url">Where the cited text can be read, or null.</param>
/// <param name="Item">The item id in that standard.</param>
/// <param name="Evidence"><c>verbatim</c>, <c>secondary</c>, <c>policy</c> or <c>reconstructed</c>.</param>
public sealed record JsonCitation(string Standard, string Title, string? Url, string Item, string Evidence);
