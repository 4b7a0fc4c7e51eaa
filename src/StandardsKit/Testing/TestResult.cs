using System.Collections.Immutable;

namespace StandardsKit.Testing;

/// <summary>The outcome of one test case.</summary>
/// <param name="Case">The case.</param>
/// <param name="Failures">One line per unmet expectation; empty when the case passed.</param>
public sealed record TestResult(TestCase Case, ImmutableArray<string> Failures)
{
    /// <summary>True when every expectation held.</summary>
    public bool Passed => Failures.IsEmpty;
}
