using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using StandardsKit.Engine;
using StandardsKit.Expressions;
using StandardsKit.Model;

namespace StandardsKit.Screening;

/// <summary>Where one fact lives in a row of one layout, and how its values are checked.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class RowSlot
{
    /// <summary>The day numbers of 1800-01-01 and 2399-12-31 (<see cref="ExpressionLimits"/>), as constants for the setters.</summary>
    public const int FirstDay = 657_071;
    public const int LastDay = 876_215;

    private readonly FrozenDictionary<string, int> _values;
#if NET9_0_OR_GREATER
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _valuesBySpan;
#endif

    public RowSlot(ResidentRowLayout layout, FactDeclaration declaration, int slot, int cell, int width)
    {
        Layout = layout;
        LayoutId = layout.Id;
        Declaration = declaration;
        Slot = slot;
        Cell = cell;
        Width = width;
        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < declaration.Values.Length; i++)
        {
            values.TryAdd(declaration.Values[i], i);
        }

        _values = values.ToFrozenDictionary(StringComparer.Ordinal);
#if NET9_0_OR_GREATER
        _valuesBySpan = _values.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
        ValueCount = declaration.Values.Length;
        ValidMask = ValueCount >= 64 ? ulong.MaxValue : (1UL << ValueCount) - 1;

        // The whole-number range a long can be checked against without a decimal: the declared bounds, else ±10^15.
        var min = declaration.Min ?? -ExpressionLimits.MaxNumber;
        var max = declaration.Max ?? ExpressionLimits.MaxNumber;
        LongMin = (long)Math.Clamp(decimal.Ceiling(min), -ExpressionLimits.MaxNumber, ExpressionLimits.MaxNumber);
        LongMax = (long)Math.Clamp(decimal.Floor(max), -ExpressionLimits.MaxNumber, ExpressionLimits.MaxNumber);
        Handle = new FactHandle(this);
    }

    public ResidentRowLayout Layout { get; }

    public int LayoutId { get; }

    public FactDeclaration Declaration { get; }

    public int Slot { get; }

    /// <summary>The first cell (or, for a free-text fact, the index among the row's texts); -1 for a bool.</summary>
    public int Cell { get; }

    /// <summary>Cells used: 1, 2 for a decimal, one per 64 members of a set.</summary>
    public int Width { get; }

    public int ValueCount { get; }

    public ulong ValidMask { get; }

    public long LongMin { get; }

    public long LongMax { get; }

    public FactHandle Handle { get; }

    public int IndexOf(string value) => _values.TryGetValue(value, out var i) ? i : -1;

#if NET9_0_OR_GREATER
    public int IndexOf(ReadOnlySpan<char> value) => _valuesBySpan.TryGetValue(value, out var i) ? i : -1;
#else
    // net8.0 has no span lookup on frozen dictionaries; the string costs one allocation per read there only.
    public int IndexOf(ReadOnlySpan<char> value) => IndexOf(value.ToString());
#endif

    /// <summary>Checks a value as evaluation does, with evaluation's messages.</summary>
    public Value Check(object raw) => FrameBuilder.Convert(Declaration, raw);

    /// <summary>The day number of a strict <c>YYYY-MM-DD</c> date, or -1 for any other text (which the full parser then reads or refuses).</summary>
    public static int IsoDay(string text)
    {
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
        {
            return -1;
        }

        var year = Digits(text, 0, 4);
        var month = Digits(text, 5, 2);
        var day = Digits(text, 8, 2);
        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day).DayNumber
            : -1;
    }

    /// <summary>The number a 6-digit division code stands for, or -1 when the text is not six ASCII digits.</summary>
    public static int SixDigits(string code) => code.Length == 6 ? Digits(code, 0, 6) : -1;

    /// <summary>The number written by <paramref name="count"/> ASCII digits from <paramref name="start"/>; -1 if any is not a digit.</summary>
    private static int Digits(string text, int start, int count)
    {
        var n = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if ((uint)digit > 9)
            {
                return -1;
            }

            n = (n * 10) + digit;
        }

        return n;
    }

    public static int CodeOf(string code) => int.Parse(code, NumberStyles.None, CultureInfo.InvariantCulture);

    public ResidentException Wrong(object raw)
    {
        try
        {
            Check(raw is not string && raw is IEnumerable<string> list ? list.ToImmutableArray() : raw);
        }
        catch (ResidentException e)
        {
            return e;
        }

        return new ResidentException($"fact '{Declaration.Name}' cannot take this value") { Fact = Declaration.Name };
    }

    public ResidentException Invalid(DateOnly date) => Wrong(date);

    public ResidentException BadIndex(int index) => Declaration.Kind != FactKind.Enum
        ? Wrong(index.ToString(CultureInfo.InvariantCulture))
        : new ResidentException($"fact '{Declaration.Name}' has no value with index {index.ToString(CultureInfo.InvariantCulture)}; its values are {string.Join(", ", Declaration.Values)} (0..{(ValueCount - 1).ToString(CultureInfo.InvariantCulture)})") { Fact = Declaration.Name };

    public ResidentException BadMask(ulong mask) => Declaration.Kind != FactKind.Set
        ? Wrong(mask.ToString(CultureInfo.InvariantCulture))
        : Width != 1
            ? new ResidentException($"fact '{Declaration.Name}' has more than 64 values; set it with SetMembers") { Fact = Declaration.Name }
            : new ResidentException($"fact '{Declaration.Name}': bit mask {mask.ToString(CultureInfo.InvariantCulture)} has bits beyond its {ValueCount.ToString(CultureInfo.InvariantCulture)} values ({string.Join(", ", Declaration.Values)})") { Fact = Declaration.Name };

    public ResidentException BadCode(int code) => Wrong(code.ToString("D6", CultureInfo.InvariantCulture));

    public ResidentException NotAMember(string member) => Wrong(ImmutableArray.Create(member));
}
