using System.Collections.Immutable;
using StandardsKit.Diagnostics;

namespace StandardsKit.Model;

/// <summary>A resident fact that expressions may use, declared in <c>standards/facts.yaml</c>.</summary>
/// <remarks>Equality compares <see cref="Values"/> element by element.</remarks>
public sealed record FactDeclaration
{
    /// <summary>camelCase name, as used in expressions and in the resident JSON.</summary>
    public required string Name { get; init; }

    /// <summary>The fact's type.</summary>
    public required FactKind Kind { get; init; }

    /// <summary>What the fact means.</summary>
    public required LocalizedText Description { get; init; }

    /// <summary>Unit, such as <c>years</c> or <c>months</c>.</summary>
    public string? Unit { get; init; }

    /// <summary>Allowed values of an enum or set fact.</summary>
    public ImmutableArray<string> Values { get; init; } = [];

    /// <summary>Smallest allowed number, if any.</summary>
    public decimal? Min { get; init; }

    /// <summary>Largest allowed number, if any.</summary>
    public decimal? Max { get; init; }

    /// <summary>How the engine derives the fact (<c>age-from-birthDate</c>), or null for an input fact.</summary>
    public string? Derived { get; init; }

    /// <summary>True when absence is itself a known answer ("no certified disability"), not an unknown.</summary>
    public bool AbsentMeansNone { get; init; }

    /// <summary>True when an absent value defaults to the county being evaluated (<c>residence</c>).</summary>
    public bool DefaultsToCounty { get; init; }

    /// <summary>Where the declaration is.</summary>
    public SourceSpan? Span { get; init; }

    /// <inheritdoc/>
    public bool Equals(FactDeclaration? other) =>
        ReferenceEquals(this, other) || (other is not null && Name == other.Name && Kind == other.Kind && Description == other.Description && Unit == other.Unit
        && Min == other.Min && Max == other.Max && Derived == other.Derived && AbsentMeansNone == other.AbsentMeansNone
        && DefaultsToCounty == other.DefaultsToCounty && Span == other.Span && ModelEquality.Equal(Values, other.Values));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Kind, Min, Max, Derived, AbsentMeansNone, DefaultsToCounty, ModelEquality.Hash(Values));
}
