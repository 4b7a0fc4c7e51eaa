using StandardsKit.Diff;

namespace StandardsKit.Cli.Output;

internal static class DiffSummary
{
    public static IEnumerable<(string Name, int Count)> Counts(StandardsDiff diff) =>
    [
        ("added", diff.Count(ChangeKind.Added)),
        ("removed", diff.Count(ChangeKind.Removed)),
        ("renamed", diff.Count(ChangeKind.Renamed)),
        ("moved", diff.Count(ChangeKind.Moved)),
        ("levelRaised", diff.CountLevel(Direction.Raised)),
        ("levelLowered", diff.CountLevel(Direction.Lowered)),
        ("levelChanged", diff.CountLevel(Direction.Changed) + diff.CountLevel(Direction.Added) + diff.CountLevel(Direction.Removed)),
        ("eligibilityWidened", diff.CountEligibility(EligibilityDirection.Widened)),
        ("eligibilityNarrowed", diff.CountEligibility(EligibilityDirection.Narrowed)),
        ("eligibilityChanged", diff.CountEligibility(EligibilityDirection.Changed)),
        ("textChanged", diff.Count(ChangeKind.Text)),
        ("fundingChanged", diff.Count(ChangeKind.Funding)),
        ("leadDepartmentChanged", diff.Count(ChangeKind.LeadDepartment)),
        ("provenanceChanged", diff.Count(ChangeKind.Provenance)),
    ];

    public static string Name(ChangeKind kind) => kind switch
    {
        ChangeKind.LeadDepartment => "leadDepartment",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
