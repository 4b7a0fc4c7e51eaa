namespace StandardsKit.Compilation.Screening;

/// <summary>How a compiled screening program holds a value of an expression: its IL type.</summary>
internal enum ScreenType
{
    /// <summary>int32 0 or 1.</summary>
    Bool,

    /// <summary>int64: whole-number facts, integer literals within ±10^15, <c>yearsBetween</c>.</summary>
    Long,

    /// <summary>System.Decimal: decimal facts and literals, and all arithmetic (bounded to ±10^27 at load time).</summary>
    Decimal,

    /// <summary>int32 day number.</summary>
    Date,

    /// <summary>int32 index of the value among the fact's values.</summary>
    Enum,

    /// <summary>A set fact; read only through <c>has</c>/<c>hasAny</c>, one 64-bit word of members at a time.</summary>
    Set,

    /// <summary>int32 six-digit code.</summary>
    Division,

    /// <summary>System.String: free-text facts and string literals.</summary>
    Text,
}
