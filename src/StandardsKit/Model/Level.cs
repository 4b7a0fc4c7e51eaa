using System.Collections.Immutable;
using StandardsKit.Diagnostics;

namespace StandardsKit.Model;

/// <summary>"At what level": named quantities plus text; either may be absent.</summary>
/// <remarks>Equality compares <see cref="Quantities"/> element by element.</remarks>
public sealed record Level
{
    /// <summary>The level as text, e.g. 「按照《军人抚恤优待条例》执行」.</summary>
    public LocalizedText? Text { get; init; }

    /// <summary>The quantities, in file order.</summary>
    public ImmutableArray<Quantity> Quantities { get; init; } = [];

    /// <summary>Evidence for the level.</summary>
    public Provenance? Provenance { get; init; }

    /// <summary>Where the level is written.</summary>
    public SourceSpan? Span { get; init; }

    /// <inheritdoc/>
    public bool Equals(Level? other) =>
        ReferenceEquals(this, other) || (other is not null && Text == other.Text && Provenance == other.Provenance && Span == other.Span
        && ModelEquality.Equal(Quantities, other.Quantities));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Text, Provenance, Span, ModelEquality.Hash(Quantities));
}

/// <summary>A named amount such as <c>antenatalChecks = 9 times</c>, possibly tiered and dated.</summary>
/// <remarks>Equality compares <see cref="Tiers"/> element by element.</remarks>
public sealed record Quantity
{
    /// <summary>camelCase name; local standards override a parent's quantity of the same name.</summary>
    public required string Name { get; init; }

    /// <summary>Unit, such as <c>CNY/month</c> or <c>times</c>.</summary>
    public required string Unit { get; init; }

    /// <summary>True when the standard says "not lower than" (≥) rather than an exact amount.</summary>
    public bool AtLeast { get; init; }

    /// <summary>Tiers in order; first match wins. An untiered quantity has one tier without a condition.</summary>
    public required ImmutableArray<QuantityTier> Tiers { get; init; }

    /// <summary>Where the quantity is written.</summary>
    public SourceSpan? Span { get; init; }

    /// <inheritdoc/>
    public bool Equals(Quantity? other) =>
        ReferenceEquals(this, other) || (other is not null && Name == other.Name && Unit == other.Unit && AtLeast == other.AtLeast && Span == other.Span
        && ModelEquality.Equal(Tiers, other.Tiers));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Unit, AtLeast, Span, ModelEquality.Hash(Tiers));
}

/// <summary>One tier of a quantity: a condition (or none) and the dated values that apply under it.</summary>
/// <remarks>
/// Pure data: the condition is kept as written and compiled by the catalog. Equality compares
/// <see cref="Values"/> element by element.
/// </remarks>
public sealed record QuantityTier
{
    /// <summary>The condition, or null for "always".</summary>
    public string? When { get; init; }

    /// <summary>Values by the date from which each applies, ascending.</summary>
    public required ImmutableArray<DatedValue> Values { get; init; }

    /// <summary>Where the tier is written.</summary>
    public SourceSpan? Span { get; init; }

    /// <summary>Where the condition is written, when it is; null for a condition built in code.</summary>
    public SourceSpan? WhenSpan { get; init; }

    /// <summary>The value in force on <paramref name="on"/>, or null before the first date.</summary>
    public decimal? ValueOn(DateOnly on)
    {
        decimal? result = null;
        foreach (var v in Values.IsDefault ? [] : Values)
        {
            if (v.From <= on)
            {
                result = v.Value;
            }
        }

        return result;
    }

    /// <inheritdoc/>
    public bool Equals(QuantityTier? other) =>
        ReferenceEquals(this, other) || (other is not null && When == other.When && Span == other.Span && WhenSpan == other.WhenSpan && ModelEquality.Equal(Values, other.Values));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(When, Span, WhenSpan, ModelEquality.Hash(Values));
}

/// <summary>A value that applies from a date on.</summary>
/// <param name="From">First day it applies; <see cref="DateOnly.MinValue"/> for an undated value.</param>
/// <param name="Value">The amount.</param>
public sealed record DatedValue(DateOnly From, decimal Value);
