using System.Collections.Immutable;
using StandardsKit.Engine;
using StandardsKit.Model;

namespace StandardsKit.Diff;

/// <summary>What kind of change an item underwent.</summary>
public enum ChangeKind
{
    /// <summary>Only in the new side.</summary>
    Added,

    /// <summary>Only in the old side.</summary>
    Removed,

    /// <summary>Same id, different name.</summary>
    Renamed,

    /// <summary>Different area or category.</summary>
    Moved,

    /// <summary>A quantity changed.</summary>
    Level,

    /// <summary>Who qualifies changed.</summary>
    Eligibility,

    /// <summary>One of the five texts changed.</summary>
    Text,

    /// <summary>支出责任 changed.</summary>
    Funding,

    /// <summary>牵头负责单位 changed.</summary>
    LeadDepartment,

    /// <summary>The evidence behind the item changed.</summary>
    Provenance,
}

/// <summary>Direction of a change.</summary>
public enum Direction
{
    /// <summary>More for every resident (or more residents).</summary>
    Raised,

    /// <summary>Less for some resident and more for none.</summary>
    Lowered,

    /// <summary>More for some, less for others, or not comparable.</summary>
    Changed,

    /// <summary>Added where there was nothing.</summary>
    Added,

    /// <summary>Removed.</summary>
    Removed,
}

/// <summary>The comparison of two revisions.</summary>
/// <param name="Old">The old side's standards.</param>
/// <param name="New">The new side's standards.</param>
/// <param name="Changes">One entry per changed item, in the new side's order then removed items.</param>
public sealed record StandardsDiff(ImmutableArray<DiffSide> Old, ImmutableArray<DiffSide> New, ImmutableArray<ItemChange> Changes)
{
    /// <summary>How many items have a change of <paramref name="kind"/>.</summary>
    public int Count(ChangeKind kind) => Changes.Count(c => c.Kinds.Contains(kind));

    /// <summary>How many items had a quantity moving in <paramref name="direction"/>.</summary>
    public int CountLevel(Direction direction) => Changes.Count(c => c.Level.Any(l => l.Direction == direction));

    /// <summary>How many items' eligibility moved in <paramref name="direction"/>.</summary>
    public int CountEligibility(EligibilityDirection direction) => Changes.Count(c => c.Eligibility?.Direction == direction);
}

/// <summary>One standard edition on a side of the diff.</summary>
/// <param name="Standard"><c>id@edition</c>.</param>
/// <param name="Title">Title.</param>
/// <param name="EffectiveFrom">First day in force.</param>
/// <param name="Path">File.</param>
public sealed record DiffSide(string Standard, LocalizedText Title, DateOnly EffectiveFrom, string Path);

/// <summary>Everything that changed about one item.</summary>
public sealed record ItemChange
{
    /// <summary>Item id.</summary>
    public required string Item { get; init; }

    /// <summary>The name (new side's, or old side's for a removed item).</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>The old name when renamed.</summary>
    public LocalizedText? OldName { get; init; }

    /// <summary>The kinds of change.</summary>
    public required ImmutableArray<ChangeKind> Kinds { get; init; }

    /// <summary>Quantity changes.</summary>
    public ImmutableArray<LevelChange> Level { get; init; } = [];

    /// <summary>Eligibility change with example residents.</summary>
    public EligibilityChange? Eligibility { get; init; }

    /// <summary>Text and other field changes.</summary>
    public ImmutableArray<FieldChange> Fields { get; init; } = [];

    /// <summary>For an added item: its effective eligibility rule (its own, or the one it inherits).</summary>
    public string? Rule { get; init; }

    /// <summary>For an added item: its quantities on its edition's effective date, as text.</summary>
    public ImmutableArray<string> Quantities { get; init; } = [];
}

/// <summary>A quantity that changed.</summary>
/// <param name="Quantity">Quantity name.</param>
/// <param name="When">The tier's condition, when the quantity is tiered.</param>
/// <param name="Old">Old value on the old edition's effective date (null: none).</param>
/// <param name="New">New value on the new edition's effective date (null: none).</param>
/// <param name="Unit">Unit.</param>
/// <param name="Direction">Raised, lowered or changed.</param>
/// <param name="OldSteps">Dated values of the old side, when it has steps.</param>
/// <param name="NewSteps">Dated values of the new side, when it has steps.</param>
/// <param name="Note">How to read the values, e.g. when tiers changed and they are one resident's.</param>
public sealed record LevelChange(string Quantity, string? When, decimal? Old, decimal? New, string Unit, Direction Direction,
    ImmutableArray<DatedValue> OldSteps, ImmutableArray<DatedValue> NewSteps, string? Note = null);

/// <summary>Direction of an eligibility change.</summary>
public enum EligibilityDirection
{
    /// <summary>Some residents gain, none lose.</summary>
    Widened,

    /// <summary>Some residents lose, none gain.</summary>
    Narrowed,

    /// <summary>Some gain and some lose, or the change could not be decided (see <see cref="EligibilityChange.Note"/>).</summary>
    Changed,

    /// <summary>The same residents qualify: a rule now written out where it was inherited, or the reverse.</summary>
    Equivalent,
}

/// <summary>An eligibility change with residents who gain and who lose.</summary>
/// <param name="Direction">Widened, narrowed or changed.</param>
/// <param name="Old">Old rule.</param>
/// <param name="New">New rule.</param>
/// <param name="Gained">Residents eligible only under the new rule.</param>
/// <param name="Lost">Residents eligible only under the old rule (or undetermined under the new one).</param>
/// <param name="Note">Why the change is not (fully) decided, when it is not.</param>
public sealed record EligibilityChange(EligibilityDirection Direction, string? Old, string? New, ImmutableArray<Resident> Gained, ImmutableArray<Resident> Lost,
    string? Note = null);

/// <summary>A changed text or field.</summary>
/// <param name="Field">Field name (serviceObject …, funding, leadDepartments, provenance).</param>
/// <param name="Old">Old value.</param>
/// <param name="New">New value.</param>
/// <param name="Diff">Inline diff: unchanged text with [-removed-] and {+added+} runs.</param>
public sealed record FieldChange(string Field, string? Old, string? New, string Diff);
