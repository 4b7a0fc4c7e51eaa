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

    public static void Write(TextWriter w, EqualizationReport report, Language l)
    {
        var title = l.T($"均等化对照（{report.On:yyyy-MM-dd}，对照 {report.NationalStandard}）", $"Equalisation on {report.On:yyyy-MM-dd} against {report.NationalStandard}");
        w.WriteLine("<!DOCTYPE html>");
        w.WriteLine($"<html lang=\"{l.Code}\"><head><meta charset=\"utf-8\"><title>{Html(title)}</title><style>{Style}</style></head><body>");
        w.WriteLine($"<h1>{Html(title)}</h1>");
        w.WriteLine(l.T($"<p>{(report.Within is { } w1 ? $"{Html(w1)} 内" : "")}{report.Counties.Length} 个县级单位，{report.Items.Length} 个项目。县 × 项目：",
                        $"<p>{report.Counties.Length} county-level units{(report.Within is { } within ? $" in {Html(within)}" : "")}, {report.Items.Length} items. County × item: ") +
                    Html(string.Join(", ", Statuses.Select(s => $"{Status(s)} {report.Counties.Sum(c => c.Items.Count(i => i.Status == s))}"))) + ".</p>");
        w.WriteLine(l.T("<p class=\"note\">等于底线：仅国家标准定义该项目，或地方标准与之同等。高于：地方标准覆盖更多居民或给付更多（需财政承受能力评估）。标准取各数量的最高档；比值相对国家标准的最高档。</p>",
                        "<p class=\"note\">At the floor: only the national standard defines the item, or a local standard at the same level. Above: a local standard serves more residents or gives more " +
                        "(it needs a fiscal-capacity assessment). Levels are each quantity's highest tier; the ratio is to the national standard's highest tier.</p>"));

        w.WriteLine($"<h2>{l.T("各省高于底线的县", "Counties above the floor per province")}</h2>");
        var provinces = report.Provinces.Select(p => ($"{p.Name} ({p.Province})", (decimal)p.AboveFloor, (decimal)p.Counties)).ToList();
        w.WriteLine(Bars("chart-provinces", l.T("至少一个项目高于国家底线的县（占全部县）", "Counties with at least one item above the national floor, of all counties"), provinces));
        Table(w, l.IsChinese ? ["省份", "名称", "档次", "县数", "有地方标准", "高于底线", "低于", "滞后", "高于底线的项目"] : ["province", "name", "band", "counties", "with a local standard", "above the floor", "below", "lagging", "items above the floor"],
            report.Provinces.Select(p => new[] { p.Province, p.Name, p.FiscalBand is { } b ? Number(b) : "?", Int(p.Counties), Int(p.WithLocalStandard), Int(p.AboveFloor), Int(p.BelowFloor), Int(p.Lagging), string.Join(", ", p.ItemsAboveFloor) }));

        w.WriteLine($"<h2>{l.T("各项目在各县的标准", "Levels across counties per item")}</h2>");
        var index = 0;
        foreach (var item in report.Items)
        {
            foreach (var q in item.Quantities.Where(q => q.Counties > 0))
            {
                w.WriteLine("<figure>");
                w.WriteLine(Levels($"chart-levels-{++index}", $"{l.Name(item.Name)} — {l.Quantity(q.Name)}", q.Levels, q.Floor, l.Unit(q.Unit)));
                w.WriteLine(l.T(
                    $"<figcaption>{Html(item.Item)}：{q.Counties} 个县；最低 {Number(q.Min)}，中位 {Number(q.Median)}，最高 {Number(q.Max)} {Html(l.Unit(q.Unit))}；" +
                    $"{(q.Floor is { } fz ? $"底线 {Number(fz)}，{q.AboveFloor} 个县高于底线" : "国家标准未定金额")}。</figcaption>",
                    $"<figcaption>{Html(item.Item)}: {q.Counties} counties; min {Number(q.Min)}, median {Number(q.Median)}, max {Number(q.Max)} {Html(q.Unit)}; " +
                    $"{(q.Floor is { } f ? $"floor {Number(f)}, above it in {q.AboveFloor}" : "the national standard sets no amount")}.</figcaption>"));
                w.WriteLine("</figure>");
            }
        }

        w.WriteLine($"<h2>{l.T("最大差距", "Largest gaps")}</h2>");
        Table(w, l.IsChinese ? ["项目", "名称", "数量", "标准", "底线", "比值", "单位", "制定地区", "县数"] : ["item", "name", "quantity", "level", "floor", "ratio", "unit", "set by", "counties"],
            report.Gaps.Select(g => new[] { g.Item, l.Name(g.Name), l.Quantity(g.Quantity), Number(g.Value), g.Floor is { } f ? Number(f) : "—", Number(g.Ratio, 4), l.Unit(g.Unit), g.Jurisdiction, Int(g.Counties) }));

        w.WriteLine($"<h2>{l.T("项目", "Items")}</h2>");
        Table(w, l.IsChinese ? ["项目", "名称", "县数", .. Statuses.Select(Status), "高于比例", "滞后", "外省户籍居民", "支出责任"] : ["item", "name", "counties", .. Statuses.Select(Status), "share above", "lagging", "residents with another province's hukou", "funding"],
            report.Items.Select(i => (string[])
            [
                i.Item, l.Name(i.Name), Int(i.Counties), .. Statuses.Select(s => Int(i.Statuses.GetValueOrDefault(s))),
                (i.ShareAboveFloor * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%", Int(i.Lagging),
                CoverageCounts(i.NonHukou),
                i.Funding is { } f ? $"{Category(f.Category)}{(f.PlanItem is { } p ? l.T($"（方案第 {p.Number} 项）", $" (plan item {p.Number})") : "")}, {Evidence(f.Evidence)}" : "—",
            ]));

        if (report.Cost is { } cost)
        {
            Cost(w, cost, l);
        }

        w.WriteLine(l.T("<p class=\"note\">由 StandardsKit 根据所用标准生成；每个数字的来源证据见 JSON 和 CSV 输出。</p>",
                        "<p class=\"note\">Generated by StandardsKit from the standards in use; every figure carries the evidence of its sources in the JSON and CSV outputs.</p>"));
        w.WriteLine("</body></html>");
    }

    private static void Cost(TextWriter w, CostReport cost, Language l)
    {
        w.WriteLine($"<h2>{l.T("按规则测算的支出", "Cost under the rules")}</h2>");
        w.WriteLine(l.T($"<p>{cost.Records} 行人口数据，{Number(cost.Residents)} 名居民。年度金额（元）；中央承担国家基础标准中的份额，高出部分由地方承担。</p>",
                        $"<p>{cost.Records} population lines, {Number(cost.Residents)} residents. Annual CNY; the centre pays its share of the national basic standard, the part above it is local.</p>"));
        var rows = cost.Provinces.Select(p => ($"{p.Name} ({p.Province})", new[] { p.Totals.Central, p.Totals.Local, p.Totals.Unsplit })).ToList();
        w.WriteLine(Stacked("chart-cost", l.T("各省年度支出：中央、地方、未分摊", "Annual cost per province: centre, local, unsplit"), rows, l.IsChinese ? ["中央", "地方", "未分摊"] : ["centre", "local", "unsplit"], [MarkColour, AccentColour, MutedColour]));
        Table(w, l.IsChinese ? ["范围", "居民", "年度", "中央", "地方", "未分摊", "地方人均"] : ["scope", "residents", "annual", "centre", "local", "unsplit", "local per resident"],
            new[] { (l.T("全国", "nation"), cost.National) }.Concat(cost.Provinces.Select(p => ($"{p.Province} {p.Name}", p.Totals)))
                .Select(p => new[] { p.Item1, Number(p.Item2.Residents), Number(p.Item2.Annual), Number(p.Item2.Central), Number(p.Item2.Local), Number(p.Item2.Unsplit), Number(p.Item2.LocalPerResident) }));
        Table(w, l.IsChinese ? ["项目", "名称", "符合条件", "年度", "中央", "地方", "未分摊"] : ["item", "name", "eligible", "annual", "centre", "local", "unsplit"],
            cost.Items.Select(i => new[] { i.Item, l.Name(i.Name), Number(i.Totals.Residents), Number(i.Totals.Annual), Number(i.Totals.Central), Number(i.Totals.Local), Number(i.Totals.Unsplit) }));
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
