namespace StandardsKit.Divisions;

/// <summary>The type of a division attribute's values.</summary>
public enum DivisionAttributeKind
{
    /// <summary>Membership of a list of divisions (true or false).</summary>
    Bool,

    /// <summary>A whole number, such as a fiscal band 1–5.</summary>
    Int,

    /// <summary>One of a closed list of values, such as east, central or west.</summary>
    Enum,
}
