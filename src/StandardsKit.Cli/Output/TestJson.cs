using System.Text.Json;
using StandardsKit.Testing;

namespace StandardsKit.Cli.Output;

/// <summary><c>test --format json</c>: the shape schemas/test-output.schema.json describes.</summary>
internal static class TestJson
{
    public static void Write(TextWriter w, TestRun run, bool coverageAsked)
    {
        using var json = JsonOutput.Writer(w, out var flush);
        json.WriteStartObject();
        json.WriteStartArray("cases");
        foreach (var (result, _) in run.Results)
        {
            var c = result.Case;
            json.WriteStartObject();
            json.WriteString("name", c.Name);
            json.WriteString("file", c.Span.File);
            json.WriteNumber("line", c.Span.Line);
            json.WriteNumber("column", c.Span.Column);
            json.WriteString("county", c.County);
            json.WriteString("on", Expressions.ExpressionLimits.Iso(c.On));
            json.WriteBoolean("passed", result.Passed);
            json.WriteStartArray("failures");
            foreach (var failure in result.Failures)
            {
                json.WriteStringValue(failure);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("errors");
        foreach (var d in run.Errors)
        {
            DiagnosticsRenderer.Json(json, d);
        }

        json.WriteEndArray();
        if (coverageAsked)
        {
            if (run.Coverage is { } coverage)
            {
                Coverage(json, coverage);
            }
            else
            {
                json.WriteNull("coverage"); // the standards did not load: nothing to measure
            }
        }

        json.WriteStartObject("summary");
        json.WriteNumber("passed", run.Passed);
        json.WriteNumber("failed", run.Failed);
        json.WriteNumber("cases", run.Results.Length);
        json.WriteNumber("errors", run.Errors.Count);
        json.WriteEndObject();
        json.WriteEndObject();
        flush();
    }

    private static void Coverage(Utf8JsonWriter json, CoverageReport coverage)
    {
        json.WriteStartObject("coverage");
        json.WriteNumber("goals", coverage.Goals);
        json.WriteNumber("covered", coverage.Covered);
        json.WriteNumber("percent", Math.Round(coverage.Percent, 2));
        json.WriteStartArray("rows");
        foreach (var row in coverage.Rows)
        {
            json.WriteStartObject();
            json.WriteString("jurisdiction", row.Jurisdiction);
            json.WriteString("item", row.Item);
            json.WriteString("implements", row.Implements);
            json.WriteNumber("goals", row.Goals.Length);
            json.WriteNumber("covered", row.Covered);
            json.WriteStartArray("details");
            foreach (var goal in row.Goals)
            {
                json.WriteStartObject();
                json.WriteString("kind", Kind(goal.Kind));
                json.WriteString("label", goal.Label);
                json.WriteBoolean("covered", goal.Covered);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Kind(CoverageGoalKind kind) => kind switch
    {
        CoverageGoalKind.Eligible => "eligible",
        CoverageGoalKind.NotEligible => "not-eligible",
        CoverageGoalKind.Level => "level",
        _ => "edition",
    };
}
