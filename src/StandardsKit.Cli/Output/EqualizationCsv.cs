using StandardsKit.Analysis;
using static StandardsKit.Cli.Output.EqualizationNames;

namespace StandardsKit.Cli.Output;

/// <summary>
/// <c>equalization --format csv</c>: one row per county × item × quantity (an item without quantities has one row
/// with the quantity columns empty). With a population, the item's cost columns fill its first row only, so that
/// summing a column never counts an amount twice.
/// </summary>
internal static class EqualizationCsv
{
    private static readonly string[] Header =
    [
        "county", "name", "province", "fiscalBand", "item", "jurisdiction", "status", "lagsNational", "nonHukou",
        "quantity", "unit", "value", "floor", "ratio", "eligible", "annual", "central", "local", "unsplit",
    ];

    public static void Write(TextWriter w, EqualizationReport report)
    {
        w.WriteLine(string.Join(",", Header));
        var costs = report.Cost?.Counties.SelectMany(c => c.Lines.Select(l => (c.County, Line: l))).ToDictionary(p => (p.County, p.Line.Item), p => p.Line);
        foreach (var county in report.Counties)
        {
            foreach (var item in county.Items)
            {
                var prefix = new[]
                {
                    county.County, county.Name, county.Province, Number(county.FiscalBand), item.Item, item.Jurisdiction, Status(item.Status),
                    item.LagsNational ? "true" : "false", Coverage(item.NonHukou),
                };
                CostLine? cost = costs is not null && costs.TryGetValue((county.County, item.Item), out var c) ? c : null;
                var costCells = cost is null
                    ? new[] { "", "", "", "", "" }
                    : [Number(cost.Eligible), Number(cost.Totals.Annual), Number(cost.Totals.Central), Number(cost.Totals.Local), Number(cost.Totals.Unsplit)];
                if (item.Quantities.IsEmpty)
                {
                    Row(w, [.. prefix, "", "", "", "", "", .. costCells]);
                    continue;
                }

                foreach (var q in item.Quantities)
                {
                    Row(w, [.. prefix, q.Name, q.Unit, Number(q.Value), Number(q.Floor), Number(q.Ratio, 4), .. costCells]);
                    costCells = ["", "", "", "", ""];
                }
            }
        }
    }

    private static void Row(TextWriter w, string[] cells) => w.WriteLine(string.Join(",", cells.Select(Quote)));

    /// <summary>RFC 4180 quoting, and a leading ' before a cell a spreadsheet would run as a formula (<see cref="CsvCell"/>).</summary>
    private static string Quote(string cell) => CsvCell.Of(cell);
}
