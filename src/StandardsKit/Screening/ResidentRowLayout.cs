using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using StandardsKit.Diagnostics;
using StandardsKit.Engine;
using StandardsKit.Expressions;
using StandardsKit.Model;

namespace StandardsKit.Screening;

/// <summary>
/// How a fact vocabulary lays out a <see cref="ResidentRow"/>: the handle of each fact, conversions between rows
/// and <see cref="Resident"/>, and the names behind a <see cref="FactMask"/>. Get it from
/// <see cref="Catalog.Rows"/> or <see cref="PreparedEvaluation.Rows"/>.
/// </summary>
/// <remarks>
/// One layout per vocabulary, built on first use and shared; immutable and thread-safe. Look handles up once
/// and keep them: setting a fact through a handle costs no lookup.
/// </remarks>
public sealed class ResidentRowLayout
{
    private static readonly ConditionalWeakTable<FactVocabulary, ResidentRowLayout> Layouts = new();
    private static int _lastId;

    private readonly FrozenDictionary<string, RowSlot> _byName;
#if NET9_0_OR_GREATER
    private readonly FrozenDictionary<string, RowSlot>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
#endif
    private readonly int[] _slotsByName;

    private ResidentRowLayout(FactVocabulary facts)
    {
        Facts = facts;
        Id = Interlocked.Increment(ref _lastId);
        var declarations = facts.Facts;
        var slots = new RowSlot[declarations.Length];
        var inline = 0;
        var spill = RowCells.Capacity;
        var texts = 0;
        UInt128 alwaysKnown = 0;
        for (var i = 0; i < declarations.Length; i++)
        {
            var d = declarations[i];
            var width = d.Kind switch
            {
                FactKind.Bool => 0,
                FactKind.String => 0,
                FactKind.Decimal => 2,
                FactKind.Set => Math.Max(1, (d.Values.Length + 63) / 64),
                _ => 1,
            };
            int cell;
            if (d.Kind == FactKind.Bool)
            {
                cell = -1;
            }
            else if (d.Kind == FactKind.String)
            {
                cell = texts++;
            }
            else if (inline + width <= RowCells.Capacity)
            {
                cell = inline;
                inline += width;
            }
            else
            {
                cell = spill;
                spill += width;
            }

            slots[i] = new RowSlot(this, d, i, cell, width);

            // A fact that is never missing: its absence is "none", or the county being evaluated. Derived facts are
            // known only when their inputs are.
            if (d.Derived is null && (d.AbsentMeansNone || d.DefaultsToCounty))
            {
                alwaysKnown |= UInt128.One << i;
            }
        }

        Slots = slots;
        SpillCells = spill - RowCells.Capacity;
        TextCount = texts;
        AlwaysKnown = alwaysKnown;
        _byName = slots.GroupBy(s => s.Declaration.Name, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
#if NET9_0_OR_GREATER
        _bySpan = _byName.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
        _slotsByName = [.. declarations.Select((f, i) => (f.Name, i)).OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.i)];
        AgeSlots = [.. slots.Where(s => s.Declaration.Derived == "age-from-birthDate").Select(s => s.Slot)];
        Birth = facts.SlotOf("birthDate") is var b and >= 0 ? slots[b] : null;
    }

    /// <summary>The vocabulary this layout lays out.</summary>
    public FactVocabulary Facts { get; }

    internal int Id { get; }

    internal RowSlot[] Slots { get; }

    internal int SpillCells { get; }

    internal int TextCount { get; }

    /// <summary>Facts that are never missing: declared <c>absent: none</c>, or defaulting to the county.</summary>
    internal UInt128 AlwaysKnown { get; }

    /// <summary>Slots the engine derives from <c>birthDate</c>.</summary>
    internal int[] AgeSlots { get; }

    internal RowSlot? Birth { get; }

    internal static ResidentRowLayout For(FactVocabulary facts) => Layouts.GetValue(facts, f => new ResidentRowLayout(f));

    /// <summary>The handle of a fact.</summary>
    /// <exception cref="ArgumentException">No fact has that name (the message suggests the closest one).</exception>
    public FactHandle Fact(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (TryGetFact(name, out var handle))
        {
            return handle;
        }

        var hint = Suggestions.DidYouMean(name, Facts.Names);
        throw new ArgumentException($"unknown fact '{name}'" + (hint is null ? "; the facts are declared in standards/facts.yaml" : $" — {hint}"), nameof(name));
    }

    /// <summary>Looks a fact's handle up by name.</summary>
    public bool TryGetFact(string name, out FactHandle fact)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_byName.TryGetValue(name, out var slot))
        {
            fact = slot.Handle;
            return true;
        }

        fact = default;
        return false;
    }

#if NET9_0_OR_GREATER
    internal RowSlot? Find(ReadOnlySpan<char> name) => _bySpan.TryGetValue(name, out var slot) ? slot : null;
#else
    // net8.0 has no span lookup on frozen dictionaries; the string costs one allocation per read there only.
    internal RowSlot? Find(ReadOnlySpan<char> name) => _byName.TryGetValue(name.ToString(), out var slot) ? slot : null;
#endif

    /// <summary>
    /// Clears <paramref name="row"/> and fills it with a resident's facts, checking each as evaluation does.
    /// </summary>
    /// <remarks>
    /// A stated <c>age</c> is kept only when no <c>birthDate</c> is given, as in evaluation, where the birth date wins.
    /// </remarks>
    /// <exception cref="ResidentException">A fact is unknown, has a value of the wrong type, or is outside its supported range.</exception>
    public void Fill(Resident resident, ref ResidentRow row)
    {
        ArgumentNullException.ThrowIfNull(resident);
        row.Adopt(this);
        var derived = false;
        foreach (var (name, raw) in resident.Entries)
        {
            if (!_byName.TryGetValue(name, out var slot))
            {
                var hint = Suggestions.DidYouMean(name, Facts.Names);
                throw new ResidentException($"unknown fact '{name}'" + (hint is null ? "; the facts are declared in standards/facts.yaml" : $" — {hint}")) { Fact = name };
            }

            if (slot.Declaration.Derived is not null)
            {
                derived = true;
            }
            else if (!row.TryStoreRaw(slot, raw))
            {
                row.Store(slot, slot.Check(raw));
            }
        }

        if (!derived)
        {
            return;
        }

        // Derived facts last: evaluation reads a stated age only when the birth date does not give one.
        foreach (var (name, raw) in resident.Entries)
        {
            var slot = _byName[name];
            if (slot.Declaration.Derived is not null && !(Birth is { Declaration.Kind: FactKind.Date } birth && row.IsGiven(birth.Slot)))
            {
                row.Store(slot, slot.Check(raw));
            }
        }
    }

    /// <summary>The row's facts as a <see cref="Resident"/> (for explanations, or to hand one resident to <see cref="Catalog.Evaluate(Resident, string, DateOnly, EvaluationOptions)"/>).</summary>
    /// <exception cref="ArgumentException">The row belongs to another vocabulary.</exception>
    public Resident ToResident(in ResidentRow row)
    {
        if (row.LayoutId != Id && !row.IsEmpty)
        {
            throw new ArgumentException("the row belongs to another fact vocabulary", nameof(row));
        }

        var resident = Resident.Empty;
        foreach (var slot in Slots)
        {
            if (!row.IsGiven(slot.Slot))
            {
                continue;
            }

            var d = slot.Declaration;
            resident = d.Kind switch
            {
                FactKind.Bool => resident.With(d.Name, row.BoolAt(slot.Slot)),
                FactKind.Int => resident.With(d.Name, (decimal)row.CellAt(slot.Cell)),
                FactKind.Decimal => resident.With(d.Name, row.DecimalAt(slot.Cell)),
                FactKind.Date => resident.With(d.Name, DateOnly.FromDayNumber((int)row.CellAt(slot.Cell))),
                FactKind.Enum => resident.With(d.Name, d.Values[(int)row.CellAt(slot.Cell)]),
                FactKind.Division => resident.With(d.Name, ((int)row.CellAt(slot.Cell)).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)),
                FactKind.Set => resident.With(d.Name, Members(row, slot)),
                _ => resident.With(d.Name, row.Texts![slot.Cell]!),
            };
        }

        return resident;
    }

    /// <summary>The names of the facts in a mask, sorted by ordinal name (as <see cref="Decision.MissingFacts"/>).</summary>
    public ImmutableArray<string> NamesOf(FactMask facts) => NamesOfMask(facts.ToUInt128());

    internal ImmutableArray<string> NamesOfMask(UInt128 mask)
    {
        if (mask == 0)
        {
            return [];
        }

        var names = ImmutableArray.CreateBuilder<string>((int)UInt128.PopCount(mask));
        foreach (var slot in _slotsByName)
        {
            if ((mask & (UInt128.One << slot)) != 0)
            {
                names.Add(Facts.Facts[slot].Name);
            }
        }

        return names.MoveToImmutable();
    }

    private static List<string> Members(ResidentRow row, RowSlot slot)
    {
        var values = slot.Declaration.Values;
        var members = new List<string>();
        for (var i = 0; i < values.Length; i++)
        {
            if ((row.CellAt(slot.Cell + (i >> 6)) & (1L << (i & 63))) != 0)
            {
                members.Add(values[i]);
            }
        }

        return members;
    }

    internal static string DayText(int day) => ExpressionLimits.Iso(DateOnly.FromDayNumber(day));
}
