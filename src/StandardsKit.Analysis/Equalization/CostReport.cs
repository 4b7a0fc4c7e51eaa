using System.Collections.Immutable;
using StandardsKit.Funding;
using StandardsKit.Model;

namespace StandardsKit.Analysis;

/// <summary>
/// The annual cost of the rules for a weighted population, split between the centre and local government by each
/// item's funding rule and the county's fiscal band (docs/equalization.md states the rules).
/// </summary>
/// <param name="Records">Population lines evaluated.</param>
/// <param name="Residents">Their total weight.</param>
/// <param name="National">Totals for the nation (the counties covered).</param>
/// <param name="Provinces">Totals per province, in code order.</param>
/// <param name="Counties">Per county: its residents, totals and one line per item with a cost, in code order.</param>
/// <param name="Items">Totals per item, most expensive first.</param>
/// <param name="NotCosted">Items with an amount that could not be annualised, with the reason.</param>
public sealed record CostReport(int Records, decimal Residents, CostTotals National, ImmutableArray<ProvinceCost> Provinces,
    ImmutableArray<CountyCost> Counties, ImmutableArray<ItemCost> Items, ImmutableArray<string> NotCosted);

/// <summary>Annual amounts in CNY. <see cref="Central"/> + <see cref="Local"/> + <see cref="Unsplit"/> = <see cref="Annual"/>.</summary>
/// <param name="Residents">The weight of the residents these totals are for.</param>
/// <param name="Annual">The annual amount.</param>
/// <param name="Central">The part the centre pays.</param>
/// <param name="Local">The part local government pays.</param>
/// <param name="Unsplit">The part whose payer no source decides (factor allocation, an unknown band or ratio).</param>
/// <param name="UndeterminedWeight">Weight of resident-item pairs left out because eligibility or the amount depends on facts the file does not give.</param>
public sealed record CostTotals(decimal Residents, decimal Annual, decimal Central, decimal Local, decimal Unsplit, decimal UndeterminedWeight)
{
    /// <summary>The local part per resident (0 without residents).</summary>
    public decimal LocalPerResident => Residents == 0 ? 0 : decimal.Round(Local / Residents, 2);

    internal static CostTotals Zero { get; } = new(0, 0, 0, 0, 0, 0);

    internal CostTotals Plus(CostTotals o) =>
        new(Residents + o.Residents, Annual + o.Annual, Central + o.Central, Local + o.Local, Unsplit + o.Unsplit, UndeterminedWeight + o.UndeterminedWeight);
}

/// <summary>One item's cost in one county.</summary>
/// <param name="Item">Item id.</param>
/// <param name="Eligible">Weight of the residents who qualify.</param>
/// <param name="Totals">Its amounts (Residents is the eligible weight).</param>
/// <param name="Category">The funding category applied, or null without a funding rule.</param>
/// <param name="Evidence">The weakest evidence behind the split, or null without a funding rule.</param>
/// <param name="Basis">How the central share was found, and the rule for the part above the national standard.</param>
public sealed record CostLine(string Item, decimal Eligible, CostTotals Totals, FundingCategory? Category, Evidence? Evidence, string Basis);

/// <summary>One county's cost.</summary>
/// <param name="County">Its code.</param>
/// <param name="Province">Its province.</param>
/// <param name="Totals">All items together (Residents is the county's population weight).</param>
/// <param name="Lines">One line per item with a cost.</param>
public sealed record CountyCost(string County, string Province, CostTotals Totals, ImmutableArray<CostLine> Lines);

/// <summary>One province's cost.</summary>
/// <param name="Province">Its code.</param>
/// <param name="Name">Its name.</param>
/// <param name="Totals">All its counties together.</param>
public sealed record ProvinceCost(string Province, string Name, CostTotals Totals);

/// <summary>One item's cost over every county.</summary>
/// <param name="Item">Item id.</param>
/// <param name="Name">Item name.</param>
/// <param name="Totals">Its amounts (Residents is the eligible weight).</param>
public sealed record ItemCost(string Item, LocalizedText Name, CostTotals Totals);
