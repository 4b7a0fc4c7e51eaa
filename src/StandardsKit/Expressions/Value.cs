using System.Collections.Frozen;
using System.Globalization;

namespace StandardsKit.Expressions;

internal enum ValueKind : byte
{
    /// <summary>A needed fact is missing; <see cref="Value.Missing"/> says which.</summary>
    Unknown,

    /// <summary>A fact declared <c>absent: none</c> is absent: known to have no value.</summary>
    None,
    Bool,
    Number,
    String,
    Date,
    Set,
}

/// <summary>A runtime value of the expression language; a struct so evaluation does not allocate.</summary>
/// <remarks>
/// The number, the date and the missing-fact mask never coexist, so they share 16 bytes; text and sets share
/// one reference. At 32 bytes a frame of dozens of facts copies and scans cheaply.
/// </remarks>
[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Explicit)]
internal readonly struct Value
{
    public static readonly Value True = new(ValueKind.Bool, b: true);
    public static readonly Value False = new(ValueKind.Bool, b: false);
    public static readonly Value NoneValue = new(ValueKind.None);
    public static readonly Value EmptySet = new(ValueKind.Set, reference: FrozenSet<string>.Empty);

    [System.Runtime.InteropServices.FieldOffset(0)]
    private readonly decimal _number;

    [System.Runtime.InteropServices.FieldOffset(0)]
    private readonly DateOnly _date;

    [System.Runtime.InteropServices.FieldOffset(0)]
    private readonly UInt128 _missing;

    [System.Runtime.InteropServices.FieldOffset(16)]
    private readonly object? _reference;

    [System.Runtime.InteropServices.FieldOffset(24)]
    private readonly ValueKind _kind;

    [System.Runtime.InteropServices.FieldOffset(25)]
    private readonly bool _bool;

    private Value(ValueKind kind, bool b = false, object? reference = null)
    {
        _kind = kind;
        _bool = b;
        _reference = reference;
    }

    private Value(decimal n)
    {
        _kind = ValueKind.Number;
        _number = n;
    }

    private Value(DateOnly d)
    {
        _kind = ValueKind.Date;
        _date = d;
    }

    private Value(UInt128 missing)
    {
        _kind = ValueKind.Unknown;
        _missing = missing;
    }

    public ValueKind Kind => _kind;

    public bool Bool => _bool;

    public decimal Number => _kind == ValueKind.Number ? _number : 0;

    public string? Text => _reference as string;

    public DateOnly Date => _kind == ValueKind.Date ? _date : default;

    public FrozenSet<string>? Set => _reference as FrozenSet<string>;

    /// <summary>For <see cref="ValueKind.Unknown"/>: one bit per fact slot that would decide the result.</summary>
    public UInt128 Missing => _kind == ValueKind.Unknown ? _missing : 0;

    public bool IsUnknown => _kind == ValueKind.Unknown;

    public static Value Of(bool b) => b ? True : False;

    public static Value Of(decimal n) => new(n);

    public static Value Of(string s) => new(ValueKind.String, reference: s);

    public static Value Of(DateOnly d) => new(d);

    public static Value Of(FrozenSet<string> set) => new(ValueKind.Set, reference: set);

    public static Value Unknown(UInt128 missing) => new(missing);

    public override string ToString() => Kind switch
    {
        ValueKind.Unknown => "undetermined",
        ValueKind.None => "none",
        ValueKind.Bool => Bool ? "true" : "false",
        ValueKind.Number => Number.ToString(CultureInfo.InvariantCulture),
        ValueKind.String => Text!,
        ValueKind.Date => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ValueKind.Set => "[" + string.Join(", ", Set!.Order(StringComparer.Ordinal)) + "]",
        _ => "?",
    };
}
