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

    public static void Write(TextWriter w, EqualizationReport report, bool markdown)
    {
        var cells = report.Counties.Sum(c => c.Items.Length);
        var title = $"Equalisation on {report.On:yyyy-MM-dd} against {report.NationalStandard}: {report.Counties.Length} county-level units" +
                    (report.Within is { } within ? $" in {within}" : "") + $", {report.Items.Length} item{(report.Items.Length == 1 ? "" : "s")}";
        w.WriteLine(markdown ? $"### {title}" : title);
        w.WriteLine((markdown ? "\n" : "") + "county × item: " + string.Join(", ", Statuses.Select(s => $"{Status(s)} {report.Counties.Sum(c => c.Items.Count(i => i.Status == s))}")));
        w.WriteLine();

        Section(w, markdown, "Items", "counties where in force; status counts; share above the floor; counties covering residents with another province's hukou");
        if (markdown)
        {
            w.WriteLine("| item | name | counties | at floor | above | below | local-only | share above | non-hukou residents | levels | funding |");
            w.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        }

        foreach (var item in report.Items)
        {
            var levels = string.Join("; ", item.Quantities.Select(q =>
                $"{q.Name} ({q.Unit}): floor {(q.Floor is null ? "none" : Number(q.Floor))}, min {Number(q.Min)}, median {Number(q.Median)}, max {Number(q.Max)}, above the floor in {q.AboveFloor}"));
            var funding = item.Funding is { } f
                ? $"{Category(f.Category)}" + (f.PlanItem is { } p ? $" (plan item {p.Number} {Clean(p.Name.Zh)})" : "") + $", evidence {Evidence(f.Evidence)}"
                : "no funding rule";
            var nonHukou = CoverageCounts(item.NonHukou);
            var share = Percent(item.ShareAboveFloor);
            if (markdown)
            {
                w.WriteLine($"| `{item.Item}` | {Cell(item.Name.Zh)} | {item.Counties} | {Count(item, EqualizationStatus.AtFloor)} | {Count(item, EqualizationStatus.AboveFloor)} | " +
                            $"{Count(item, EqualizationStatus.BelowFloor)} | {Count(item, EqualizationStatus.LocalOnly)} | {share} | {nonHukou} | {Cell(levels)} | {Cell(funding)} |");
                continue;
            }

            w.WriteLine($"  {item.Item} {Clean(item.Name.Zh)} — {item.Counties} counties: " +
                        string.Join(", ", Statuses.Where(s => item.Statuses.ContainsKey(s)).Select(s => $"{Status(s)} {item.Statuses[s]}")) +
                        $"; {share} above the floor" + (item.Lagging > 0 ? $"; {item.Lagging} lagging the national edition" : ""));
            foreach (var q in item.Quantities)
            {
                w.WriteLine($"      {q.Name} ({q.Unit}) in {q.Counties} counties: floor {(q.Floor is null ? "none" : Number(q.Floor))}; min {Number(q.Min)}, median {Number(q.Median)}, max {Number(q.Max)}; above the floor in {q.AboveFloor}");
            }

            w.WriteLine($"      residents with another province's hukou: {nonHukou}");
            w.WriteLine($"      funding: {funding}");
        }

        w.WriteLine();
        Section(w, markdown, "Provinces", "fiscal band; counties; with a local standard; above the floor (any item); below; lagging the national edition");
        if (markdown)
        {
            w.WriteLine("| province | name | band | counties | with a local standard | above the floor | below | lagging | items above the floor |");
            w.WriteLine("|---|---|---|---|---|---|---|---|---|");
        }

        foreach (var p in report.Provinces)
        {
            var band = p.FiscalBand is { } b ? Number(b) : "?";
            w.WriteLine(markdown
                ? $"| {p.Province} | {Cell(p.Name)} | {band} | {p.Counties} | {p.WithLocalStandard} | {p.AboveFloor} | {p.BelowFloor} | {p.Lagging} | {Cell(string.Join(", ", p.ItemsAboveFloor))} |"
                : $"  {p.Province} {Clean(p.Name)} (band {band}): {p.Counties} counties, {p.WithLocalStandard} with a local standard, {p.AboveFloor} above the floor, {p.BelowFloor} below, {p.Lagging} lagging" +
                  (p.ItemsAboveFloor.IsEmpty ? "" : $"; above: {string.Join(", ", p.ItemsAboveFloor)}"));
        }

        w.WriteLine();
        Section(w, markdown, "Largest gaps", "levels set away from the national floor, per setting jurisdiction");
        var rank = 0;
        foreach (var g in report.Gaps)
        {
            var against = g.Floor is null ? "(the national standard sets no amount)" : $"vs {Number(g.Floor)}{(g.Ratio is { } r ? $" (×{Number(r, 4)})" : "")}";
            var line = $"{++rank}. {g.Item} {Clean(g.Name.Zh)}: {g.Quantity} {Number(g.Value)} {g.Unit} {against} — set by {g.Jurisdiction} for {g.Counties} counties";
            w.WriteLine(markdown ? MarkdownText.Cell(line) : "  " + line);
        }

        if (report.Gaps.IsEmpty)
        {
            w.WriteLine(markdown ? "none" : "  none");
        }

        if (cells <= MaxCountyCells)
        {
            w.WriteLine();
            Counties(w, report, markdown);
        }
        else
        {
            w.WriteLine();
            w.WriteLine($"({cells} county × item rows: narrow with --province or --item to list them here, or use --format csv or json.)");
        }

        if (report.Cost is { } cost)
        {
            w.WriteLine();
            Cost(w, cost, markdown);
        }
    }

    private static void Counties(TextWriter w, EqualizationReport report, bool markdown)
    {
        Section(w, markdown, "Counties", "each county × item: defining jurisdiction, status, levels (value / floor)");
        if (markdown)
        {
            w.WriteLine("| county | name | item | jurisdiction | status | non-hukou | levels |");
            w.WriteLine("|---|---|---|---|---|---|---|");
        }

        foreach (var county in report.Counties)
        {
            foreach (var item in county.Items)
            {
                var levels = string.Join("; ", item.Quantities.Select(q => $"{q.Name} {Number(q.Value)} / {(q.Floor is null ? "—" : Number(q.Floor))} {q.Unit}"));
                var lag = item.LagsNational ? " lags" : "";
                w.WriteLine(markdown
                    ? $"| {county.County} | {Cell(county.Name)} | `{item.Item}` | {item.Jurisdiction} | {Status(item.Status)}{lag} | {Coverage(item.NonHukou)} | {Cell(levels)} |"
                    : $"  {county.County} {Clean(county.Name)} {item.Item} [{item.Jurisdiction}] {Status(item.Status)}{lag}, non-hukou {Coverage(item.NonHukou)}{(levels.Length > 0 ? ": " + levels : "")}");
            }
        }
    }

    private static void Cost(TextWriter w, CostReport cost, bool markdown)
    {
        Section(w, markdown, "Cost under the rules", $"{cost.Records} population lines, {Number(cost.Residents)} residents; annual CNY; the centre pays its share of the national basic standard, the part above it is local");
        var header = "| scope | residents | annual | centre | local | unsplit | local per resident |";
        string Row(string scope, CostTotals t) => markdown
            ? $"| {Cell(scope)} | {Number(t.Residents)} | {Number(t.Annual)} | {Number(t.Central)} | {Number(t.Local)} | {Number(t.Unsplit)} | {Number(t.LocalPerResident)} |"
            : $"  {Clean(scope)}: residents {Number(t.Residents)}, annual {Number(t.Annual)}, centre {Number(t.Central)}, local {Number(t.Local)}, unsplit {Number(t.Unsplit)}, local per resident {Number(t.LocalPerResident)}";
        if (markdown)
        {
            w.WriteLine(header);
            w.WriteLine("|---|---|---|---|---|---|---|");
        }

        w.WriteLine(Row("nation", cost.National));
        foreach (var p in cost.Provinces)
        {
            w.WriteLine(Row($"{p.Province} {p.Name}", p.Totals));
        }

        w.WriteLine();
        Section(w, markdown, "Cost per item", "eligible residents and annual amounts");
        if (markdown)
        {
            w.WriteLine(header.Replace("scope", "item", StringComparison.Ordinal).Replace("residents", "eligible", StringComparison.Ordinal));
            w.WriteLine("|---|---|---|---|---|---|---|");
        }

        foreach (var i in cost.Items)
        {
            w.WriteLine(Row($"{i.Item} {i.Name.Zh}", i.Totals));
        }

        w.WriteLine();
        Section(w, markdown, "Cost per county and item", "how each split was found");
        foreach (var c in cost.Counties)
        {
            foreach (var l in c.Lines)
            {
                var evidence = l.Evidence is { } e ? $" [{Evidence(e)}]" : "";
                var line = $"{c.County} {l.Item}: eligible {Number(l.Eligible)}, annual {Number(l.Totals.Annual)}, centre {Number(l.Totals.Central)}, local {Number(l.Totals.Local)}, unsplit {Number(l.Totals.Unsplit)}" +
                           (l.Totals.UndeterminedWeight > 0 ? $", undetermined weight {Number(l.Totals.UndeterminedWeight)}" : "") + $" — {l.Basis}{evidence}";
                w.WriteLine(markdown ? "- " + Cell(line) : "  " + Clean(line));
            }
        }

        foreach (var note in cost.NotCosted)
        {
            w.WriteLine(markdown ? $"- not costed: {Cell(note)}" : $"  not costed: {Clean(note)}");
        }
    }

    private static void Section(TextWriter w, bool markdown, string title, string legend) =>
        w.WriteLine(markdown ? $"#### {title}\n\n_{legend}_\n" : $"{title} ({legend})");

    private static int Count(ItemSummary item, EqualizationStatus s) => item.Statuses.GetValueOrDefault(s);

    private static string Percent(decimal share) => (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Cell(string s) => MarkdownText.Cell(s);
}
