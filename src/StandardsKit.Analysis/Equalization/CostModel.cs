using System.Collections.Immutable;
using StandardsKit.Divisions;
using StandardsKit.Engine;
using StandardsKit.Funding;

namespace StandardsKit.Analysis;

/// <summary>
/// The annual cost of the rules for a weighted population, evaluated with the engine and split by each item's
/// funding rule: the centre pays its share of the national basic standard only; the part of a local amount above
/// it is local (国办发〔2018〕6号 as reported by S3). Amounts are annualised by unit: CNY/month × 12, CNY/year × 1,
/// CNY/day × the days a year the funding data give (none given: not costed), CNY (one-off) × 1 per person-year.
/// </summary>
internal static class CostModel
{
    public static CostReport Estimate(Catalog catalog, DateOnly on, IReadOnlyList<PopulationRecord> population, IReadOnlyList<Division> counties,
        IReadOnlySet<string> itemIds, bool filtered)
    {
        var covered = counties.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var lines = new Dictionary<(string County, string Item), Accumulator>();
        var residents = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var notCosted = new SortedSet<string>(StringComparer.Ordinal);
        var outside = 0;
        foreach (var record in population)
        {
            if (catalog.Divisions.Find(record.County) is null)
            {
                throw new ArgumentException($"line {record.Line}: unknown county code '{record.County}'", nameof(population));
            }

            if (!covered.Contains(record.County))
            {
                outside++;
                continue;
            }

            residents[record.County] = residents.GetValueOrDefault(record.County) + record.Weight;
            Evaluation evaluation;
            try
            {
                evaluation = catalog.Prepare(record.County, on, new EvaluationOptions { Explain = false }).Evaluate(record.Resident);
            }
            catch (ResidentException e)
            {
                throw new ArgumentException($"line {record.Line}: {e.Message}", nameof(population), e);
            }

            var items = catalog.ItemsInForce(record.County, on);
            for (var i = 0; i < evaluation.Decisions.Length; i++)
            {
                var decision = evaluation.Decisions[i];
                if (filtered && !itemIds.Contains(decision.Item))
                {
                    continue;
                }

                Add(catalog, on, record, items[i], decision, lines, notCosted);
            }
        }

        if (outside > 0)
        {
            notCosted.Add($"{outside} population line(s) lie outside the counties covered and were left out");
        }

        return Report(catalog, lines, residents, population.Count - outside, notCosted);
    }

    private static void Add(Catalog catalog, DateOnly on, PopulationRecord record, EffectiveItem item, Decision decision,
        Dictionary<(string, string), Accumulator> lines, SortedSet<string> notCosted)
    {
        var money = decision.Level?.Quantities.Where(q => Annualiser.IsMoney(q.Unit)).ToList() ?? [];
        if (decision.Eligible is null && item.Quantities.Any(q => Annualiser.IsMoney(q.Quantity.Unit)))
        {
            var open = Line(lines, record.County, decision.Item);
            open.UndeterminedWeight += record.Weight;
            open.Funding ??= catalog.FundingFor(item, record.County, on);
            return;
        }

        if (decision.Eligible != true || money.Count == 0)
        {
            return;
        }

        var line = Line(lines, record.County, decision.Item);
        var funding = line.Funding ??= catalog.FundingFor(item, record.County, on);
        var national = item.Layers[0].Document.IsNational
            ? ReferenceEvaluation.Evaluate(new EffectiveItem([item.Layers[0]], catalog.Compiled), record.Resident, catalog.Facts, record.County, on)
            : null;
        var costed = false;
        var undetermined = false;
        foreach (var quantity in money)
        {
            if (quantity.Value is not { } value)
            {
                undetermined = true;
                continue;
            }

            if (Annualiser.PerYear(quantity.Unit, funding?.DaysPerYear) is not { } perYear)
            {
                notCosted.Add($"{decision.Item}: {quantity.Name} is in {quantity.Unit}, and no funding data say how many days a year it is paid");
                continue;
            }

            var annual = value * perYear * record.Weight;
            decimal? nationalValue = national is { Eligible: var e, Quantities: var q } && e != null
                ? e == true && q.TryGetValue(quantity.Name, out var amount) ? amount.Determined ? amount.Value ?? 0 : null : 0
                : null;
            line.Add(annual, Split(annual, nationalValue is { } nv ? nv * perYear * record.Weight : null, funding));
            costed = true;
        }

        if (costed)
        {
            line.Eligible += record.Weight;
        }

        // Once per resident and item, however many of its amounts are open, so the figure stays a count of people.
        if (undetermined)
        {
            line.UndeterminedWeight += record.Weight;
        }
    }

    /// <summary>(central, local, unsplit) of an annual amount, given the national basic standard's amount for the same residents.</summary>
    private static (decimal Central, decimal Local, decimal Unsplit) Split(decimal annual, decimal? national, FundingDecision? funding)
    {
        if (funding?.CentralShare is not { } share)
        {
            return (0, 0, annual);
        }

        if (share == 0)
        {
            return (0, annual, 0);
        }

        if (!funding.AboveNationalStandardIsLocal)
        {
            var all = annual * share;
            return (all, annual - all, 0);
        }

        if (national is not { } basic)
        {
            return (0, 0, annual); // the centre's share is of a national amount that cannot be said here
        }

        var central = Math.Min(annual, basic) * share;
        return (central, annual - central, 0);
    }

    private static Accumulator Line(Dictionary<(string, string), Accumulator> lines, string county, string item)
    {
        if (!lines.TryGetValue((county, item), out var line))
        {
            lines[(county, item)] = line = new Accumulator();
        }

        return line;
    }

    private static CostReport Report(Catalog catalog, Dictionary<(string County, string Item), Accumulator> lines, Dictionary<string, decimal> residents,
        int records, SortedSet<string> notCosted)
    {
        var names = new Dictionary<string, Model.LocalizedText>(StringComparer.Ordinal);
        var counties = residents.Keys.Order(StringComparer.Ordinal).Select(county =>
        {
            var costLines = lines.Where(p => p.Key.County == county).OrderBy(p => p.Key.Item, StringComparer.Ordinal)
                .Select(p => p.Value.ToLine(p.Key.Item)).Where(l => l.Totals.Annual != 0 || l.Totals.UndeterminedWeight != 0).ToImmutableArray();
            var totals = costLines.Aggregate(CostTotals.Zero, (t, l) => t.Plus(l.Totals with { Residents = 0 })) with { Residents = residents[county] };
            return new CountyCost(county, county[..2] + "0000", totals, costLines);
        }).ToImmutableArray();

        foreach (var item in catalog.Documents.SelectMany(d => d.Items))
        {
            names.TryAdd(item.Id, item.Name);
        }

        var provinces = counties.GroupBy(c => c.Province, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ProvinceCost(g.Key, catalog.Divisions.Find(g.Key)?.Name ?? g.Key, g.Aggregate(CostTotals.Zero, (t, c) => t.Plus(c.Totals))))
            .ToImmutableArray();
        var items = counties.SelectMany(c => c.Lines).GroupBy(l => l.Item, StringComparer.Ordinal)
            .Select(g => new ItemCost(g.Key, names.GetValueOrDefault(g.Key) ?? new Model.LocalizedText(g.Key, null), g.Aggregate(CostTotals.Zero, (t, l) => t.Plus(l.Totals))))
            .OrderByDescending(i => i.Totals.Annual).ThenBy(i => i.Item, StringComparer.Ordinal).ToImmutableArray();
        var national = provinces.Aggregate(CostTotals.Zero, (t, p) => t.Plus(p.Totals));
        return new CostReport(records, national.Residents, national, provinces, counties, items, [.. notCosted]);
    }

    private sealed class Accumulator
    {
        private decimal _annual, _central, _local, _unsplit;

        public decimal Eligible { get; set; }

        public decimal UndeterminedWeight { get; set; }

        public FundingDecision? Funding { get; set; }

        public void Add(decimal annual, (decimal Central, decimal Local, decimal Unsplit) split)
        {
            _annual += annual;
            _central += split.Central;
            _local += split.Local;
            _unsplit += split.Unsplit;
        }

        public CostLine ToLine(string item) => new(item, Eligible, new CostTotals(Eligible, _annual, _central, _local, _unsplit, UndeterminedWeight),
            Funding?.Category, Funding?.Evidence,
            Funding is null ? "no funding rule" : Funding.Basis + (Funding.AboveNationalStandardIsLocal ? "; the part above the national standard is local" : ""));
    }
}

/// <summary>How an amount in a unit becomes an annual amount per person.</summary>
internal static class Annualiser
{
    public static bool IsMoney(string unit) => unit is "CNY" or "CNY/year" or "CNY/month" or "CNY/day";

    /// <summary>The factor from one unit to a year: 12 for CNY/month, the paid days for CNY/day, 1 for a one-off CNY; null when unknown.</summary>
    public static decimal? PerYear(string unit, int? daysPerYear) => unit switch
    {
        "CNY/year" or "CNY" => 1,
        "CNY/month" => 12,
        "CNY/day" => daysPerYear,
        _ => null,
    };
}
