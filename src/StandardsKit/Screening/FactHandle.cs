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
        LayoutId = info.LayoutId;
        Slot = info.Slot;
        Cell = info.Cell;
        FactKind = info.Declaration.Kind;
    }

    internal RowSlot? Info { get; }

    internal int LayoutId { get; }

    internal int Slot { get; }

    internal int Cell { get; }

    internal FactKind FactKind { get; }

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
