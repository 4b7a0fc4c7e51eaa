using System.Globalization;
using System.Text.Json;
using StandardsKit.Analysis;
using StandardsKit.Funding;
using static StandardsKit.Cli.Output.EqualizationNames;

namespace StandardsKit.Cli.Output;

/// <summary>
/// <c>equalization --format json</c>: compact JSON (a national run has ~230,000 county × item rows). Documented in
/// docs/equalization.md; add fields freely, never rename or remove one.
/// </summary>
internal static class EqualizationJson
{
    public static void Write(TextWriter target, EqualizationReport report)
    {
        // Streamed county by county: a national report is tens of megabytes, so it is never held twice in memory.
        using var buffer = new MemoryStream();
        using var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        void Drain()
        {
            w.Flush();
            target.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            buffer.SetLength(0);
        }

        w.WriteStartObject();
        w.WriteString("on", report.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString("nationalStandard", report.NationalStandard);
        if (report.Within is { } within)
        {
            w.WriteString("within", within);
        }
        else
        {
            w.WriteNull("within");
        }

        w.WriteStartArray("counties");
        foreach (var county in report.Counties)
        {
            County(w, county);
            Drain();
        }

        w.WriteEndArray();
        w.WriteStartArray("items");
        foreach (var item in report.Items)
        {
            Item(w, item);
        }

        w.WriteEndArray();
        w.WriteStartArray("provinces");
        foreach (var p in report.Provinces)
        {
            w.WriteStartObject();
            w.WriteString("province", p.Province);
            w.WriteString("name", p.Name);
            w.WriteNumberOrNull("fiscalBand", p.FiscalBand);
            w.WriteNumber("counties", p.Counties);
            w.WriteNumber("withLocalStandard", p.WithLocalStandard);
            w.WriteNumber("aboveFloor", p.AboveFloor);
            w.WriteNumber("belowFloor", p.BelowFloor);
            w.WriteNumber("lagging", p.Lagging);
            w.WriteStrings("itemsAboveFloor", p.ItemsAboveFloor);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("gaps");
        foreach (var g in report.Gaps)
        {
            w.WriteStartObject();
            w.WriteString("item", g.Item);
            w.WriteText("name", g.Name);
            w.WriteString("quantity", g.Quantity);
            w.WriteString("unit", g.Unit);
            w.WriteString("jurisdiction", g.Jurisdiction);
            w.WriteNumber("value", g.Value);
            w.WriteNumberOrNull("floor", g.Floor);
            w.WriteNumberOrNull("ratio", g.Ratio);
            w.WriteNumber("counties", g.Counties);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (report.Cost is { } cost)
        {
            Cost(w, cost);
        }

        w.WriteEndObject();
        Drain();
        target.WriteLine();
    }

    private static void County(Utf8JsonWriter w, CountyRow county)
    {
        w.WriteStartObject();
        w.WriteString("county", county.County);
        w.WriteString("name", county.Name);
        w.WriteString("province", county.Province);
        w.WriteNumberOrNull("fiscalBand", county.FiscalBand);
        w.WriteStrings("chain", county.Chain.Select(l => $"{l.Standard}@{l.Edition}"));
        w.WriteStrings("lagging", county.Lagging);
        w.WriteStartArray("items");
        foreach (var item in county.Items)
        {
            w.WriteStartObject();
            w.WriteString("item", item.Item);
            w.WriteString("jurisdiction", item.Jurisdiction);
            w.WriteString("status", Status(item.Status));
            w.WriteBoolean("lagsNational", item.LagsNational);
            w.WriteString("nonHukou", Coverage(item.NonHukou));
            if (!item.Above.IsEmpty)
            {
                w.WriteStrings("above", item.Above);
            }

            if (!item.Quantities.IsEmpty)
            {
                w.WriteStartArray("quantities");
                foreach (var q in item.Quantities)
                {
                    w.WriteStartObject();
                    w.WriteString("name", q.Name);
                    w.WriteString("unit", q.Unit);
                    w.WriteNumberOrNull("value", q.Value);
                    w.WriteNumberOrNull("floor", q.Floor);
                    w.WriteNumberOrNull("ratio", q.Ratio);
                    w.WriteStartArray("values");
                    foreach (var v in q.Values)
                    {
                        w.WriteNumberValue(v);
                    }

                    w.WriteEndArray();
                    w.WriteString("jurisdiction", q.Jurisdiction);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Item(Utf8JsonWriter w, ItemSummary item)
    {
        w.WriteStartObject();
        w.WriteString("item", item.Item);
        w.WriteText("name", item.Name);
        w.WriteNumber("counties", item.Counties);
        w.WriteStartObject("statuses");
        foreach (var s in Statuses)
        {
            w.WriteNumber(Status(s), item.Statuses.GetValueOrDefault(s));
        }

        w.WriteEndObject();
        w.WriteNumber("shareAboveFloor", item.ShareAboveFloor);
        w.WriteNumber("lagging", item.Lagging);
        w.WriteStartObject("nonHukou");
        foreach (var c in Coverages)
        {
            w.WriteNumber(Coverage(c), item.NonHukou.GetValueOrDefault(c));
        }

        w.WriteEndObject();
        w.WriteStartArray("quantities");
        foreach (var q in item.Quantities)
        {
            w.WriteStartObject();
            w.WriteString("name", q.Name);
            w.WriteString("unit", q.Unit);
            w.WriteNumberOrNull("floor", q.Floor);
            w.WriteNumber("counties", q.Counties);
            w.WriteNumber("min", q.Min);
            w.WriteNumber("median", q.Median);
            w.WriteNumber("max", q.Max);
            w.WriteNumber("aboveFloor", q.AboveFloor);
            w.WriteStartArray("levels");
            foreach (var (level, counties) in q.Levels)
            {
                w.WriteStartObject();
                w.WriteNumber("level", level);
                w.WriteNumber("counties", counties);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (item.Funding is { } f)
        {
            Funding(w, f);
        }
        else
        {
            w.WriteNull("funding");
        }

        w.WriteEndObject();
    }

    private static void Funding(Utf8JsonWriter w, FundingDecision f)
    {
        w.WriteStartObject("funding");
        w.WriteString("plan", f.Plan.Id);
        w.WriteString("category", Category(f.Category));
        if (f.PlanItem is { } p)
        {
            w.WriteStartObject("planItem");
            w.WriteNumber("number", p.Number);
            w.WriteText("name", p.Name);
            w.WriteString("group", p.Group);
            w.WriteString("groupEvidence", Evidence(p.Provenance.Evidence));
            w.WriteEndObject();
        }

        w.WriteString("evidence", Evidence(f.Evidence));

        w.WriteEndObject();
    }

    private static void Cost(Utf8JsonWriter w, CostReport cost)
    {
        w.WriteStartObject("cost");
        w.WriteNumber("records", cost.Records);
        w.WriteNumber("residents", cost.Residents);
        Totals(w, "national", cost.National);
        w.WriteStartArray("provinces");
        foreach (var p in cost.Provinces)
        {
            w.WriteStartObject();
            w.WriteString("province", p.Province);
            w.WriteString("name", p.Name);
            Totals(w, "totals", p.Totals);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("items");
        foreach (var i in cost.Items)
        {
            w.WriteStartObject();
            w.WriteString("item", i.Item);
            w.WriteText("name", i.Name);
            Totals(w, "totals", i.Totals);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("counties");
        foreach (var c in cost.Counties)
        {
            w.WriteStartObject();
            w.WriteString("county", c.County);
            w.WriteString("province", c.Province);
            Totals(w, "totals", c.Totals);
            w.WriteStartArray("lines");
            foreach (var l in c.Lines)
            {
                w.WriteStartObject();
                w.WriteString("item", l.Item);
                w.WriteNumber("eligible", l.Eligible);
                Totals(w, "totals", l.Totals);
                w.WriteString("category", l.Category is { } cat ? Category(cat) : null);
                w.WriteString("evidence", l.Evidence is { } e ? Evidence(e) : null);
                w.WriteString("basis", l.Basis);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStrings("notCosted", cost.NotCosted);
        w.WriteEndObject();
    }

    private static void Totals(Utf8JsonWriter w, string name, CostTotals t)
    {
        w.WriteStartObject(name);
        w.WriteNumber("residents", t.Residents);
        w.WriteNumber("annual", t.Annual);
        w.WriteNumber("central", t.Central);
        w.WriteNumber("local", t.Local);
        w.WriteNumber("unsplit", t.Unsplit);
        w.WriteNumber("localPerResident", t.LocalPerResident);
        w.WriteNumber("undeterminedWeight", t.UndeterminedWeight);
        w.WriteEndObject();
    }
}
