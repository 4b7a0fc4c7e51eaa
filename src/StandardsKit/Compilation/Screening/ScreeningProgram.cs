using System.Collections.Immutable;
using System.Reflection.Emit;
using StandardsKit.Screening;

namespace StandardsKit.Compilation.Screening;

/// <summary>One compiled slice of a chain's items for one row: fills the row's decisions and quantities.</summary>
internal delegate void RowProgram(ref ResidentRow row, ref RowState state, ref ScreenDecision decisions, ref ScreenQuantity quantities);

/// <summary>Writes the three-valued state (T=1, F=2, U=3) of every explanation part of a chain's items for one row.</summary>
internal delegate void PartsProgram(ref ResidentRow row, ref RowState state, ref byte parts);

/// <summary>
/// A prepared chain of items compiled to IL: a few methods that each decide a slice of the items for one row
/// (two-valued inline when every fact an item needs is known, a call to the item's three-valued method
/// otherwise), and the tier layout the county- and date-specific <see cref="ScreeningTables"/> fill in.
/// </summary>
/// <remarks>
/// Compiled once per list of items and shared by every county and date that has that list; bound to a
/// county and date by <see cref="Bind"/>. Immutable and thread-safe.
/// </remarks>
internal sealed class ScreeningProgram
{
    private readonly DynamicMethod[] _slices;
    private readonly Lazy<DynamicMethod[]> _parts;

    public ScreeningProgram(IReadOnlyList<Engine.EffectiveItem> items, DynamicMethod[] slices, Func<DynamicMethod[]> parts, ImmutableArray<int> firstTier, ImmutableArray<int> tierCount,
        ImmutableArray<int> firstPart, int partCount)
    {
        Items = items;
        _slices = slices;
        _parts = new Lazy<DynamicMethod[]>(parts);
        FirstTier = firstTier;
        TierCount = tierCount;
        FirstPart = firstPart;
        PartCount = partCount;
    }

    public IReadOnlyList<Engine.EffectiveItem> Items { get; }

    /// <summary>
    /// False where the runtime cannot generate code (NativeAOT): the program then only lays out tiers and parts,
    /// and screening interprets the items with the same outcomes.
    /// </summary>
    public bool IsCompiled => _slices.Length > 0 || Items.Count == 0;

    /// <summary>For each quantity slot, its first tier in the flattened tier tables.</summary>
    public ImmutableArray<int> FirstTier { get; }

    public ImmutableArray<int> TierCount { get; }

    /// <summary>For each item, the index of its first explanation part (items without parts have none).</summary>
    public ImmutableArray<int> FirstPart { get; }

    public int PartCount { get; }

    public RowProgram[] Bind(ScreeningTables tables) =>
        [.. _slices.Select(m => (RowProgram)m.CreateDelegate(typeof(RowProgram), tables))];

    public PartsProgram[] BindParts(ScreeningTables tables) =>
        [.. _parts.Value.Select(m => (PartsProgram)m.CreateDelegate(typeof(PartsProgram), tables))];
}
