using StandardsKit.Diagnostics;
using StandardsKit.Divisions;
using StandardsKit.Engine;
using StandardsKit.Model;

namespace StandardsKit.Loading;

/// <summary>
/// The checks that follow the jurisdiction chain, the same <see cref="Parentage"/> evaluation overlays along:
/// what <c>extends</c> may name, item ids that would collide on one chain, and a local edition's dates against
/// the parent edition it was written for.
/// </summary>
internal sealed class ChainChecker
{
    private readonly Dictionary<StandardDocument, Dictionary<string, ServiceItem>> _itemsById = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, Dictionary<string, string>> _implementsAbove = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<StandardDocument> _documents;
    private readonly Dictionary<string, StandardDocument> _byKey = new(StringComparer.Ordinal);
    private readonly Parentage _parentage;
    private readonly DiagnosticBag _d;

    /// <summary>A checker for one set of editions; an edition defined twice counts once (SK0205 reports the second).</summary>
    public ChainChecker(IReadOnlyList<StandardDocument> documents, IDivisionDirectory divisions, DiagnosticBag d)
    {
        foreach (var doc in documents)
        {
            _byKey.TryAdd(doc.Key, doc);
        }

        _documents = documents;
        _parentage = new Parentage(new EditionIndex(_byKey.Values, divisions));
        _d = d;
    }

    /// <summary>Runs every chain check on every edition.</summary>
    public void Check()
    {
        foreach (var doc in _documents)
        {
            if (doc.Extends is { } extends && _byKey.TryGetValue(extends, out var parent) && CheckExtends(doc, parent))
            {
                CheckStart(doc, parent);
                CheckSuperseded(doc, parent);
            }

            CheckCollisions(doc);
        }
    }

    /// <summary>Item ids of every standard above <paramref name="jurisdiction"/>, in any edition: what its items may implement.</summary>
    public IReadOnlyCollection<string> ImplementableIds(string jurisdiction) => ImplementsAbove(jurisdiction).Keys;

    /// <summary><c>extends</c> must name an edition of a standard issued for a jurisdiction above this one.</summary>
    private bool CheckExtends(StandardDocument doc, StandardDocument parent)
    {
        if (_parentage.IsAncestor(parent.Jurisdiction, doc.Jurisdiction))
        {
            return true;
        }

        var at = doc.ExtendsSpan ?? doc.Span;
        if (doc.IsNational)
        {
            _d.Error(DiagnosticCodes.UnknownParent, at, $"{doc.Key} is a national standard, yet extends {parent.Key}",
                "remove 'extends': the national standard has no parent");
        }
        else if (_parentage.Index.Divisions.Find(doc.Jurisdiction) is not null)
        {
            var chain = string.Join(" → ", _parentage.Ancestors(doc.Jurisdiction).Append(doc.Jurisdiction));
            var candidates = _parentage.AncestorEditions(doc.Jurisdiction).Select(e => e.Key).ToList();
            _d.Error(DiagnosticCodes.UnknownParent, at,
                $"{doc.Key} extends {parent.Key}, which is issued for {parent.Jurisdiction}, not for a jurisdiction above {doc.Jurisdiction} ({chain})",
                candidates.Count == 0
                    ? "load the national standard and extend the edition the local standard was written against"
                    : "extend the edition it was written against, one of: " + string.Join(", ", candidates));
        }

        // An unknown jurisdiction has no chain to check against; SK0208 says so.
        return false;
    }

    /// <summary>A local edition that takes effect before the parent edition it extends (or when none of its standard is in force).</summary>
    private void CheckStart(StandardDocument doc, StandardDocument parent)
    {
        var from = doc.EffectiveFrom;
        var parentStandardInForce = EditionIndex.EditionInForce(_parentage.Index.EditionsOf(parent), from);
        if (parent.EffectiveFrom <= from && parentStandardInForce is not null)
        {
            return;
        }

        var overlaid = _parentage.ParentOf(doc, from);
        var what = overlaid.Count == 0 ? "overlay nothing and stand alone" : "overlay only " + string.Join(" and ", overlaid.Select(x => x.Key));
        var at = doc.EffectiveFromSpan ?? doc.Span;
        if (parent.EffectiveFrom > from)
        {
            _d.Warning(DiagnosticCodes.EditionBeforeParent, at,
                $"{doc.Key} takes effect {Day(from)}, before its parent {parent.Key} ({Day(parent.EffectiveFrom)}); until then its items {what}",
                parentStandardInForce is { } earlier
                    ? $"extend {earlier.Key}, the edition in force on {Day(from)}, or move effectiveFrom to {Day(parent.EffectiveFrom)} or later"
                    : $"move effectiveFrom to {Day(parent.EffectiveFrom)} or later; if it really took effect first, make sure its items are complete on their own");
        }
        else
        {
            _d.Warning(DiagnosticCodes.EditionBeforeParent, at,
                $"{doc.Key} takes effect {Day(from)}, when no edition of {parent.Id} is in force ({parent.Key} ended {Day(_parentage.Life(parent).Until!.Value)}); its items {what}",
                "extend the edition in force on that day, or correct the dates");
        }
    }

    /// <summary>A notice when the extended edition is superseded (or ends) while the local edition is still in force.</summary>
    private void CheckSuperseded(StandardDocument doc, StandardDocument parent)
    {
        var (from, until) = _parentage.Life(doc);
        if (_parentage.Life(parent).Until is not { } ends || (until is { } last && ends >= last))
        {
            return;
        }

        var at = doc.ExtendsSpan ?? doc.Span;
        var next = _parentage.Successors(parent).Where(s => until is null || s.EffectiveFrom <= until).ToList();
        if (next.Count == 0)
        {
            _d.Info(DiagnosticCodes.ParentSuperseded, at,
                $"{doc.Key} extends {parent.Key}, which ends {Day(ends)} while {doc.Key} is still in force; from {Day(ends.AddDays(1))} its items overlay no edition of {parent.Id}",
                "check the dates, or extend the standard that replaces it");
            return;
        }

        var first = next[0];
        var then = next.Count == 1 ? "" : " (then " + string.Join(", ", next.Skip(1).Select(s => $"{s.Key} from {Day(s.EffectiveFrom)}")) + ")";
        var newer = next.Count == 1 ? first.Key : "those editions";
        var consequence = first.EffectiveFrom <= from
            ? $", before {doc.Key} takes effect; its items overlay {newer} throughout"
            : $"; its items overlay {newer} from then on";
        _d.Info(DiagnosticCodes.ParentSuperseded, at,
            $"{doc.Key} extends {parent.Key}, which {first.Key} supersedes from {Day(first.EffectiveFrom)}{then}{consequence}",
            $"the floor is checked against the edition in force on each date; when the local standard is revised against {next[^1].Key}, update 'extends'");
    }

    /// <summary>
    /// An item id must be unique among all editions that can be in force together on one chain: ancestors'
    /// standards and the other standards of the same jurisdiction. Successive editions of one standard reuse ids
    /// by design; an item may reuse an id only to overlay that very item.
    /// </summary>
    private void CheckCollisions(StandardDocument doc)
    {
        var others = _parentage.AncestorEditions(doc.Jurisdiction)
            .Concat(_parentage.Index.IssuedFor(doc.Jurisdiction).Where(o => IsLater(doc, o)))
            .Where(o => o.Id != doc.Id);
        var reported = new HashSet<(string, string)>();
        foreach (var other in others)
        {
            if (_parentage.FirstDayTogether(doc, other) is not { } together)
            {
                continue;
            }

            var theirs = ItemsById(other);
            foreach (var item in doc.Items)
            {
                if (!theirs.TryGetValue(item.Id, out var their) || Overlays(doc.Jurisdiction, item, their) || !reported.Add((item.Id, other.Id)))
                {
                    continue;
                }

                var owner = other.IsNational ? "the national item" : $"the item of {other.Key}";
                _d.Error(DiagnosticCodes.DuplicateId, item.Span,
                    $"item id '{item.Id}' is also an item of {other.Key} ({their.Span?.ToString() ?? other.Path}); both are in force in {doc.Jurisdiction} from {Day(together)}, so one would hide the other",
                    item.Implements is { } target
                        ? $"rename it: it implements '{target}', while {other.Key} uses '{item.Id}' for another item"
                        : $"rename it, or write 'implements: {item.Id}' to overlay {owner}");
            }
        }
    }

    /// <summary>True when <paramref name="item"/> implements <paramref name="their"/> item (by its id or its root), so sharing the id is one item in layers.</summary>
    private bool Overlays(string jurisdiction, ServiceItem item, ServiceItem their)
    {
        if (item.Implements is not { } target)
        {
            return false;
        }

        var above = ImplementsAbove(jurisdiction);
        return Root(target, above) == (their.Implements is { } t ? Root(t, above) : their.Id);
    }

    private static string Root(string id, Dictionary<string, string> implementsOf)
    {
        for (var guard = 0; guard < 16 && implementsOf.TryGetValue(id, out var next) && next.Length > 0; guard++)
        {
            id = next;
        }

        return id;
    }

    /// <summary>For every item id above <paramref name="jurisdiction"/>: what it implements ("" for a root), national first.</summary>
    private Dictionary<string, string> ImplementsAbove(string jurisdiction)
    {
        if (!_implementsAbove.TryGetValue(jurisdiction, out var map))
        {
            map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var item in _parentage.AncestorEditions(jurisdiction).SelectMany(e => e.Items))
            {
                map.TryAdd(item.Id, item.Implements ?? "");
            }

            _implementsAbove[jurisdiction] = map;
        }

        return map;
    }

    private Dictionary<string, ServiceItem> ItemsById(StandardDocument document)
    {
        if (!_itemsById.TryGetValue(document, out var items))
        {
            items = document.Items.DistinctBy(i => i.Id, StringComparer.Ordinal).ToDictionary(i => i.Id, StringComparer.Ordinal);
            _itemsById[document] = items;
        }

        return items;
    }

    // Of two standards of one jurisdiction, the one that takes effect later (then by file) carries the finding.
    private static bool IsLater(StandardDocument doc, StandardDocument other)
    {
        var byDate = doc.EffectiveFrom.CompareTo(other.EffectiveFrom);
        var byPath = string.CompareOrdinal(doc.Path, other.Path);
        return byDate != 0 ? byDate > 0 : byPath != 0 ? byPath > 0 : string.CompareOrdinal(doc.Key, other.Key) > 0;
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
