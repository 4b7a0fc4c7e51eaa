namespace StandardsKit.Model;

/// <summary>A citable source listed in a standard document's header.</summary>
/// <param name="Id">Id used by provenance entries, such as <c>S2</c>.</param>
/// <param name="Title">What the source is.</param>
/// <param name="Url">Where it was read.</param>
/// <param name="Kind"><c>official</c>, <c>reprint</c>, <c>secondary</c> or <c>policy</c>.</param>
public sealed record SourceReference(string Id, string Title, string? Url, string? Kind);
