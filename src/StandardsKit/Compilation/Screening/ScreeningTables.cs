using System.Runtime.InteropServices;
using StandardsKit.Screening;

namespace StandardsKit.Compilation.Screening;

/// <summary>
/// What a compiled program reads about the county and date it screens for: the county code for facts that
/// default to it, the evaluation date, and each tier's value on that date. One per prepared evaluation; the
/// program itself is shared by every county and date with the same items.
/// </summary>
/// <remarks>Immutable after construction; read concurrently by every thread screening with it.</remarks>
internal sealed class ScreeningTables
{
    public ScreeningTables(ResidentRowLayout layout, int county, DateOnly on, decimal[] tierValues, bool[] tierHasValue, int[] firstTier, int[] tierCount)
    {
        Layout = layout;
        County = county;
        On = on;
        OnDay = on.DayNumber;
        TierValues = tierValues;
        TierHasValue = tierHasValue;

        // Pinned copies the compiled programs read without bounds checks: each tier's amount, and the state a
        // quantity takes when that tier holds (determined, or no amount when the tier has no value yet).
        _pinnedValues = GC.AllocateArray<decimal>(Math.Max(1, tierValues.Length), pinned: true);
        _pinnedStates = GC.AllocateArray<byte>(Math.Max(1, tierValues.Length), pinned: true);
        for (var i = 0; i < tierValues.Length; i++)
        {
            _pinnedValues[i] = tierValues[i];
            _pinnedStates[i] = (byte)(tierHasValue[i] ? QuantityState.Determined : QuantityState.NoAmount);
        }

        TierValueAddress = Marshal.UnsafeAddrOfPinnedArrayElement(_pinnedValues, 0);
        TierStateAddress = Marshal.UnsafeAddrOfPinnedArrayElement(_pinnedStates, 0);
        FirstTier = firstTier;
        TierCount = tierCount;
    }

    private readonly decimal[] _pinnedValues;
    private readonly byte[] _pinnedStates;

    public ResidentRowLayout Layout { get; }

    public DateOnly On { get; }

    /// <summary>Fields, not properties: the compiled programs load them directly.</summary>
#pragma warning disable CA1051, SA1401
    public readonly int County;
    public readonly int OnDay;
    public readonly decimal[] TierValues;
    public readonly bool[] TierHasValue;
    public readonly nint TierValueAddress;
    public readonly nint TierStateAddress;
#pragma warning restore CA1051, SA1401

    /// <summary>For each quantity slot, the index of its first tier in <see cref="TierValues"/>.</summary>
    public int[] FirstTier { get; }

    public int[] TierCount { get; }
}
