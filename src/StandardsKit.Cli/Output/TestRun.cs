using System.Collections.Immutable;
using StandardsKit.Diagnostics;
using StandardsKit.Testing;

namespace StandardsKit.Cli.Output;

/// <summary>One case's result and how long it took.</summary>
internal sealed record TimedResult(TestResult Result, TimeSpan Time);

/// <summary>
/// What <c>standardskit test</c> reports: the cases run, or the errors that kept them from running. Each load
/// error counts as one failed check, so a run whose standards or test files do not load reads
/// <c>0 passed, N failed</c> and never looks green.
/// </summary>
/// <param name="Results">The cases, in file order; empty when loading failed.</param>
/// <param name="Errors">Errors in the standards or the test files.</param>
/// <param name="Coverage">With <c>--coverage</c> on standards that load; otherwise null.</param>
/// <param name="Time">How long the run took.</param>
internal sealed record TestRun(ImmutableArray<TimedResult> Results, IReadOnlyList<Diagnostic> Errors, CoverageReport? Coverage, TimeSpan Time)
{
    public int Passed => Results.Count(r => r.Result.Passed);

    /// <summary>Failed cases plus load errors.</summary>
    public int Failed => Results.Length - Passed + Errors.Count;

    /// <summary>The line every run ends with.</summary>
    public string Summary => $"{Passed} passed, {Failed} failed";
}
