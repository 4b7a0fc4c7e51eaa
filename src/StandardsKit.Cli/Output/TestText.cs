using StandardsKit.Testing;

namespace StandardsKit.Cli.Output;

/// <summary><c>test --format text</c>: a PASS or FAIL line per case, its failures indented, coverage, and the closing count.</summary>
internal static class TestText
{
    public static void Write(TextWriter w, TestRun run, bool withSummary)
    {
        foreach (var (result, _) in run.Results)
        {
            w.Line($"{(result.Passed ? "PASS" : "FAIL")} {result.Case.Name}  ({result.Case.Span})");
            foreach (var failure in result.Failures)
            {
                w.Line("     " + failure);
            }
        }

        if (run.Coverage is { } coverage)
        {
            Coverage(w, coverage);
        }

        if (withSummary)
        {
            w.Line(run.Summary);
        }
    }

    /// <summary>A line per jurisdiction and per item with its count, naming what no case exercises.</summary>
    public static void Coverage(TextWriter w, CoverageReport coverage)
    {
        w.Line($"coverage {coverage.PercentText}% ({coverage.Covered} of {coverage.Goals} goals)");
        foreach (var jurisdiction in coverage.Rows.GroupBy(r => r.Jurisdiction))
        {
            w.Line($"  {jurisdiction.Key}: {jurisdiction.Sum(r => r.Covered)} of {jurisdiction.Sum(r => r.Goals.Length)}");
            foreach (var row in jurisdiction)
            {
                var missing = row.Goals.Where(g => !g.Covered).Select(g => g.Label).ToList();
                w.Line($"    {row.Item}{(row.Implements is { } i ? $" (implements {i})" : "")}: {row.Covered} of {row.Goals.Length}" +
                       (missing.Count == 0 ? "" : " — no case for: " + string.Join("; ", missing)));
            }
        }
    }
}
