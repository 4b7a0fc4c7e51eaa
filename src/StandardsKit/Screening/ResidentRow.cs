using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using StandardsKit.Engine;
using StandardsKit.Expressions;
using StandardsKit.Model;

namespace StandardsKit.Screening;

/// <summary>
/// One resident's facts as typed cells, ready for <see cref="PreparedEvaluation.Screen"/>: bools as flags, enums
/// as value indexes, sets as bit masks, dates as day numbers, division codes as integers. Setting a fact checks
/// its value as evaluation does (type, declared range, supported dates) and allocates nothing.
/// </summary>
/// <remarks>
/// <para>
/// A mutable value type meant to live in an array or span that is filled, screened and refilled: get handles
/// once from <see cref="ResidentRowLayout.Fact"/>, call <see cref="Clear"/> before reusing a row for another
/// resident, then set what is known. A fact not set is missing (or, for facts declared <c>absent: none</c>, has
/// its "none" value), exactly as for a <see cref="Resident"/>. <c>default(ResidentRow)</c> is a resident about
/// whom nothing is known; the first fact set binds the row to that fact's vocabulary, and a handle of another
/// vocabulary is refused.
/// </para>
/// <para>
/// Not thread-safe while being written; screening only reads rows, so many threads may screen the same rows.
/// A vocabulary whose non-bool facts need more than 32 cells keeps the rest in one array per row, and a free-text
/// fact in another; both are allocated on first use and reused after <see cref="Clear"/>.
/// </para>
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct ResidentRow
{
    /// <summary>Bit 7 of a slot's flag: the fact was given.</summary>
    internal const byte GivenFlag = 0x80;

    /// <summary>Bit 6 of a bool fact's flag: its value.</summary>
    internal const byte TrueFlag = 0x40;

    /// <summary>
    /// One byte per fact slot. Setting a fact is a plain store, with no read-modify-write chain through a shared
    /// mask word; screening gathers the bytes' top bits into masks once per row.
    /// </summary>
    internal RowFlags Flags;
    internal RowCells Cells;
    internal long[]? Spill;
    internal string?[]? Texts;

    /// <summary>The layout's id in bits 32–63, as in <see cref="FactHandle.Key"/>, so a setter compares without shifting.</summary>
    internal long LayoutKey;

    internal readonly int LayoutId => (int)(LayoutKey >>> 32);

    /// <summary>Forgets every fact, keeping the row's vocabulary and buffers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Clear()
    {
        Flags = default;
    }

    /// <summary>True when the fact was set on this row.</summary>
    public readonly bool Has(FactHandle fact)
    {
        _ = fact.Checked;
        return fact.LayoutId == LayoutId && IsGiven(fact.Slot);
    }

    /// <summary>Forgets one fact: it becomes missing (or "none" for facts declared <c>absent: none</c>).</summary>
    public void Remove(FactHandle fact)
    {
        Bind(fact);
        FlagRef(fact.Slot) = 0;
    }

    /// <summary>Sets a bool fact.</summary>
    /// <exception cref="ResidentException">The fact is not a bool.</exception>
    /// <exception cref="ArgumentException">The handle belongs to another vocabulary than the row's.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(FactHandle fact, bool value)
    {
        if ((fact.Key & FactHandle.LayoutAndKind) != (LayoutKey | FactHandle.KindKey(FactKind.Bool)))
        {
            SetSlow(fact, value);
            return;
        }

        FlagRef((int)fact.Key & 0xFF) = value ? (byte)(GivenFlag | TrueFlag) : GivenFlag;
    }

    /// <summary>Sets a whole-number or decimal fact.</summary>
    /// <exception cref="ResidentException">The fact is not a number, or the value is outside its declared or supported range.</exception>
    /// <exception cref="ArgumentException">The handle belongs to another vocabulary than the row's.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(FactHandle fact, long value)
    {
        var info = fact.Info;
        if ((fact.Key & FactHandle.LayoutAndKind) != (LayoutKey | FactHandle.KindKey(FactKind.Int)) || value < info!.LongMin || value > info.LongMax)
        {
            SetSlow(fact, value);
            return;
        }

        InlineCellRef(fact.InlineCell) = value;
        MarkGiven(fact.Key);
    }

    /// <summary>Sets a number fact; a whole-number fact takes only whole values.</summary>
    /// <exception cref="ResidentException">The fact is not a number, the value is not whole for an int fact, or it is outside its declared or supported range.</exception>
    /// <exception cref="ArgumentException">The handle belongs to another vocabulary than the row's.</exception>
    public void Set(FactHandle fact, decimal value)
    {
        Bind(fact);
        Store(fact.Info!, fact.Info!.Check(value));
    }

    /// <summary>Sets a date fact.</summary>
    /// <exception cref="ResidentException">The fact is not a date, or the date is outside 1800-01-01..2399-12-31.</exception>
    /// <exception cref="ArgumentException">The handle belongs to another vocabulary than the row's.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(FactHandle fact, DateOnly value)
    {
        var day = value.DayNumber;
        if ((fact.Key & FactHandle.LayoutAndKind) != (LayoutKey | FactHandle.KindKey(FactKind.Date)) || day < RowSlot.FirstDay || day > RowSlot.LastDay)
        {
            SetSlow(fact, value);
            return;
        }

        InlineCellRef(fact.InlineCell) = day;
        MarkGiven(fact.Key);
    }

    /// <summary>
    /// Sets a fact from its text: an enum value by name, a 6-digit division code, an ISO date (YYYY-MM-DD), or a
    /// free-text fact.
    /// </summary>
    /// <exception cref="ResidentException">The text is not a value of the fact (with a "did you mean" where one is close).</exception>
    /// <exception cref="ArgumentException">The handle belongs to another vocabulary than the row's.</exception>
    public void Set(FactHandle fact, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Bind(fact);
        Store(fact.Info!, fact.Info!.Check(value));
    }

    /// <summary>Sets an enum fact by the index of its value in <see cref="FactHandle.Values"/>.</summary>
    /// <exception cref="ResidentException">The fact is not an enum, or the index is not one of its values.</exception>
    /// <exception cref="ArgumentException">The handle belongs to another vocabulary than the row's.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetIndex(FactHandle fact, int valueIndex)
    {
        var info = fact.Info;
        if ((fact.Key & FactHandle.LayoutAndKind) != (LayoutKey | FactHandle.KindKey(FactKind.Enum)) || (uint)valueIndex >= (uint)info!.ValueCount)
        {
            SetIndexSlow(fact, valueIndex);
            return;
        }

        InlineCellRef(fact.InlineCell) = valueIndex;
        MarkGiven(fact.Key);
    }

    /// <summary>
    /// Sets a set fact from a bit mask: bit i stands for <c>Values[i]</c> (at most 64 values; for larger sets use
    /// <see cref="SetMembers"/>). Zero is the empty set.
    /// </summary>
    /// <exception cref="ResidentException">The fact is not a set, or a bit stands for no value.</exception>
    /// <exception cref="ArgumentException">The handle belongs to another vocabulary than the row's.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetMask(FactHandle fact, ulong members)
    {
        var info = fact.Info;
        if ((fact.Key & FactHandle.LayoutAndKind) != (LayoutKey | FactHandle.KindKey(FactKind.Set)) || (members & ~info!.ValidMask) != 0 || info.Width != 1)
        {
            SetMaskSlow(fact, members);
            return;
        }

        InlineCellRef(fact.InlineCell) = (long)members;
        MarkGiven(fact.Key);
    }

    /// <summary>Sets a set fact from its members' names (any order, duplicates ignored).</summary>
    /// <exception cref="ResidentException">The fact is not a set, or a member is not one of its values.</exception>
    /// <exception cref="ArgumentException">The handle belongs to another vocabulary than the row's.</exception>
    public void SetMembers(FactHandle fact, IEnumerable<string> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        Bind(fact);
        var info = fact.Info!;
        if (fact.FactKind != FactKind.Set)
        {
            throw info.Wrong(members);
        }

        for (var w = 0; w < info.Width; w++)
        {
            CellRef(info.Cell + w, info) = 0;
        }

        foreach (var member in members)
        {
            var index = member is null ? -1 : info.IndexOf(member);
            if (index < 0)
            {
                throw info.NotAMember(member ?? "null");
            }

            CellRef(info.Cell + (index >> 6), info) |= (long)(1UL << (index & 63));
        }

        MarkGiven(info.Slot);
    }

    /// <summary>Sets a division-code fact from its numeric form (310104 for "310104").</summary>
    /// <exception cref="ResidentException">The fact is not a division code, or the number is not a 6-digit code.</exception>
    /// <exception cref="ArgumentException">The handle belongs to another vocabulary than the row's.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetDivision(FactHandle fact, int code)
    {
        if ((fact.Key & FactHandle.LayoutAndKind) != (LayoutKey | FactHandle.KindKey(FactKind.Division)) || (uint)code > 999_999)
        {
            SetDivisionSlow(fact, code);
            return;
        }

        InlineCellRef(fact.InlineCell) = code;
        MarkGiven(fact.Key);
    }

    internal readonly bool IsGiven(int slot) => (Flags[slot] & GivenFlag) != 0;

    internal readonly bool BoolAt(int slot) => (Flags[slot] & TrueFlag) != 0;

    internal readonly long CellAt(int cell) => cell < RowCells.Capacity ? Cells[cell] : Spill![cell - RowCells.Capacity];

    internal readonly decimal DecimalAt(int cell)
    {
        Span<long> pair = [CellAt(cell), CellAt(cell + 1)];
        return MemoryMarshal.Read<decimal>(MemoryMarshal.AsBytes(pair));
    }

    /// <summary>
    /// Stores a <see cref="Resident"/>'s raw value when it is plainly valid (a bool, a whole number in range, an
    /// ISO date, a known enum value, a 6-digit code, known set members), without converting it to a
    /// <see cref="Value"/> first; false, storing nothing, for anything else, which <see cref="RowSlot.Check"/> then
    /// converts or refuses with evaluation's message. Accepts only what the check accepts, with the same result.
    /// </summary>
    internal bool TryStoreRaw(RowSlot info, object raw)
    {
        switch (info.Declaration.Kind)
        {
            case FactKind.Bool when raw is bool b:
                FlagRef(info.Slot) = b ? (byte)(GivenFlag | TrueFlag) : GivenFlag;
                return true;
            case FactKind.Int when raw is decimal n:
                if (n < info.LongMin || n > info.LongMax || !decimal.IsInteger(n))
                {
                    return false;
                }

                CellRef(info.Cell, info) = (long)n;
                break;
            case FactKind.Date when raw is DateOnly date:
                if (date.DayNumber is < RowSlot.FirstDay or > RowSlot.LastDay)
                {
                    return false;
                }

                CellRef(info.Cell, info) = date.DayNumber;
                break;
            case FactKind.Date when raw is string text:
                if (RowSlot.IsoDay(text) is not (>= RowSlot.FirstDay and <= RowSlot.LastDay and var day))
                {
                    return false;
                }

                CellRef(info.Cell, info) = day;
                break;
            case FactKind.Enum when raw is string value:
                var index = info.IndexOf(value);
                if (index < 0)
                {
                    return false;
                }

                CellRef(info.Cell, info) = index;
                break;
            case FactKind.Division when raw is string code:
                if (RowSlot.SixDigits(code) is not (>= 0 and var number))
                {
                    return false;
                }

                CellRef(info.Cell, info) = number;
                break;
            case FactKind.Set when raw is ImmutableArray<string> members && info.Width == 1:
                ulong mask = 0;
                foreach (var member in members)
                {
                    var bit = member is null ? -1 : info.IndexOf(member);
                    if (bit < 0)
                    {
                        return false;
                    }

                    mask |= 1UL << bit;
                }

                CellRef(info.Cell, info) = (long)mask;
                break;
            default:
                return false;
        }

        MarkGiven(info.Slot);
        return true;
    }

    /// <summary>Stores a checked value (the shared form the interpreter uses) into the fact's cells.</summary>
    internal void Store(RowSlot info, Value value)
    {
        switch (info.Declaration.Kind)
        {
            case FactKind.Bool:
                FlagRef(info.Slot) = value.Bool ? (byte)(GivenFlag | TrueFlag) : GivenFlag;
                return;
            case FactKind.Int:
                CellRef(info.Cell, info) = (long)value.Number;
                break;
            case FactKind.Decimal:
                Span<long> pair = stackalloc long[2];
                MemoryMarshal.Write(MemoryMarshal.AsBytes(pair), value.Number);
                CellRef(info.Cell, info) = pair[0];
                CellRef(info.Cell + 1, info) = pair[1];
                break;
            case FactKind.Date:
                CellRef(info.Cell, info) = value.Date.DayNumber;
                break;
            case FactKind.Enum:
                CellRef(info.Cell, info) = info.IndexOf(value.Text!);
                break;
            case FactKind.Division:
                CellRef(info.Cell, info) = RowSlot.CodeOf(value.Text!);
                break;
            case FactKind.Set:
                for (var w = 0; w < info.Width; w++)
                {
                    CellRef(info.Cell + w, info) = 0;
                }

                foreach (var member in value.Set!)
                {
                    var index = info.IndexOf(member);
                    CellRef(info.Cell + (index >> 6), info) |= (long)(1UL << (index & 63));
                }

                break;
            default:
                (Texts ??= new string?[info.Layout.TextCount])[info.Cell] = value.Text;
                break;
        }

        MarkGiven(info.Slot);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void MarkGiven(long key) => FlagRef((int)key & 0xFF) = GivenFlag;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    [UnscopedRef]
    private ref byte FlagRef(int slot) => ref Unsafe.Add(ref Unsafe.As<RowFlags, byte>(ref Flags), slot);

    // The slow paths: bind a fresh row to the handle's vocabulary (or refuse another), then check the value the way
    // evaluation does, so a wrong value gets evaluation's message, and store it.
    // A whole number or a date for a fact in the spill array is stored here without boxing; anything else (another
    // kind, a value out of range) goes through the shared check for evaluation's message or conversion.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void SetSlow(FactHandle fact, long value)
    {
        Bind(fact);
        var info = fact.Info!;
        if (info.Declaration.Kind == FactKind.Int && value >= info.LongMin && value <= info.LongMax)
        {
            CellRef(info.Cell, info) = value;
            MarkGiven(info.Slot);
            return;
        }

        Store(info, info.Check((decimal)value));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void SetSlow(FactHandle fact, DateOnly value)
    {
        Bind(fact);
        var info = fact.Info!;
        if (info.Declaration.Kind == FactKind.Date && value.DayNumber is >= RowSlot.FirstDay and <= RowSlot.LastDay)
        {
            CellRef(info.Cell, info) = value.DayNumber;
            MarkGiven(info.Slot);
            return;
        }

        Store(info, info.Check(value));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void SetSlow(FactHandle fact, bool value)
    {
        Bind(fact);
        Store(fact.Info!, fact.Info!.Check(value));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void SetIndexSlow(FactHandle fact, int valueIndex)
    {
        Bind(fact);
        var info = fact.Info!;
        if (info.Declaration.Kind != FactKind.Enum || (uint)valueIndex >= (uint)info.ValueCount)
        {
            throw info.BadIndex(valueIndex);
        }

        CellRef(info.Cell, info) = valueIndex;
        MarkGiven(info.Slot);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void SetMaskSlow(FactHandle fact, ulong members)
    {
        Bind(fact);
        var info = fact.Info!;
        if (info.Declaration.Kind != FactKind.Set || info.Width != 1 || (members & ~info.ValidMask) != 0)
        {
            throw info.BadMask(members);
        }

        CellRef(info.Cell, info) = (long)members;
        MarkGiven(info.Slot);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void SetDivisionSlow(FactHandle fact, int code)
    {
        Bind(fact);
        var info = fact.Info!;
        if (info.Declaration.Kind != FactKind.Division || (uint)code > 999_999)
        {
            throw info.BadCode(code);
        }

        CellRef(info.Cell, info) = code;
        MarkGiven(info.Slot);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    [UnscopedRef]
    private ref long InlineCellRef(int cell) => ref Unsafe.Add(ref Unsafe.As<RowCells, long>(ref Cells), cell);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    [UnscopedRef]
    private ref long CellRef(int cell, RowSlot info)
    {
        if (cell < RowCells.Capacity)
        {
            return ref Unsafe.Add(ref Unsafe.As<RowCells, long>(ref Cells), cell);
        }

        return ref SpillRef(cell, info);
    }

    private ref long SpillRef(int cell, RowSlot info)
    {
        var spill = Spill ??= new long[info.Layout.SpillCells];
        return ref spill[cell - RowCells.Capacity];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Bind(FactHandle fact)
    {
        if (fact.LayoutId != LayoutId || fact.Info is null)
        {
            BindSlow(fact);
        }
    }

    private void BindSlow(FactHandle fact)
    {
        var info = fact.Checked;
        if (LayoutId != 0 && !IsEmpty)
        {
            throw new ArgumentException($"fact '{info.Declaration.Name}' belongs to another fact vocabulary than this row's; Clear() the row before filling it from another vocabulary", nameof(fact));
        }

        // A row with nothing known may be taken over by another vocabulary; its old buffers do not fit it.
        LayoutKey = (long)info.LayoutId << 32;
        Spill = null;
        Texts = null;
    }

    internal void Adopt(ResidentRowLayout layout)
    {
        if (LayoutId != layout.Id)
        {
            LayoutKey = (long)layout.Id << 32;
            Spill = null;
            Texts = null;
        }

        Clear();
    }

    /// <summary>The given facts and the true bools, one bit per slot (<paramref name="slots"/> of them).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal readonly void Masks(int slots, out UInt128 given, out UInt128 values) => RowFlags.Gather(Flags, slots, out given, out values);

    internal readonly bool IsEmpty
    {
        get
        {
            RowFlags.Gather(Flags, RowFlags.Capacity, out var given, out _);
            return given == 0;
        }
    }
}
