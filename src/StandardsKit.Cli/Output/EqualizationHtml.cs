using System.Globalization;
using StandardsKit.Analysis;
using static StandardsKit.Cli.Output.EqualizationNames;
using static StandardsKit.Cli.Output.SvgChart;

namespace StandardsKit.Cli.Output;

/// <summary>
/// <c>equalization --format html</c>: one self-contained page (inline CSS and SVG, no script, nothing fetched) with
/// the counties above the floor per province, each quantity's level across counties, the largest gaps, the items,
/// and the cost when a population is given.
/// </summary>
internal static class EqualizationHtml
{
    private const string Style = """
        body{font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC",sans-serif;margin:24px;color:#222;max-width:1200px}
        h1{font-size:22px}h2{font-size:18px;margin-top:28px;border-bottom:1px solid #ddd}
        table{border-collapse:collapse;font-size:13px;margin:8px 0}td,th{border:1px solid #ddd;padding:3px 6px;text-align:left}
        td.n{text-align:right}.chart{font-size:11px;margin:6px 12px 6px 0}.chart-title{font-weight:bold}
        figure{display:inline-block;margin:0 12px 12px 0;vertical-align:top}figcaption{font-size:12px;color:#555;max-width:560px}
        .note{color:#555;font-size:13px}
        """;

    public static void Write(TextWriter w, EqualizationReport report)
    {
        var title = $"Equalisation on {report.On:yyyy-MM-dd} against {report.NationalStandard}";
        w.WriteLine("<!DOCTYPE html>");
        w.WriteLine($"<html lang=\"zh\"><head><meta charset=\"utf-8\"><title>{Html(title)}</title><style>{Style}</style></head><body>");
        w.WriteLine($"<h1>{Html(title)}</h1>");
        w.WriteLine($"<p>{report.Counties.Length} county-level units{(report.Within is { } within ? $" in {Html(within)}" : "")}, {report.Items.Length} items. County × item: " +
                    Html(string.Join(", ", Statuses.Select(s => $"{Status(s)} {report.Counties.Sum(c => c.Items.Count(i => i.Status == s))}"))) + ".</p>");
        w.WriteLine("<p class=\"note\">At the floor: only the national standard defines the item, or a local standard at the same level. Above: a local standard serves more residents or gives more " +
                    "(it needs a fiscal-capacity assessment). Levels are each quantity's highest tier; the ratio is to the national standard's highest tier.</p>");

        w.WriteLine("<h2>Counties above the floor per province</h2>");
        var provinces = report.Provinces.Select(p => ($"{p.Name} ({p.Province})", (decimal)p.AboveFloor, (decimal)p.Counties)).ToList();
        w.WriteLine(Bars("chart-provinces", "Counties with at least one item above the national floor, of all counties", provinces));
        Table(w, ["province", "name", "band", "counties", "with a local standard", "above the floor", "below", "lagging", "items above the floor"],
            report.Provinces.Select(p => new[] { p.Province, p.Name, p.FiscalBand is { } b ? Number(b) : "?", Int(p.Counties), Int(p.WithLocalStandard), Int(p.AboveFloor), Int(p.BelowFloor), Int(p.Lagging), string.Join(", ", p.ItemsAboveFloor) }));

        w.WriteLine("<h2>Levels across counties per item</h2>");
        var index = 0;
        foreach (var item in report.Items)
        {
            foreach (var q in item.Quantities.Where(q => q.Counties > 0))
            {
                w.WriteLine("<figure>");
                w.WriteLine(Levels($"chart-levels-{++index}", $"{item.Name.Zh} — {q.Name}", q.Levels, q.Floor, q.Unit));
                w.WriteLine($"<figcaption>{Html(item.Item)}: {q.Counties} counties; min {Number(q.Min)}, median {Number(q.Median)}, max {Number(q.Max)} {Html(q.Unit)}; " +
                            $"{(q.Floor is { } f ? $"floor {Number(f)}, above it in {q.AboveFloor}" : "the national standard sets no amount")}.</figcaption>");
                w.WriteLine("</figure>");
            }
        }

        w.WriteLine("<h2>Largest gaps</h2>");
        Table(w, ["item", "name", "quantity", "level", "floor", "ratio", "unit", "set by", "counties"],
            report.Gaps.Select(g => new[] { g.Item, g.Name.Zh, g.Quantity, Number(g.Value), g.Floor is { } f ? Number(f) : "—", Number(g.Ratio, 4), g.Unit, g.Jurisdiction, Int(g.Counties) }));

        w.WriteLine("<h2>Items</h2>");
        Table(w, ["item", "name", "counties", .. Statuses.Select(Status), "share above", "lagging", "residents with another province's hukou", "funding"],
            report.Items.Select(i => (string[])
            [
                i.Item, i.Name.Zh, Int(i.Counties), .. Statuses.Select(s => Int(i.Statuses.GetValueOrDefault(s))),
                (i.ShareAboveFloor * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%", Int(i.Lagging),
                CoverageCounts(i.NonHukou),
                i.Funding is { } f ? $"{Category(f.Category)}{(f.PlanItem is { } p ? $" (plan item {p.Number})" : "")}, {Evidence(f.Evidence)}" : "—",
            ]));

        if (report.Cost is { } cost)
        {
            Cost(w, cost);
        }

        w.WriteLine("<p class=\"note\">Generated by StandardsKit from the standards in use; every figure carries the evidence of its sources in the JSON and CSV outputs.</p>");
        w.WriteLine("</body></html>");
    }

    private static void Cost(TextWriter w, CostReport cost)
    {
        w.WriteLine("<h2>Cost under the rules</h2>");
        w.WriteLine($"<p>{cost.Records} population lines, {Number(cost.Residents)} residents. Annual CNY; the centre pays its share of the national basic standard, the part above it is local.</p>");
        var rows = cost.Provinces.Select(p => ($"{p.Name} ({p.Province})", new[] { p.Totals.Central, p.Totals.Local, p.Totals.Unsplit })).ToList();
        w.WriteLine(Stacked("chart-cost", "Annual cost per province: centre, local, unsplit", rows, ["centre", "local", "unsplit"], [MarkColour, AccentColour, MutedColour]));
        Table(w, ["scope", "residents", "annual", "centre", "local", "unsplit", "local per resident"],
            new[] { ("nation", cost.National) }.Concat(cost.Provinces.Select(p => ($"{p.Province} {p.Name}", p.Totals)))
                .Select(p => new[] { p.Item1, Number(p.Item2.Residents), Number(p.Item2.Annual), Number(p.Item2.Central), Number(p.Item2.Local), Number(p.Item2.Unsplit), Number(p.Item2.LocalPerResident) }));
        Table(w, ["item", "name", "eligible", "annual", "centre", "local", "unsplit"],
            cost.Items.Select(i => new[] { i.Item, i.Name.Zh, Number(i.Totals.Residents), Number(i.Totals.Annual), Number(i.Totals.Central), Number(i.Totals.Local), Number(i.Totals.Unsplit) }));
    }

    private static void Table(TextWriter w, string[] header, IEnumerable<string[]> rows)
    {
        w.Write("<table><thead><tr>");
        foreach (var h in header)
        {
            w.Write($"<th>{Html(h)}</th>");
        }

        w.WriteLine("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            w.Write("<tr>");
            foreach (var cell in row)
            {
                var numeric = cell.Length > 0 && (char.IsAsciiDigit(cell[0]) || cell[0] == '-') && cell.All(c => char.IsAsciiDigit(c) || c is '.' or '-' or '%');
                w.Write(numeric ? $"<td class=\"n\">{Html(cell)}</td>" : $"<td>{Html(cell)}</td>");
            }

            w.WriteLine("</tr>");
        }

        w.WriteLine("</tbody></table>");
    }

    private static string Int(int n) => n.ToString(CultureInfo.InvariantCulture);
}
