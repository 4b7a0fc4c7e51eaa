using System.Numerics;

namespace StandardsKit.Screening;

/// <summary>
/// A set of facts as one bit per slot of the fact vocabulary (at most 128 facts): what a screened decision or
/// quantity needs to be decided. Resolve it to names with <see cref="ResidentRowLayout.NamesOf"/> only when
/// they are needed.
/// </summary>
/// <remarks>An immutable 16-byte value; comparing and combining masks never allocates.</remarks>
public readonly struct FactMask : IEquatable<FactMask>
{
    internal FactMask(ulong low, ulong high)
    {
        Low = low;
        High = high;
    }

    /// <summary>No fact.</summary>
    public static FactMask Empty => default;

    internal ulong Low { get; }

    internal ulong High { get; }

    /// <summary>True when the mask names no fact.</summary>
    public bool IsEmpty => (Low | High) == 0;

    /// <summary>How many facts the mask names.</summary>
    public int Count => BitOperations.PopCount(Low) + BitOperations.PopCount(High);

    /// <summary>True when the mask names <paramref name="fact"/>.</summary>
    public bool Contains(FactHandle fact) =>
        fact.Slot < 64 ? (Low & (1UL << fact.Slot)) != 0 : (High & (1UL << (fact.Slot - 64))) != 0;

    /// <summary>The facts of either mask.</summary>
    public static FactMask operator |(FactMask left, FactMask right) => new(left.Low | right.Low, left.High | right.High);

    /// <summary>The facts of both masks.</summary>
    public static FactMask operator &(FactMask left, FactMask right) => new(left.Low & right.Low, left.High & right.High);

    /// <summary>The facts of either mask (the named form of <c>|</c>).</summary>
    public static FactMask BitwiseOr(FactMask left, FactMask right) => left | right;

    /// <summary>The facts of both masks (the named form of <c>&amp;</c>).</summary>
    public static FactMask BitwiseAnd(FactMask left, FactMask right) => left & right;

    /// <summary>Equal when both name the same facts.</summary>
    public static bool operator ==(FactMask left, FactMask right) => left.Equals(right);

    /// <summary>Not equal when they name different facts.</summary>
    public static bool operator !=(FactMask left, FactMask right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(FactMask other) => Low == other.Low && High == other.High;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is FactMask other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Low, High);

    internal static FactMask Of(UInt128 mask) => new((ulong)mask, (ulong)(mask >> 64));

    internal UInt128 ToUInt128() => new(High, Low);
}
