using StandardsKit.Expressions;
using System.Collections.Immutable;
using System.Globalization;
using StandardsKit.Analysis;

namespace StandardsKit.Cli.Output;

internal static class FloorReportOutput
{
    /// <summary>Text and markdown, following <paramref name="l"/>; JSON is <see cref="ItemsJson.Report"/>.</summary>
    public static void Write(TextWriter w, string format, string county, DateOnly on, ImmutableArray<FloorReportRow> rows, Language l)
    {
        switch (format)
        {
            case "markdown":
                w.Line(l.T($"### {county} 底线对照（{ExpressionLimits.Iso(on)}）", $"### Floor report for {county} on {ExpressionLimits.Iso(on)}"));
                w.WriteLine();
                w.Line(l.T("| 项目 | 名称 | 制定地区 | 状态 | 国家标准 | 地方标准 | 高于底线 |", "| item | name | jurisdiction | status | national level | local level | above the floor |"));
                w.Line("|---|---|---|---|---|---|---|");
                foreach (var r in rows)
                {
                    w.Line($"| `{r.Item}` | {Cell(l.Name(r.Name))} | {r.Jurisdiction} | {Status(r.Status)} | {Cell(l.Units(r.NationalLevel))} | {Cell(l.Units(r.LocalLevel))} | {Cell(string.Join("; ", r.Above.Select(l.Units)))} |");
                }

                break;
            default:
                w.Line(l.T($"{county} 底线对照（{ExpressionLimits.Iso(on)}）", $"Floor report for {county} on {ExpressionLimits.Iso(on)}"));
                foreach (var r in rows)
                {
                    w.Line($"{Status(r.Status),-11} {r.Item,-40} {l.Name(r.Name)} [{r.Jurisdiction}]");
                    if (r.Status is not FloorStatus.National and not FloorStatus.LocalOnly)
                    {
                        w.Line($"            {l.T("国家:", "national:")} {l.Units(r.NationalLevel)}");
                    }

                    if (r.LocalLevel.Length > 0 && r.Status != FloorStatus.National)
                    {
                        w.Line($"            {l.T("地方:", "local:   ")} {l.Units(r.LocalLevel)}");
                    }

                    if (!r.Above.IsEmpty)
                    {
                        w.Line($"            {l.T("高于:", "above:   ")} {string.Join("; ", r.Above.Select(l.Units))} {l.T("（需财政承受能力评估）", "(needs a fiscal-capacity assessment)")}");
                    }
                }

                w.Line(string.Join(", ", rows.GroupBy(r => r.Status).Select(g => $"{Status(g.Key)} {g.Count()}")));
                break;
        }
    }

    /// <summary>The status token of text, markdown and JSON.</summary>
    public static string Status(FloorStatus s) => s switch
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
