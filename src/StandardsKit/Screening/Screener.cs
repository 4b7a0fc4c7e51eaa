using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using StandardsKit.Compilation.Screening;
using StandardsKit.Engine;
using StandardsKit.Expressions;
using StandardsKit.Model;

namespace StandardsKit.Screening;

/// <summary>
/// A compiled program bound to one county and date: computes each row's state (what is known, the age) and
/// runs the program's slices over it. Built once per prepared evaluation, on first use.
/// </summary>
/// <remarks>Immutable and thread-safe: rows, state and results live in the caller's buffers and stack.</remarks>
internal sealed class Screener
{
    private readonly ResidentRowLayout _rows;
    private readonly RowProgram[] _slices;
    private readonly Lazy<PartsProgram[]> _parts;
    private readonly RowInterpreter? _interpreter;
    private readonly DateOnly _on;
    private readonly int[] _latestBirth;
    private readonly int _onDay;
    private readonly RowSlot? _birth;
    private readonly bool _birthIsDate;
    private readonly bool _birthAlwaysKnown;
    private readonly int[] _ages;
    private readonly int _slots;
    private readonly UInt128 _ageBits;

    public Screener(ScreeningProgram program, ScreeningTables tables, FrameLayout frames, string county)
    {
        _interpreter = program.IsCompiled ? null : new RowInterpreter(program, tables, frames, county);
        Program = program;
        Tables = tables;
        _rows = tables.Layout;
        _slices = program.Bind(tables);
        _parts = new Lazy<PartsProgram[]>(() => program.BindParts(tables));
        _on = tables.On;
        _latestBirth = LatestBirths(_on);
        _onDay = tables.OnDay;
        _birth = _rows.Birth;
        _birthIsDate = _birth?.Declaration.Kind == FactKind.Date;
        _birthAlwaysKnown = _birth is not null && (_rows.AlwaysKnown & (UInt128.One << _birth.Slot)) != 0;
        _ages = _rows.AgeSlots;
        _slots = _rows.Slots.Length;
        foreach (var age in _ages)
        {
            _ageBits |= UInt128.One << age;
        }
    }

    public ScreeningProgram Program { get; }

    public ScreeningTables Tables { get; }

    /// <summary>Screens rows into buffers sized rows × items and rows × quantities (checked by the caller).</summary>
    /// <remarks>
    /// Not inlined into the caller: the caller's own loop (filling rows) keeps its registers, and the row loop here
    /// is compiled once with the per-row preparation inlined into it.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Run(ReadOnlySpan<ResidentRow> rows, Span<ScreenDecision> decisions, Span<ScreenQuantity> quantities, int items, int quantitySlots)
    {
        if (_interpreter is not null)
        {
            Interpret(rows, decisions, quantities, items, quantitySlots);
            return;
        }

        ref var d = ref MemoryMarshal.GetReference(decisions);
        ref var q = ref MemoryMarshal.GetReference(quantities);
        var state = default(RowState);
        var slices = _slices;
        for (var i = 0; i < rows.Length; i++)
        {
            ref var row = ref Unsafe.AsRef(in rows[i]);
            Prepare(in row, ref state, i);
            ref var rowDecisions = ref Unsafe.Add(ref d, i * items);
            ref var rowQuantities = ref Unsafe.Add(ref q, i * quantitySlots);
            foreach (var slice in slices)
            {
                slice(ref row, ref state, ref rowDecisions, ref rowQuantities);
            }
        }
    }

    /// <summary>Where the runtime compiles no code (NativeAOT): the same rows through the interpreter.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Interpret(ReadOnlySpan<ResidentRow> rows, Span<ScreenDecision> decisions, Span<ScreenQuantity> quantities, int items, int quantitySlots)
    {
        var state = default(RowState);
        for (var i = 0; i < rows.Length; i++)
        {
            Prepare(in rows[i], ref state, i);
            _interpreter!.Run(in rows[i], decisions.Slice(i * items, items), quantities.Slice(i * quantitySlots, quantitySlots));
        }
    }

    /// <summary>Writes the state of each explanation part for one prepared row.</summary>
    public void RunParts(ref ResidentRow row, ref RowState state, Span<byte> parts)
    {
        if (_interpreter is not null)
        {
            _interpreter.RunParts(in row, parts);
            return;
        }

        ref var p = ref MemoryMarshal.GetReference(parts);
        foreach (var slice in _parts.Value)
        {
            slice(ref row, ref state, ref p);
        }
    }

    /// <summary>The row's known and given facts and its age, as evaluation derives them.</summary>
    /// <param name="row">The row.</param>
    /// <param name="state">Where the state goes.</param>
    /// <param name="index">The row's index in its batch, for messages; -1 for a single resident.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Prepare(in ResidentRow row, ref RowState state, int index)
    {
        if (row.LayoutId != _rows.Id && !row.IsEmpty)
        {
            throw new ArgumentException($"resident {index} was filled with another fact vocabulary than this catalog's", nameof(row));
        }

        row.Masks(_slots, out var given, out var bools);
        var known = given | _rows.AlwaysKnown;
        state.BirthGiven = 0;
        state.ReplaceAge = 0;
        state.Age = 0;
        if (_ages.Length > 0)
        {
            if (_birthIsDate && row.IsGiven(_birth!.Slot))
            {
                var birth = (int)row.CellAt(_birth.Cell);
                if (birth > _onDay)
                {
                    throw BornAfter(birth, index);
                }

                state.Age = Age(birth);
                state.BirthGiven = 1;
                known |= _ageBits;
                given |= _ageBits;
            }
            else
            {
                var first = _rows.Slots[_ages[0]];
                if (row.IsGiven(first.Slot))
                {
                    state.Age = row.CellAt(first.Cell);
                }

                // Without a birth date, a missing age is reported as the birth date when that is missing too.
                state.ReplaceAge = _birth is null || (!row.IsGiven(_birth.Slot) && !_birthAlwaysKnown) ? 1 : 0;
            }
        }

        state.Known0 = (ulong)known;
        state.Known1 = (ulong)(known >> 64);
        state.Bools0 = (ulong)bools;
        state.Bools1 = (ulong)(bools >> 64);
        state.Given0 = (ulong)given;
        state.Given1 = (ulong)(given >> 64);
    }

    /// <summary>
    /// Completed years by table: <c>_latestBirth[k]</c> is the last birth day with k completed years on the
    /// evaluation date (so the 29 February rule is the table's, built with <see cref="CompletedYears"/>).
    /// </summary>
    /// <remarks>
    /// The estimate from the number of days (÷ 365.2425) is at most one year off either way, because k calendar years
    /// span 365.2425 k days give or take two; so one step down and one step up settle it, done without branches:
    /// random birthdays made the loops' exits mispredict. <c>CompletedYearsTableTests</c> checks every birth day
    /// from 1800 on for evaluation dates across the supported range.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Age(int birth)
    {
        var latest = _latestBirth;
        var k = (int)((_onDay - birth) * 10_000L / 3_652_425);
        k -= birth > latest[k] ? 1 : 0;
        k += k + 1 < latest.Length && birth <= latest[k + 1] ? 1 : 0;
        return k;
    }

    /// <summary>For each k, the last day a person may be born on to have completed k years on <paramref name="on"/>.</summary>
    private static int[] LatestBirths(DateOnly on)
    {
        var table = new int[on.Year - ExpressionLimits.FirstDate.Year + 2];
        for (var k = 0; k < table.Length; k++)
        {
            var day = on.AddYears(-k);
            while (CompletedYears.Between(day, on) < k)
            {
                day = day.AddDays(-1);
            }

            while (CompletedYears.Between(day.AddDays(1), on) >= k)
            {
                day = day.AddDays(1);
            }

            table[k] = day.DayNumber;
        }

        return table;
    }

    private ResidentException BornAfter(int birth, int index)
    {
        var message = $"birthDate {ResidentRowLayout.DayText(birth)} is after the evaluation date {ExpressionLimits.Iso(_on)}";
        return new ResidentException(index < 0 ? message : $"resident {index}: {message}") { Fact = "birthDate" };
    }
}
