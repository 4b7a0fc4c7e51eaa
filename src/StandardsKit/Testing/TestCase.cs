using System.Collections.Immutable;
using StandardsKit.Diagnostics;
using StandardsKit.Engine;

namespace StandardsKit.Testing;

/// <summary>A YAML test case: a resident in a county on a date, and what the standards must answer.</summary>
public sealed record TestCase
{
    /// <summary>What the case shows.</summary>
    public required string Name { get; init; }

    /// <summary>County-level code.</summary>
    public required string County { get; init; }

    /// <summary>Evaluation date.</summary>
    public required DateOnly On { get; init; }

    /// <summary>The resident.</summary>
    public required Resident Resident { get; init; }

    /// <summary>Expected decisions.</summary>
    public required ImmutableArray<TestExpectation> Expectations { get; init; }

    /// <summary>Where the case is written.</summary>
    public required SourceSpan Span { get; init; }
}

/// <summary>What one decision must be. Unset properties are not checked.</summary>
public sealed record TestExpectation
{
    /// <summary>Item id.</summary>
    public required string Item { get; init; }

    /// <summary>Whether the item must be in force (default: true).</summary>
    public bool InForce { get; init; } = true;

    /// <summary>True when <see cref="Eligible"/> is checked.</summary>
    public bool ChecksEligible { get; init; }

    /// <summary>Expected eligibility; null means undetermined.</summary>
    public bool? Eligible { get; init; }

    /// <summary>Expected defining jurisdiction.</summary>
    public string? Jurisdiction { get; init; }

    /// <summary>Expected quantities by name; a null value means the quantity must have no value.</summary>
    public ImmutableDictionary<string, decimal?> Level { get; init; } = ImmutableDictionary<string, decimal?>.Empty;

    /// <summary>Expected missing facts, if checked.</summary>
    public ImmutableArray<string>? MissingFacts { get; init; }

    /// <summary>Where the expectation is written.</summary>
    public required SourceSpan Span { get; init; }
}
