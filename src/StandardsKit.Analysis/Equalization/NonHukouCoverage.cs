namespace StandardsKit.Analysis;

/// <summary>Whether an item in a county can serve a permanent resident whose hukou is in another province.</summary>
public enum NonHukouCoverage
{
    /// <summary>The rule does not depend on hukou for a resident of the county: they are served as hukou holders are.</summary>
    Covered,

    /// <summary>No resident of the county with a hukou from another province qualifies.</summary>
    NotCovered,

    /// <summary>Residents with some other provinces' hukou qualify (those a rule names), others do not.</summary>
    Partial,

    /// <summary>The rule reads hukou together with facts the probe leaves open, so it cannot be said in general.</summary>
    Undetermined,
}
