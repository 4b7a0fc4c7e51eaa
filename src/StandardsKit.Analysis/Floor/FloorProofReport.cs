using System.Collections.Immutable;
using StandardsKit.Diagnostics;

namespace StandardsKit.Analysis;

/// <summary>Every floor obligation of a catalog and the diagnostics they give (SK0301–SK0304).</summary>
/// <param name="Proofs">One entry per local item that implements a parent item and per interval of days on which nothing changes.</param>
/// <param name="Diagnostics">Violations (errors), unsupported obligations (warnings) and above-floor levels (information).</param>
public sealed record FloorProofReport(ImmutableArray<FloorProof> Proofs, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>How many obligations ended with <paramref name="status"/>.</summary>
    public int Count(ProofStatus status) => Proofs.Count(p => p.Status == status);
}
