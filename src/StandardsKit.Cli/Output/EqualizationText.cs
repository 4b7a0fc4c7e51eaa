using System.Globalization;
using StandardsKit.Analysis;
using static StandardsKit.Cli.Output.EqualizationNames;

namespace StandardsKit.Cli.Output;

/// <summary>
/// <c>equalization --format text|markdown</c>: the summaries (items, provinces, gaps, cost) for reading; the full
/// county × item table only when the run is narrowed enough to read it (the CSV and JSON always carry it).
/// </summary>
internal static class EqualizationText
{
    private const int MaxCountyCells = 2_000;

    public static void Write(TextWriter w, EqualizationReport report, bool markdown, Language l)
    {
        var cells = report.Counties.Sum(c => c.Items.Length);
        var title = l.T($"均等化对照（{report.On:yyyy-MM-dd}，对照 {report.NationalStandard}）：{(report.Within is { } w1 ? $"{w1} 内 " : "")}{report.Counties.Length} 个县级单位，{report.Items.Length} 个项目",
            $"Equalisation on {report.On:yyyy-MM-dd} against {report.NationalStandard}: {report.Counties.Length} county-level units" +
            (report.Within is { } within ? $" in {within}" : "") + $", {report.Items.Length} item{(report.Items.Length == 1 ? "" : "s")}");
        w.Line(markdown ? $"### {title}" : title);
        if (markdown)
        {
            w.WriteLine();
        }

        w.Line(l.T("县 × 项目: ", "county × item: ") + string.Join(", ", Statuses.Select(s => $"{Status(s)} {report.Counties.Sum(c => c.Items.Count(i => i.Status == s))}")));
        w.WriteLine();

        Section(w, markdown, l.T("项目", "Items"), l.T("实施的县数；各状态县数；高于底线的比例；覆盖外省户籍居民的县数", "counties where in force; status counts; share above the floor; counties covering residents with another province's hukou"));
        if (markdown)
        {
            w.Line(l.T("| 项目 | 名称 | 县数 | 等于底线 | 高于 | 低于 | 仅地方 | 高于比例 | 非户籍居民 | 标准 | 支出责任 |", "| item | name | counties | at floor | above | below | local-only | share above | non-hukou residents | levels | funding |"));
            w.Line("|---|---|---|---|---|---|---|---|---|---|---|");
        }

        foreach (var item in report.Items)
        {
            var levels = string.Join("; ", item.Quantities.Select(q =>
                l.T($"{l.Quantity(q.Name)}（{l.Unit(q.Unit)}）: 底线 {(q.Floor is null ? "无" : Number(q.Floor))}，最低 {Number(q.Min)}，中位 {Number(q.Median)}，最高 {Number(q.Max)}，{q.AboveFloor} 个县高于底线",
                    $"{q.Name} ({q.Unit}): floor {(q.Floor is null ? "none" : Number(q.Floor))}, min {Number(q.Min)}, median {Number(q.Median)}, max {Number(q.Max)}, above the floor in {q.AboveFloor}")));
            var funding = item.Funding is { } f
                ? $"{Category(f.Category)}" + (f.PlanItem is { } p ? l.T($"（方案第 {p.Number} 项 {p.Name.Zh}）", $" (plan item {p.Number} {p.Name.Zh})") : "") + l.T($"，证据 {Evidence(f.Evidence)}", $", evidence {Evidence(f.Evidence)}")
                : l.T("无支出责任规则", "no funding rule");
            var nonHukou = CoverageCounts(item.NonHukou);
            var share = Percent(item.ShareAboveFloor);
            if (markdown)
            {
                w.Line($"| `{item.Item}` | {Cell(l.Name(item.Name))} | {item.Counties} | {Count(item, EqualizationStatus.AtFloor)} | {Count(item, EqualizationStatus.AboveFloor)} | " +
                            $"{Count(item, EqualizationStatus.BelowFloor)} | {Count(item, EqualizationStatus.LocalOnly)} | {share} | {nonHukou} | {Cell(levels)} | {Cell(funding)} |");
                continue;
            }

            w.Line($"  {item.Item} {l.Name(item.Name)} — {item.Counties} {l.T("个县", "counties")}: " +
                        string.Join(", ", Statuses.Where(s => item.Statuses.ContainsKey(s)).Select(s => $"{Status(s)} {item.Statuses[s]}")) +
                        l.T($"；{share} 高于底线", $"; {share} above the floor") + (item.Lagging > 0 ? l.T($"；{item.Lagging} 个滞后于国家版本", $"; {item.Lagging} lagging the national edition") : ""));
            foreach (var q in item.Quantities)
            {
                w.Line(l.T($"      {l.Quantity(q.Name)}（{l.Unit(q.Unit)}）{q.Counties} 个县: 底线 {(q.Floor is null ? "无" : Number(q.Floor))}；最低 {Number(q.Min)}，中位 {Number(q.Median)}，最高 {Number(q.Max)}；{q.AboveFloor} 个县高于底线",
                    $"      {q.Name} ({q.Unit}) in {q.Counties} counties: floor {(q.Floor is null ? "none" : Number(q.Floor))}; min {Number(q.Min)}, median {Number(q.Median)}, max {Number(q.Max)}; above the floor in {q.AboveFloor}"));
            }

            w.Line($"      {l.T("外省户籍居民", "residents with another province's hukou")}: {nonHukou}");
            w.Line($"      {l.T("支出责任", "funding")}: {funding}");
        }

        w.WriteLine();
        Section(w, markdown, l.T("省份", "Provinces"), l.T("财力档次；县数；有地方标准；高于底线（任一项目）；低于；滞后于国家版本", "fiscal band; counties; with a local standard; above the floor (any item); below; lagging the national edition"));
        if (markdown)
        {
            w.Line(l.T("| 省份 | 名称 | 档次 | 县数 | 有地方标准 | 高于底线 | 低于 | 滞后 | 高于底线的项目 |", "| province | name | band | counties | with a local standard | above the floor | below | lagging | items above the floor |"));
            w.Line("|---|---|---|---|---|---|---|---|---|");
        }

        foreach (var p in report.Provinces)
        {
            var band = p.FiscalBand is { } b ? Number(b) : "?";
            w.Line(markdown
                ? $"| {p.Province} | {Cell(p.Name)} | {band} | {p.Counties} | {p.WithLocalStandard} | {p.AboveFloor} | {p.BelowFloor} | {p.Lagging} | {Cell(string.Join(", ", p.ItemsAboveFloor))} |"
                : l.T($"  {p.Province} {p.Name}（第 {band} 档）: {p.Counties} 个县，{p.WithLocalStandard} 个有地方标准，{p.AboveFloor} 个高于底线，{p.BelowFloor} 个低于，{p.Lagging} 个滞后",
                      $"  {p.Province} {p.Name} (band {band}): {p.Counties} counties, {p.WithLocalStandard} with a local standard, {p.AboveFloor} above the floor, {p.BelowFloor} below, {p.Lagging} lagging") +
                  (p.ItemsAboveFloor.IsEmpty ? "" : $"; {l.T("高于", "above")}: {string.Join(", ", p.ItemsAboveFloor)}"));
        }

        w.WriteLine();
        Section(w, markdown, l.T("最大差距", "Largest gaps"), l.T("偏离国家底线的标准，按制定地区", "levels set away from the national floor, per setting jurisdiction"));
        var rank = 0;
        foreach (var g in report.Gaps)
        {
            var against = g.Floor is null ? l.T("（国家标准未定金额）", "(the national standard sets no amount)") : $"{l.T("对比", "vs")} {Number(g.Floor)}{(g.Ratio is { } r ? $" (×{Number(r, 4)})" : "")}";
            var line = $"{++rank}. {g.Item} {l.Name(g.Name)}: {l.Quantity(g.Quantity)} {Number(g.Value)} {l.Unit(g.Unit)} {against} — " + l.T($"由 {g.Jurisdiction} 制定，涉及 {g.Counties} 个县", $"set by {g.Jurisdiction} for {g.Counties} counties");
            w.Line(markdown ? MarkdownText.Cell(line) : "  " + line);
        }

        if (report.Gaps.IsEmpty)
        {
            w.Line((markdown ? "" : "  ") + l.T("无", "none"));
        }

        if (cells <= MaxCountyCells)
        {
            w.WriteLine();
            Counties(w, report, markdown, l);
        }
        else
        {
            w.WriteLine();
            w.Line(l.T($"（{cells} 行县 × 项目：用 --province 或 --item 缩小范围以在此列出，或用 --format csv 或 json。）", $"({cells} county × item rows: narrow with --province or --item to list them here, or use --format csv or json.)"));
        }

        if (report.Cost is { } cost)
        {
            w.WriteLine();
            Cost(w, cost, markdown, l);
        }
    }

    private static void Counties(TextWriter w, EqualizationReport report, bool markdown, Language l)
    {
        Section(w, markdown, l.T("各县", "Counties"), l.T("每个县 × 项目：制定地区、状态、标准（数值 / 底线）", "each county × item: defining jurisdiction, status, levels (value / floor)"));
        if (markdown)
        {
            w.Line(l.T("| 县 | 名称 | 项目 | 制定地区 | 状态 | 非户籍 | 标准 |", "| county | name | item | jurisdiction | status | non-hukou | levels |"));
            w.Line("|---|---|---|---|---|---|---|");
        }

        foreach (var county in report.Counties)
        {
            foreach (var item in county.Items)
            {
                var levels = string.Join("; ", item.Quantities.Select(q => $"{l.Quantity(q.Name)} {Number(q.Value)} / {(q.Floor is null ? "—" : Number(q.Floor))} {l.Unit(q.Unit)}"));
                var lag = item.LagsNational ? " lags" : "";
                w.Line(markdown
                    ? $"| {county.County} | {Cell(county.Name)} | `{item.Item}` | {item.Jurisdiction} | {Status(item.Status)}{lag} | {Coverage(item.NonHukou)} | {Cell(levels)} |"
                    : $"  {county.County} {county.Name} {item.Item} [{item.Jurisdiction}] {Status(item.Status)}{lag}, {l.T("非户籍", "non-hukou")} {Coverage(item.NonHukou)}{(levels.Length > 0 ? ": " + levels : "")}");
            }
        }
    }

    private static void Cost(TextWriter w, CostReport cost, bool markdown, Language l)
    {
        Section(w, markdown, l.T("按规则测算的支出", "Cost under the rules"), l.T(
            $"{cost.Records} 行人口数据，{Number(cost.Residents)} 名居民；年度金额（元）；中央承担国家基础标准中的份额，高出部分由地方承担",
            $"{cost.Records} population lines, {Number(cost.Residents)} residents; annual CNY; the centre pays its share of the national basic standard, the part above it is local"));
        var header = l.T("| 范围 | 居民 | 年度 | 中央 | 地方 | 未分摊 | 地方人均 |", "| scope | residents | annual | centre | local | unsplit | local per resident |");
        string Row(string scope, CostTotals t) => markdown
            ? $"| {Cell(scope)} | {Number(t.Residents)} | {Number(t.Annual)} | {Number(t.Central)} | {Number(t.Local)} | {Number(t.Unsplit)} | {Number(t.LocalPerResident)} |"
            : l.T($"  {scope}: 居民 {Number(t.Residents)}，年度 {Number(t.Annual)}，中央 {Number(t.Central)}，地方 {Number(t.Local)}，未分摊 {Number(t.Unsplit)}，地方人均 {Number(t.LocalPerResident)}",
                $"  {scope}: residents {Number(t.Residents)}, annual {Number(t.Annual)}, centre {Number(t.Central)}, local {Number(t.Local)}, unsplit {Number(t.Unsplit)}, local per resident {Number(t.LocalPerResident)}");
        if (markdown)
        {
            w.Line(header);
            w.Line("|---|---|---|---|---|---|---|");
        }

        w.Line(Row(l.T("全国", "nation"), cost.National));
        foreach (var p in cost.Provinces)
        {
            w.Line(Row($"{p.Province} {p.Name}", p.Totals));
        }

        w.WriteLine();
        Section(w, markdown, l.T("各项目支出", "Cost per item"), l.T("符合条件的居民与年度金额", "eligible residents and annual amounts"));
        if (markdown)
        {
            w.Line(l.T(header.Replace("范围", "项目", StringComparison.Ordinal).Replace("居民", "符合条件", StringComparison.Ordinal),
                header.Replace("scope", "item", StringComparison.Ordinal).Replace("residents", "eligible", StringComparison.Ordinal)));
            w.Line("|---|---|---|---|---|---|---|");
        }

        foreach (var i in cost.Items)
        {
            w.Line(Row($"{i.Item} {l.Name(i.Name)}", i.Totals));
        }

        w.WriteLine();
        Section(w, markdown, l.T("各县各项目支出", "Cost per county and item"), l.T("每项分摊的依据", "how each split was found"));
        foreach (var c in cost.Counties)
        {
            foreach (var line in c.Lines)
            {
                var evidence = line.Evidence is { } e ? $" [{Evidence(e)}]" : "";
                var text = l.T(
                    $"{c.County} {line.Item}: 符合条件 {Number(line.Eligible)}，年度 {Number(line.Totals.Annual)}，中央 {Number(line.Totals.Central)}，地方 {Number(line.Totals.Local)}，未分摊 {Number(line.Totals.Unsplit)}" +
                    (line.Totals.UndeterminedWeight > 0 ? $"，无法确定的权重 {Number(line.Totals.UndeterminedWeight)}" : ""),
                    $"{c.County} {line.Item}: eligible {Number(line.Eligible)}, annual {Number(line.Totals.Annual)}, centre {Number(line.Totals.Central)}, local {Number(line.Totals.Local)}, unsplit {Number(line.Totals.Unsplit)}" +
                    (line.Totals.UndeterminedWeight > 0 ? $", undetermined weight {Number(line.Totals.UndeterminedWeight)}" : "")) + $" — {line.Basis}{evidence}";
                w.Line(markdown ? "- " + Cell(text) : "  " + text);
            }
        }

        foreach (var note in cost.NotCosted)
        {
            w.Line(markdown ? $"- {l.T("未测算", "not costed")}: {Cell(note)}" : $"  {l.T("未测算", "not costed")}: {note}");
        }
    }

    private static void Section(TextWriter w, bool markdown, string title, string legend)
    {
        if (markdown)
        {
            w.Line($"#### {title}");
            w.WriteLine();
            w.Line($"_{legend}_");
            w.WriteLine();
        }
        else
        {
            w.Line($"{title} ({legend})");
        }
    }

    private static int Count(ItemSummary item, EqualizationStatus s) => item.Statuses.GetValueOrDefault(s);

    private static string Percent(decimal share) => (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Cell(string s) => MarkdownText.Cell(s);
}
