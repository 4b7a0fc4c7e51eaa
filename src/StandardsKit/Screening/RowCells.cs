using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace StandardsKit.Screening;

/// <summary>The cells of a row kept inline: one 64-bit cell per non-bool fact (two for a decimal), 32 of them.</summary>
[InlineArray(Capacity)]
internal struct RowCells
{
    /// <summary>Inline cells; a vocabulary that needs more spills the rest into one array per row.</summary>
    public const int Capacity = 32;

    private long _first;
}

/// <summary>One flag byte per fact slot (128, the most a vocabulary declares): bit 7 given, bit 6 a bool's value.</summary>
[InlineArray(Capacity)]
internal struct RowFlags
{
    public const int Capacity = 128;

    private byte _first;

    /// <summary>
    /// The first <paramref name="slots"/> flags as masks, 32 bytes per vector instruction: bit 7 of each byte
    /// (given) and bit 6 (a bool's value).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Gather(in RowFlags flags, int slots, out UInt128 given, out UInt128 values)
    {
        ref var start = ref Unsafe.As<RowFlags, byte>(ref Unsafe.AsRef(in flags));
        ulong given0 = 0, given1 = 0, values0 = 0, values1 = 0;
        for (var at = 0; at < slots; at += 32)
        {
            var bytes = Vector256.LoadUnsafe(ref start, (nuint)at);
            var g = (ulong)bytes.ExtractMostSignificantBits();

            // A 16-bit shift moves each byte's bit 6 to its bit 7; bits crossing into the next byte land in bit 0.
            var v = (ulong)Vector256.ShiftLeft(bytes.AsUInt16(), 1).AsByte().ExtractMostSignificantBits();
            if (at < 64)
            {
                given0 |= g << at;
                values0 |= v << at;
            }
            else
            {
                given1 |= g << (at - 64);
                values1 |= v << (at - 64);
            }
        }

        given = new UInt128(given1, given0);
        values = new UInt128(values1, values0);
    }
}
