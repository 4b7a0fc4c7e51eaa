using System.Runtime.InteropServices;

namespace StandardsKit.Screening;

/// <summary>
/// One quantity of one decision for one resident, as <see cref="Engine.PreparedEvaluation.Screen"/> writes it
/// (which quantity: <see cref="Engine.PreparedEvaluation.Quantities"/>): its amount, or what it depends on.
/// No reference to the heap; possible values are resolved only when asked
/// (<see cref="Engine.PreparedEvaluation.PossibleValues"/>).
/// </summary>
/// <remarks>
/// Read-only for callers; screening overwrites it in place. It carries the same answer as the
/// <see cref="Engine.ResolvedQuantity"/> of evaluation: a quantity in state <see cref="QuantityState.NoAmount"/>
/// or <see cref="QuantityState.NotApplicable"/> is one evaluation leaves out of the level.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct ScreenQuantity : IEquatable<ScreenQuantity>
{
    internal const byte MayBeAbsentFlag = 4;

    internal decimal Amount;
    internal ulong Missing0;
    internal ulong Missing1;

    /// <summary>For an undetermined quantity: one bit per tier that may apply (those undetermined, and the one that holds).</summary>
    internal ulong Tiers;

    /// <summary>Bits 0–1: <see cref="QuantityState"/>; bit 2: <see cref="MayBeAbsent"/>.</summary>
    internal byte Code;

    /// <summary>The first tier whose condition holds (or that has none), -1 when none does.</summary>
    internal sbyte StopTier;

    /// <summary>What the quantity holds.</summary>
    public readonly QuantityState State => (QuantityState)(Code & 3);

    /// <summary>The amount when <see cref="State"/> is <see cref="QuantityState.Determined"/>; otherwise null.</summary>
    public readonly decimal? Value => State == QuantityState.Determined ? Amount : null;

    /// <summary>The facts the amount depends on, when it is undetermined; otherwise empty.</summary>
    public readonly FactMask MissingFacts => State == QuantityState.Undetermined ? new FactMask(Missing0, Missing1) : default;

    /// <summary>True when, depending on the missing facts, no tier may apply and the resident may get no amount at all.</summary>
    public readonly bool MayBeAbsent => State == QuantityState.Undetermined && (Code & MayBeAbsentFlag) != 0;

    /// <summary>
    /// The index of the first tier (in the quantity's tier order) whose condition holds for this resident, or -1
    /// when none does for certain (or the decision is not eligible).
    /// </summary>
    public readonly int Tier => State == QuantityState.NotApplicable ? -1 : StopTier;

    internal readonly ulong PossibleTiers => State == QuantityState.Undetermined ? Tiers : 0;

    /// <inheritdoc/>
    public readonly bool Equals(ScreenQuantity other) =>
        State == other.State && Value == other.Value && MissingFacts == other.MissingFacts && MayBeAbsent == other.MayBeAbsent
        && Tier == other.Tier && PossibleTiers == other.PossibleTiers;

    /// <inheritdoc/>
    public override readonly bool Equals(object? obj) => obj is ScreenQuantity other && Equals(other);

    /// <inheritdoc/>
    public override readonly int GetHashCode() => HashCode.Combine(State, Value, MissingFacts, Tier, PossibleTiers);

    /// <summary>Equal when both hold the same outcome.</summary>
    public static bool operator ==(ScreenQuantity left, ScreenQuantity right) => left.Equals(right);

    /// <summary>Not equal when the outcomes differ.</summary>
    public static bool operator !=(ScreenQuantity left, ScreenQuantity right) => !left.Equals(right);
}
