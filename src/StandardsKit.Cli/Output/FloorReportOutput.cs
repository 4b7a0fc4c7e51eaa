using StandardsKit.Expressions;
using System.Collections.Immutable;
using System.Globalization;
using StandardsKit.Analysis;

namespace StandardsKit.Cli.Output;

internal static class FloorReportOutput
{
    public static void Write(TextWriter w, string format, string county, DateOnly on, ImmutableArray<FloorReportRow> rows)
    {
        switch (format)
        {
            case "json":
                Json(w, county, on, rows);
                break;
            case "markdown":
                w.Line($"### Floor report for {county} on {ExpressionLimits.Iso(on)}");
                w.WriteLine();
                w.Line("| item | name | jurisdiction | status | national level | local level | above the floor |");
                w.Line("|---|---|---|---|---|---|---|");
                foreach (var r in rows)
                {
                    w.Line($"| `{r.Item}` | {Cell(r.Name.Zh)} | {r.Jurisdiction} | {Status(r.Status)} | {Cell(r.NationalLevel)} | {Cell(r.LocalLevel)} | {Cell(string.Join("; ", r.Above))} |");
                }

                break;
            default:
                w.Line($"Floor report for {county} on {ExpressionLimits.Iso(on)}");
                foreach (var r in rows)
                {
                    w.Line($"{Status(r.Status),-11} {r.Item,-40} {r.Name.Zh} [{r.Jurisdiction}]");
                    if (r.Status is not FloorStatus.National and not FloorStatus.LocalOnly)
                    {
                        w.Line($"            national: {r.NationalLevel}");
                    }

                    if (r.LocalLevel.Length > 0 && r.Status != FloorStatus.National)
                    {
                        w.Line($"            local:    {r.LocalLevel}");
                    }

                    if (!r.Above.IsEmpty)
                    {
                        w.Line($"            above:    {string.Join("; ", r.Above)} (needs a fiscal-capacity assessment)");
                    }
                }

                w.Line(string.Join(", ", rows.GroupBy(r => r.Status).Select(g => $"{Status(g.Key)} {g.Count()}")));
                break;
        }
    }

    private static void Json(TextWriter target, string county, DateOnly on, ImmutableArray<FloorReportRow> rows)
    {
        using var w = JsonOutput.Writer(target, out var flush);
        w.WriteStartObject();
        w.WriteString("county", county);
        w.WriteString("on", on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteStartArray("items");
        foreach (var r in rows)
        {
            w.WriteStartObject();
            w.WriteString("item", r.Item);
            w.WriteString("name", r.Name.Zh);
            w.WriteString("jurisdiction", r.Jurisdiction);
            w.WriteString("status", Status(r.Status));
            w.WriteString("nationalLevel", r.NationalLevel);
            w.WriteString("localLevel", r.LocalLevel);
            w.WriteStartArray("above");
            foreach (var a in r.Above)
            {
                w.WriteStringValue(a);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        flush();
    }

    private static string Status(FloorStatus s) => s switch
    {
        FloorStatus.National => "national",
        FloorStatus.AtFloor => "at-floor",
        FloorStatus.AboveFloor => "above-floor",
        FloorStatus.BelowFloor => "below-floor",
        FloorStatus.Unproved => "unproved",
        _ => "local-only",
    };

    private static string Cell(string s) => s.Length == 0 ? "—" : MarkdownText.Cell(s);
}
