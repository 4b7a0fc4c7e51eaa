using StandardsKit.Diagnostics;

namespace StandardsKit.Model;

/// <summary>Who qualifies for an item: an expression over resident facts.</summary>
/// <remarks>
/// Pure data: the expression is kept as written. <see cref="Catalog.Compile"/> (or loading) type-checks and
/// compiles it against the fact vocabulary; the compiled form lives in the catalog, not here.
/// </remarks>
public sealed record Eligibility
{
    /// <summary>The expression as written, e.g. <c>ruralHukou and planningPregnancy</c>.</summary>
    public required string When { get; init; }

    /// <summary>Evidence for the rule (the expression is our formalisation of the text it cites).</summary>
    public Provenance? Provenance { get; init; }

    /// <summary>Where the expression is written; null for a rule built in code.</summary>
    public SourceSpan? Span { get; init; }
}
