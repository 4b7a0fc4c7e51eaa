using StandardsKit.Diagnostics;
using StandardsKit.Engine;
using StandardsKit.Model;

namespace StandardsKit.Cli.Output;

/// <summary>One edition as <c>standards</c> lists it: the document, when the next edition of the same standard replaces it, and its evidence counts.</summary>
internal sealed record StandardEditions(StandardDocument Document, DateOnly? SupersededOn, ProvenanceSummary Evidence)
{
    /// <summary>The editions of a catalog, national first, then by jurisdiction, standard and date.</summary>
    public static IReadOnlyList<StandardEditions> Of(Catalog catalog) =>
    [
        .. catalog.Documents
            .OrderBy(d => d.Jurisdiction, StringComparer.Ordinal).ThenBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.EffectiveFrom)
            .Select(d => new StandardEditions(d,
                catalog.Documents.Where(n => n.Id == d.Id && n.EffectiveFrom > d.EffectiveFrom).Select(n => (DateOnly?)n.EffectiveFrom).Min(),
                ProvenanceSummary.For(d))),
    ];
}
