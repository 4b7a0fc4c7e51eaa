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
internal readonly struct Value
{
    public static readonly Value True = new(ValueKind.Bool, b: true);
    public static readonly Value False = new(ValueKind.Bool, b: false);
    public static readonly Value NoneValue = new(ValueKind.None);
    public static readonly Value EmptySet = new(ValueKind.Set, set: FrozenSet<string>.Empty);

    private Value(ValueKind kind, bool b = false, decimal n = 0, string? s = null, DateOnly d = default,
        FrozenSet<string>? set = null, UInt128 missing = default)
    {
        Kind = kind;
        Bool = b;
        Number = n;
        Text = s;
        Date = d;
        Set = set;
        Missing = missing;
    }

    public ValueKind Kind { get; }

    public bool Bool { get; }

    public decimal Number { get; }

    public string? Text { get; }

    public DateOnly Date { get; }

    public FrozenSet<string>? Set { get; }

    /// <summary>For <see cref="ValueKind.Unknown"/>: one bit per fact slot that would decide the result.</summary>
    public UInt128 Missing { get; }

    public bool IsUnknown => Kind == ValueKind.Unknown;

    public static Value Of(bool b) => b ? True : False;

    public static Value Of(decimal n) => new(ValueKind.Number, n: n);

    public static Value Of(string s) => new(ValueKind.String, s: s);

    public static Value Of(DateOnly d) => new(ValueKind.Date, d: d);

    public static Value Of(FrozenSet<string> set) => new(ValueKind.Set, set: set);

    public static Value Unknown(UInt128 missing) => new(ValueKind.Unknown, missing: missing);

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
