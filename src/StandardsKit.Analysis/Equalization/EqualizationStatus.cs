namespace StandardsKit.Analysis;

/// <summary>Where an item stands in a county against the national floor.</summary>
public enum EqualizationStatus
{
    /// <summary>At the national floor: only the national standard defines it, or a local one at the same level.</summary>
    AtFloor,

    /// <summary>A local standard goes above the floor (more residents or more for some resident).</summary>
    AboveFloor,

    /// <summary>A local standard falls below the floor for some resident (a validation error).</summary>
    BelowFloor,

    /// <summary>Only a local standard defines the item.</summary>
    LocalOnly,

    /// <summary>The comparison with the floor could not be decided (the floor proof was unsupported).</summary>
    Undecided,
}
