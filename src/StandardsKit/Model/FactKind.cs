namespace StandardsKit.Model;

/// <summary>The type of a resident fact, as declared in <c>facts.yaml</c>.</summary>
public enum FactKind
{
    /// <summary>true or false.</summary>
    Bool,

    /// <summary>A whole number.</summary>
    Int,

    /// <summary>A decimal number.</summary>
    Decimal,

    /// <summary>An ISO date (YYYY-MM-DD).</summary>
    Date,

    /// <summary>Free text.</summary>
    String,

    /// <summary>One of a closed list of values.</summary>
    Enum,

    /// <summary>A set of values from a closed list.</summary>
    Set,

    /// <summary>A 6-digit GB/T 2260 division code.</summary>
    Division,
}
