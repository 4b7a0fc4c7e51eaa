using System.Collections.Immutable;

namespace StandardsKit.Testing;

/// <summary>What kind of behaviour a coverage goal asks the cases to show (docs/authoring.md, "Coverage").</summary>
internal enum CoverageGoalKind
{
    /// <summary>A case asserts <c>eligible: true</c> and gets it from this item's rule.</summary>
    Eligible,

    /// <summary>A case asserts <c>eligible: false</c> and gets it from this item's rule.</summary>
    NotEligible,

    /// <summary>A case asserts a quantity whose value comes from this tier and dated value.</summary>
    Level,

    /// <summary>A case asserts anything about the item while this edition is one of its layers.</summary>
    Edition,
}

/// <summary>One behaviour of one written item that the cases should exercise.</summary>
/// <param name="Kind">What it asks for.</param>
/// <param name="Label">How a person reads it: "not eligible", "allowance when age >= 90 from 2022-07-01", "edition cn-31@2021".</param>
/// <param name="Covered">Whether some case exercises it.</param>
internal sealed record CoverageGoal(CoverageGoalKind Kind, string Label, bool Covered);

/// <summary>The goals of one item as a jurisdiction writes it, over every edition of its standards.</summary>
/// <param name="Jurisdiction">The jurisdiction whose standards write the item.</param>
/// <param name="Item">The item id as written there (a local id such as <c>sh-maternal-care</c>).</param>
/// <param name="Implements">The item it implements, when it does.</param>
/// <param name="Goals">Its goals, eligibility first, then levels, then editions.</param>
internal sealed record CoverageRow(string Jurisdiction, string Item, string? Implements, ImmutableArray<CoverageGoal> Goals)
{
    public int Covered => Goals.Count(g => g.Covered);
}

/// <summary>How much of the standards the test cases exercise: covered goals over all goals.</summary>
/// <param name="Rows">One per jurisdiction and item, by jurisdiction then file order.</param>
internal sealed record CoverageReport(ImmutableArray<CoverageRow> Rows)
{
    public int Goals => Rows.Sum(r => r.Goals.Length);

    public int Covered => Rows.Sum(r => r.Covered);

    /// <summary>100 × covered ÷ goals, exactly; 100 when there is no goal at all.</summary>
    public decimal Percent => Goals == 0 ? 100m : 100m * Covered / Goals;

    /// <summary>The percentage as printed: one decimal, rounded down, so a printed 80.0 never hides 79.96.</summary>
    public string PercentText => (Math.Floor(Percent * 10) / 10).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether the coverage reaches <paramref name="minimum"/> percent, compared exactly (no rounding).</summary>
    public bool Reaches(decimal minimum) => Covered * 100m >= minimum * Goals;
}
