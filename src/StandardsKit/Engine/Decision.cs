using System.Collections.Immutable;
using StandardsKit.Diagnostics;
using StandardsKit.Model;

namespace StandardsKit.Engine;

/// <summary>The answer for one item: eligible or not or undetermined, at what level, why, and on whose authority.</summary>
public sealed record Decision
{
    /// <summary>The item id (the national id when a local item implements it).</summary>
    public required string Item { get; init; }

    /// <summary>The item's number in the national edition (or its own for local-only items).</summary>
    public int? Number { get; init; }

    /// <summary>The item's name in the national edition, or the local name of a local-only item.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>The name the most specific local standard uses, when it differs.</summary>
    public LocalizedText? LocalName { get; init; }

    /// <summary>Basic, non-basic or local.</summary>
    public required ItemKind Kind { get; init; }

    /// <summary>The most specific jurisdiction whose standard defines this decision.</summary>
    public required string Jurisdiction { get; init; }

    /// <summary>True, false, or null when facts are missing.</summary>
    public bool? Eligible { get; init; }

    /// <summary>
    /// The facts whose value would change the answer or an amount (inputs, e.g. birthDate rather than age),
    /// sorted: what to ask next. A tier condition's facts are listed only when the amount really depends on them.
    /// </summary>
    public ImmutableArray<string> MissingFacts { get; init; } = [];

    /// <summary>The level when eligible; otherwise null.</summary>
    public DecisionLevel? Level { get; init; }

    /// <summary>The conditions evaluated, with their results and where each is written.</summary>
    public ImmutableArray<Reason> Because { get; init; } = [];

    /// <summary>The standards behind the decision, national first.</summary>
    public ImmutableArray<Citation> Citations { get; init; } = [];
}

/// <summary>The level a resident gets: quantities in force on the date, and text.</summary>
/// <param name="Quantities">Resolved quantities.</param>
/// <param name="Text">The level as text, from the most specific layer that has one.</param>
public sealed record DecisionLevel(ImmutableArray<ResolvedQuantity> Quantities, LocalizedText? Text);

/// <summary>A quantity's value for this resident on this date, or the values it may take when facts are missing.</summary>
/// <remarks>
/// Tiers are walked in order under three-valued logic: a false condition is skipped, an undetermined one
/// contributes its value to <see cref="PossibleValues"/> and the walk goes on, a true (or absent) condition
/// contributes its value and ends the walk. When every completion of the missing facts gives the same value,
/// the quantity is determined after all; otherwise <see cref="Value"/> is null. Immutable; equality compares
/// <see cref="MissingFacts"/> and <see cref="PossibleValues"/> element by element.
/// </remarks>
/// <param name="Name">Quantity name.</param>
/// <param name="Value">Amount; null when it depends on missing facts (see <see cref="MissingFacts"/>).</param>
/// <param name="Unit">Unit.</param>
/// <param name="AtLeast">True when the standard says "not lower than" (不低于).</param>
/// <param name="Jurisdiction">The jurisdiction whose standard set it.</param>
public sealed record ResolvedQuantity(string Name, decimal? Value, string Unit, bool AtLeast, string Jurisdiction)
{
    /// <summary>
    /// The facts that decide an undetermined amount (inputs, sorted by ordinal name); empty when
    /// <see cref="Value"/> is set.
    /// </summary>
    public ImmutableArray<string> MissingFacts { get; init; } = [];

    /// <summary>
    /// The amounts the quantity may take once the missing facts are known (sorted ascending, distinct); empty
    /// when <see cref="Value"/> is set.
    /// </summary>
    public ImmutableArray<decimal> PossibleValues { get; init; } = [];

    /// <summary>
    /// True when, depending on the missing facts, no tier may apply and the resident may get no amount at all.
    /// Always false when <see cref="Value"/> is set.
    /// </summary>
    public bool MayBeAbsent { get; init; }

    /// <inheritdoc/>
    public bool Equals(ResolvedQuantity? other) =>
        other is not null
        && Name == other.Name && Value == other.Value && Unit == other.Unit && AtLeast == other.AtLeast
        && Jurisdiction == other.Jurisdiction && MayBeAbsent == other.MayBeAbsent
        && MissingFacts.AsSpan().SequenceEqual(other.MissingFacts.AsSpan())
        && PossibleValues.AsSpan().SequenceEqual(other.PossibleValues.AsSpan());

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Name);
        hash.Add(Value);
        hash.Add(Unit);
        hash.Add(AtLeast);
        hash.Add(Jurisdiction);
        hash.Add(MayBeAbsent);
        foreach (var f in MissingFacts)
        {
            hash.Add(f);
        }

        foreach (var v in PossibleValues)
        {
            hash.Add(v);
        }

        return hash.ToHashCode();
    }
}

/// <summary>One condition of the explanation.</summary>
/// <param name="Expression">The condition's text.</param>
/// <param name="Result">Its value; null when undetermined.</param>
/// <param name="Source">Where it is written.</param>
public sealed record Reason(string Expression, bool? Result, SourceSpan Source);

/// <summary>A standard behind a decision.</summary>
/// <param name="Standard"><c>id@edition</c>.</param>
/// <param name="Title">The standard's title.</param>
/// <param name="Url">Where the cited text can be read.</param>
/// <param name="Item">The item id in that standard.</param>
/// <param name="Evidence">How strongly that layer's item is backed.</param>
public sealed record Citation(string Standard, LocalizedText Title, string? Url, string Item, Evidence Evidence);
