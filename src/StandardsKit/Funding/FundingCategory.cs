namespace StandardsKit.Funding;

/// <summary>How a plan splits an item's cost between the centre and local government.</summary>
public enum FundingCategory
{
    /// <summary>The centre pays the national basic standard.</summary>
    Central,

    /// <summary>Local government pays.</summary>
    Local,

    /// <summary>The centre pays its fiscal band's share (80/60/50/30/10% under 国办发〔2018〕6号).</summary>
    FiveBand,

    /// <summary>The centre pays a fixed share everywhere.</summary>
    FixedRatio,

    /// <summary>The centre's share depends on the county's attributes (region, pilot type).</summary>
    RegionalRatio,

    /// <summary>The centre allocates its money by formula (因素法): there is no per-county share.</summary>
    Factor,

    /// <summary>Shared, but the ratio was not seen.</summary>
    Shared,

    /// <summary>No source says who pays.</summary>
    Unknown,
}
