using StandardsKit.Diagnostics;
using StandardsKit.Expressions;

namespace StandardsKit.Model;

/// <summary>Who qualifies for an item: an expression over resident facts.</summary>
public sealed record Eligibility
{
    /// <summary>The expression as written, e.g. <c>ruralHukou and planningPregnancy</c>.</summary>
    public required string When { get; init; }

    /// <summary>Evidence for the rule (the expression is our formalisation of the text it cites).</summary>
    public Provenance? Provenance { get; init; }

    /// <summary>Where the expression is written.</summary>
    public required SourceSpan Span { get; init; }

    internal CompiledExpression Compiled { get; init; } = null!;

    internal Func<int, SourceSpan> PositionOf { get; init; } = _ => null!;
}
