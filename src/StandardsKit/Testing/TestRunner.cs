using System.Collections.Immutable;
using System.Globalization;
using StandardsKit.Engine;

namespace StandardsKit.Testing;

/// <summary>Runs YAML test cases against a catalog.</summary>
public static class TestRunner
{
    /// <summary>Runs every case; never throws for a failing or malformed case.</summary>
    public static ImmutableArray<TestResult> Run(Catalog catalog, IEnumerable<TestCase> cases) =>
        [.. cases.Select(c => Run(catalog, c))];

    /// <summary>Runs one case.</summary>
    public static TestResult Run(Catalog catalog, TestCase testCase)
    {
        Evaluation evaluation;
        try
        {
            evaluation = catalog.Evaluate(testCase.Resident, testCase.County, testCase.On);
        }
        catch (Exception e) when (e is ResidentException or UnknownDivisionException)
        {
            return new TestResult(testCase, [$"{testCase.Span}: {e.Message}"]);
        }

        var failures = new List<string>();
        foreach (var expect in testCase.Expectations)
        {
            var decision = evaluation.Decisions.FirstOrDefault(d => d.Item == expect.Item);
            var at = expect.Span + ": " + expect.Item;
            if (decision is null)
            {
                if (expect.InForce)
                {
                    failures.Add($"{at}: expected the item to be in force, but it is not");
                }

                continue;
            }

            if (!expect.InForce)
            {
                failures.Add($"{at}: expected the item not to be in force, but it is (jurisdiction {decision.Jurisdiction})");
                continue;
            }

            if (expect.ChecksEligible && decision.Eligible != expect.Eligible)
            {
                failures.Add($"{at}: expected eligible {Show(expect.Eligible)}, got {Show(decision.Eligible)}" +
                             (decision.MissingFacts.IsEmpty ? "" : $" (missing: {string.Join(", ", decision.MissingFacts)})"));
            }

            if (expect.Jurisdiction is { } j && decision.Jurisdiction != j)
            {
                failures.Add($"{at}: expected jurisdiction {j}, got {decision.Jurisdiction}");
            }

            foreach (var (name, value) in expect.Level)
            {
                var actual = decision.Level?.Quantities.FirstOrDefault(q => q.Name == name);
                var expected = value is { } v ? QuantityText.Number(v) : "no value";
                if (actual is { Value: null })
                {
                    // Present but undetermined: neither a number nor "no value" holds until the missing facts are given.
                    failures.Add($"{at}: expected {name} = {expected}, got an undetermined amount ({QuantityText.Amount(actual)}): " +
                                 $"{QuantityText.DependsOn(actual)}; give these facts in the resident");
                }
                else if (actual?.Value != value)
                {
                    failures.Add($"{at}: expected {name} = {expected}, got {(actual is null ? "no value" : QuantityText.Amount(actual))}");
                }
            }

            if (expect.MissingFacts is { } missing && !missing.OrderBy(s => s, StringComparer.Ordinal).SequenceEqual(decision.MissingFacts))
            {
                failures.Add($"{at}: expected missing facts [{string.Join(", ", missing)}], got [{string.Join(", ", decision.MissingFacts)}]");
            }
        }

        return new TestResult(testCase, [.. failures]);
    }

    private static string Show(bool? b) => b switch { true => "true", false => "false", null => "null (undetermined)" };
}
