using System.Collections.Concurrent;
using System.Collections.Immutable;
using StandardsKit.Divisions;
using StandardsKit.Model;

namespace StandardsKit.Engine;

/// <summary>
/// The one notion of parent, shared by evaluation (<see cref="Overlay"/>) and validation (the chain checks run
/// at load time): the parent of a local edition on a date is the chain of editions in force on that date for
/// its jurisdiction's ancestors, national first, from the division list.
/// </summary>
/// <remarks>
/// <c>extends</c> does not choose the parent. It records the edition the author wrote against, which must be an
/// edition of a standard issued for one of those ancestors; when that edition is not (yet, or any longer) the
/// one in force, the items overlay whatever is. Immutable and thread-safe.
/// </remarks>
internal sealed class Parentage(EditionIndex index)
{
    private readonly ConcurrentDictionary<string, ImmutableArray<string>> _ancestors = new(StringComparer.Ordinal);

    public EditionIndex Index => index;

    /// <summary>The jurisdictions above <paramref name="jurisdiction"/>, national first; none above the nation.</summary>
    /// <remarks>A code missing from the division list has only the nation above it (loading reports the code).</remarks>
    public ImmutableArray<string> Ancestors(string jurisdiction) => _ancestors.GetOrAdd(jurisdiction, j =>
        j == DivisionCode.National ? [] : [.. JurisdictionChain.Of(j, index.Divisions).Where(code => code != j).Distinct(StringComparer.Ordinal)]);

    /// <summary>True when <paramref name="candidate"/> lies above <paramref name="jurisdiction"/> on its chain.</summary>
    public bool IsAncestor(string candidate, string jurisdiction) => Ancestors(jurisdiction).Contains(candidate);

    /// <summary>
    /// The parent of <paramref name="edition"/> on <paramref name="on"/>: the editions in force that day for its
    /// jurisdiction's ancestors, national first. Empty when none is (the edition's items then stand alone).
    /// </summary>
    public List<StandardDocument> ParentOf(StandardDocument edition, DateOnly on) =>
        [.. index.InForce(edition.Jurisdiction, on).Where(d => d.Jurisdiction != edition.Jurisdiction)];

    /// <summary>Every edition of every standard issued for an ancestor of <paramref name="jurisdiction"/>, national first.</summary>
    /// <remarks>What an item may implement: item ids are stable across editions, so any edition's id counts.</remarks>
    public IEnumerable<StandardDocument> AncestorEditions(string jurisdiction) => Ancestors(jurisdiction).SelectMany(j => index.IssuedFor(j));

    /// <summary>The first and last day <paramref name="edition"/> is in force; no last day when open-ended.</summary>
    public (DateOnly From, DateOnly? Until) Life(StandardDocument edition) => (edition.EffectiveFrom, index.LastDay(edition));

    /// <summary>The first day both editions are in force, or null when they never are together.</summary>
    public DateOnly? FirstDayTogether(StandardDocument a, StandardDocument b)
    {
        var (aFrom, aUntil) = Life(a);
        var (bFrom, bUntil) = Life(b);
        var from = aFrom > bFrom ? aFrom : bFrom;
        return (aUntil is null || from <= aUntil) && (bUntil is null || from <= bUntil) ? from : null;
    }

    /// <summary>The later editions of <paramref name="edition"/>'s standard, in the order they take effect.</summary>
    public IEnumerable<StandardDocument> Successors(StandardDocument edition) =>
        index.EditionsOf(edition).Where(e => e.EffectiveFrom > edition.EffectiveFrom);

    /// <summary>
    /// An in-force chain (national first, as <see cref="EditionIndex.InForce"/> gives it) split into generations,
    /// one per jurisdiction. The parent of every edition in a generation is exactly the generations before it:
    /// <see cref="ParentOf"/> on the chain's date.
    /// </summary>
    public static List<List<StandardDocument>> Generations(IReadOnlyList<StandardDocument> chain)
    {
        var generations = new List<List<StandardDocument>>();
        foreach (var document in chain)
        {
            if (generations.Count == 0 || generations[^1][0].Jurisdiction != document.Jurisdiction)
            {
                generations.Add([]);
            }

            generations[^1].Add(document);
        }

        return generations;
    }
}
