using System.Collections.Immutable;
using StandardsKit.Engine;
using StandardsKit.Model;

namespace StandardsKit.Analysis;

/// <summary>Where an item stands against the national standard in one county.</summary>
public enum FloorStatus
{
    /// <summary>Only the national definition applies.</summary>
    National,

    /// <summary>A local standard implements it at the national level.</summary>
    AtFloor,

    /// <summary>A local standard goes beyond it (needs a fiscal-capacity assessment).</summary>
    AboveFloor,

    /// <summary>A local standard falls below it for some resident (a validation error).</summary>
    BelowFloor,

    /// <summary>An item only a local standard defines.</summary>
    LocalOnly,

    /// <summary>The comparison could not be decided (see the row's notes for why).</summary>
    Unproved,
}

/// <summary>One item of a floor report.</summary>
/// <param name="Item">Item id.</param>
/// <param name="Name">National (or local-only) name.</param>
/// <param name="Jurisdiction">The most specific jurisdiction defining it.</param>
/// <param name="Status">Against the national standard.</param>
/// <param name="NationalLevel">The national quantities on the date, as text (empty for local-only items).</param>
/// <param name="LocalLevel">The effective quantities on the date, as text.</param>
/// <param name="Above">What exceeds the national standard.</param>
public sealed record FloorReportRow(string Item, LocalizedText Name, string Jurisdiction, FloorStatus Status,
    string NationalLevel, string LocalLevel, ImmutableArray<string> Above);

/// <summary>Per item in force in a county: national level, local level, and whether it is at, above or below the floor.</summary>
public static class FloorReport
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Divisions.IDivisionDirectory, CountyDomain> Domains = new();

    /// <summary>Builds the report for a county on a date.</summary>
    /// <exception cref="UnknownDivisionException">The county code is not in the division list.</exception>
    public static ImmutableArray<FloorReportRow> For(Catalog catalog, string county, DateOnly on)
    {
        var rows = ImmutableArray.CreateBuilder<FloorReportRow>();
        foreach (var item in catalog.ItemsInForce(county, on))
        {
            var root = item.Layers[0];
            var local = Describe(item, on);
            if (!root.Document.IsNational)
            {
                rows.Add(new FloorReportRow(item.Id, item.Name, item.Jurisdiction, FloorStatus.LocalOnly, "", local, []));
                continue;
            }

            var national = new EffectiveItem([root], catalog.Compiled);
            var nationalLevel = Describe(national, on);
            if (item.Layers.Length == 1)
            {
                rows.Add(new FloorReportRow(item.Id, item.Name, item.Jurisdiction, FloorStatus.National, nationalLevel, nationalLevel, []));
                continue;
            }

            // The same decision procedure as `validate`, for this one county on this one day.
            var comparison = FloorObligation.Check(national, item, catalog.Facts, on, [county], Domains.GetValue(catalog.Divisions, d => new CountyDomain(d)).Preferred(county), multiDay: false);
            var status = comparison.Status switch
            {
                ProofStatus.Violated => FloorStatus.BelowFloor,
                ProofStatus.Unsupported => FloorStatus.Unproved,
                _ => comparison.Above.IsEmpty ? FloorStatus.AtFloor : FloorStatus.AboveFloor,
            };
            var notes = comparison.Status == ProofStatus.Unsupported ? [$"not decided: {comparison.Reason}"] : comparison.Above;
            rows.Add(new FloorReportRow(item.Id, item.Name, item.Jurisdiction, status, nationalLevel, local, notes));
        }

        return rows.ToImmutable();
    }

    private static string Describe(EffectiveItem item, DateOnly on) => string.Join("; ", item.Quantities.Select(p =>
    {
        var q = p.Quantity;
        var values = q.Tiers.Select(t => (t.When is null ? "" : $"{t.When}: ") + (t.ValueOn(on) is { } v ? FloorObligation.Show(v) : "—"));
        return $"{q.Name} {(q.AtLeast ? "≥" : "")}{string.Join(", ", values)} {q.Unit}";
    }));
}
