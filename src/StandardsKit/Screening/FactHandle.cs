using System.Collections.Immutable;
using StandardsKit.Model;

namespace StandardsKit.Screening;

/// <summary>
/// A fact of the vocabulary resolved once to its place in a <see cref="ResidentRow"/>: look facts up by name
/// once (<see cref="ResidentRowLayout.Fact"/>), then set them on many rows without any lookup.
/// </summary>
/// <remarks>
/// An immutable value, valid for rows of the layout that issued it; using it with a row of another vocabulary
/// throws. <c>default(FactHandle)</c> is no fact and is rejected wherever a fact is expected.
/// </remarks>
public readonly struct FactHandle : IEquatable<FactHandle>
{
    internal FactHandle(RowSlot info)
    {
        Info = info;
        var spilled = info.Declaration.Kind != FactKind.String && info.Cell >= RowCells.Capacity;
        Key = KeyOf(info.LayoutId, info.Declaration.Kind) | (spilled ? SpilledBit : 0) | ((long)(info.Cell & 0x7FFF) << 8) | (long)info.Slot;
    }

    /// <summary>Everything about the fact; null for <c>default(FactHandle)</c>.</summary>
    internal RowSlot? Info { get; }

    /// <summary>
    /// What setting a fact needs without touching <see cref="Info"/>, packed so the handle is 16 bytes and travels in
    /// registers: layout id (bits 32–63), kind + 1 (24–31), whether the first cell is outside the row's inline cells
    /// (23), first cell (8–22), slot (0–7).
    /// </summary>
    internal long Key { get; }

    internal int LayoutId => (int)(Key >>> 32);

    internal int Slot => (int)(Key & 0xFF);

    internal int Cell => Info!.Cell;

    internal FactKind FactKind => (FactKind)(((Key >> 24) & 0xFF) - 1);

    /// <summary>
    /// The bits of <see cref="Key"/> a setter compares with the row's layout and the kind it takes. The spilled bit
    /// is among them, so one comparison also sends a fact kept outside the inline cells to the slow path, and the
    /// fast path stores without a second branch.
    /// </summary>
    internal const long LayoutAndKind = unchecked((long)0xFFFF_FFFF_FF80_0000UL);

    private const long SpilledBit = 1L << 23;

    /// <remarks>The kind is stored plus one, so <c>default(FactHandle)</c> matches no row.</remarks>
    internal static long KeyOf(int layoutId, FactKind kind) => ((long)layoutId << 32) | KindKey(kind);

    /// <summary>The kind's bits of <see cref="Key"/>, to be or-ed with a row's <see cref="ResidentRow.LayoutKey"/>.</summary>
    internal static long KindKey(FactKind kind) => ((long)kind + 1) << 24;

    /// <summary>The fact's first cell; inline (below <see cref="RowCells.Capacity"/>) whenever a setter's fast path runs.</summary>
    internal int InlineCell => (int)((Key >> 8) & 0x7FFF);

    /// <summary>The fact's name.</summary>
    public string Name => Checked.Declaration.Name;

    /// <summary>The fact's type.</summary>
    public FactKind Kind => Checked.Declaration.Kind;

    /// <summary>The values of an enum or set fact, in declaration order: an enum value's index and a set member's bit.</summary>
    public ImmutableArray<string> Values => Checked.Declaration.Values;

    /// <summary>
    /// The index of <paramref name="value"/> among <see cref="Values"/> (for <see cref="ResidentRow.SetIndex"/>, or
    /// <c>1UL &lt;&lt; index</c> for <see cref="ResidentRow.SetMask"/>), or -1 when it is not one of them.
    /// </summary>
    public int IndexOf(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Checked.IndexOf(value);
    }

    internal RowSlot Checked => Info ?? throw new InvalidOperationException("default(FactHandle) is no fact; get handles from ResidentRowLayout.Fact");

    /// <inheritdoc/>
    public bool Equals(FactHandle other) => ReferenceEquals(Info, other.Info);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is FactHandle other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Info?.GetHashCode() ?? 0;

    /// <summary>Equal when both name the same fact of the same layout.</summary>
    public static bool operator ==(FactHandle left, FactHandle right) => left.Equals(right);

    /// <summary>Not equal when they name different facts or layouts.</summary>
    public static bool operator !=(FactHandle left, FactHandle right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() => Info?.Declaration.Name ?? "(no fact)";
}
