using StandardsKit.Expressions;
using System.Collections.Immutable;
using StandardsKit.Diagnostics;
using StandardsKit.Divisions;
using StandardsKit.Model;

namespace StandardsKit.Loading;

/// <summary>Checks what no schema can: ids that refer across items and files, and edition dates.</summary>
internal static class ReferenceChecker
{
    public static void Check(IReadOnlyList<StandardDocument> documents, IDivisionDirectory divisions, DiagnosticBag d, IReadOnlySet<string>? unusable = null)
    {
        var byKey = new Dictionary<string, StandardDocument>(StringComparer.Ordinal);
        foreach (var doc in documents)
        {
            if (!byKey.TryAdd(doc.Key, doc))
            {
                d.Error(DiagnosticCodes.DuplicateId, doc.Span, $"standard {doc.Key} is defined twice (also in {byKey[doc.Key].Path})",
                    "give the new edition its own 'edition'");
            }
        }

        // Parents follow the jurisdiction chain, as evaluation does; `extends` only names the edition written against.
        var chains = new ChainChecker(documents, divisions, d);
        foreach (var doc in documents)
        {
            CheckDocument(doc, byKey, divisions, chains, d, unusable ?? new HashSet<string>());
        }

        chains.Check();
        CheckCycles(documents, byKey, d);
        CheckEditionDates(documents, d);
    }

    private static void CheckDocument(StandardDocument doc, Dictionary<string, StandardDocument> byKey, IDivisionDirectory divisions, ChainChecker chains,
        DiagnosticBag d, IReadOnlySet<string> unusable)
    {
        if (!doc.IsNational && divisions.Find(doc.Jurisdiction) is null)
        {
            d.Error(DiagnosticCodes.UnknownJurisdiction, doc.Span, $"jurisdiction {doc.Jurisdiction} is not in the division list",
                Nearest(doc.Jurisdiction, divisions));
        }

        StandardDocument? parent = null;
        // A parent that failed its own checks has reported what to fix; "not loaded" on top would only add noise.
        if (doc.Extends is { } extends && !byKey.TryGetValue(extends, out parent) && !unusable.Contains(extends))
        {
            d.Error(DiagnosticCodes.UnknownParent, doc.Span, $"extends {extends}, which is not loaded",
                Suggestions.DidYouMean(extends, byKey.Keys) ?? "load the parent standard too, or fix the id@edition");
        }
        else if (!doc.IsNational && doc.Extends is null)
        {
            d.Error(DiagnosticCodes.UnknownParent, doc.Span, "a local standard must say which standard it implements",
                "add 'extends: cn-national@2023' (or the edition it was written against)");
        }

        if (doc.Supersedes is { } supersedes && !byKey.ContainsKey(supersedes))
        {
            d.Warning(DiagnosticCodes.UnknownParent, doc.Span, $"supersedes {supersedes}, which is not loaded", null);
        }

        var taxonomy = doc.Areas.IsEmpty && parent is not null ? RootTaxonomy(parent, byKey) : doc.Areas;

        // A parent that inherits its taxonomy from an ancestor that did not load (a broken national edition under a
        // provincial header) leaves the taxonomy unknown: that ancestor reported what to fix.
        var inheritsFromUnloaded = doc.Areas.IsEmpty && parent is not null && taxonomy.IsEmpty;
        var sourceIds = doc.Sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        CheckSources(doc.Provenance, doc.Span, sourceIds, d);

        var ids = new Dictionary<string, ServiceItem>(StringComparer.Ordinal);
        foreach (var item in doc.Items)
        {
            if (!ids.TryAdd(item.Id, item))
            {
                d.Error(DiagnosticCodes.DuplicateId, item.Span, $"item id '{item.Id}' is used twice in {doc.Key}", "item ids must be unique in an edition");
            }

            // Without its parent loaded, a local standard's inherited taxonomy is unknown; SK0203 already says so.
            var taxonomyKnown = (!doc.Areas.IsEmpty || parent is not null || doc.Extends is null) && !inheritsFromUnloaded;
            if (item.Area is { } areaId && taxonomyKnown)
            {
                var area = taxonomy.FirstOrDefault(a => a.Id == areaId);
                if (area is null)
                {
                    d.Error(DiagnosticCodes.UnknownArea, item.Span, $"item '{item.Id}' names unknown area '{areaId}'",
                        Suggestions.DidYouMean(areaId, taxonomy.Select(a => a.Id)) ?? "areas: " + string.Join(", ", taxonomy.Select(a => a.Id)));
                }
                else if (item.Category is { } categoryId && area.Categories.All(c => c.Id != categoryId))
                {
                    d.Error(DiagnosticCodes.UnknownCategory, item.Span, $"item '{item.Id}' names category '{categoryId}', which is not in area '{areaId}'",
                        Suggestions.DidYouMean(categoryId, area.Categories.Select(c => c.Id)) ?? "categories: " + string.Join(", ", area.Categories.Select(c => c.Id)));
                }
            }

            // Ids colliding along the chain are ChainChecker's; here only what an item implements.
            if (item.Implements is { } target)
            {
                var implementable = chains.ImplementableIds(doc.Jurisdiction);
                if (parent is not null && !implementable.Contains(target))
                {
                    d.Error(DiagnosticCodes.UnknownImplements, item.Span,
                        $"item '{item.Id}' implements '{target}', which no standard above {doc.Jurisdiction} defines (it extends {parent.Key})",
                        Suggestions.DidYouMean(target, implementable));
                }
            }
            else if (!doc.IsNational && item.Kind != ItemKind.Local)
            {
                d.Error(DiagnosticCodes.UnknownImplements, item.Span, $"local item '{item.Id}' neither implements a national item nor is 'kind: local'",
                    "add 'implements: <national item id>' or 'kind: local'");
            }

            CheckSources(item.Provenance, item.Span, sourceIds, d);
            foreach (var field in item.Fields.Values)
            {
                CheckSources(field.Provenance, item.Span, sourceIds, d);
            }

            CheckSources(item.Eligibility?.Provenance, item.Eligibility?.Span, sourceIds, d);
            CheckSources(item.Level?.Provenance, item.Level?.Span, sourceIds, d);
        }
    }

    private static ImmutableArray<Area> RootTaxonomy(StandardDocument doc, Dictionary<string, StandardDocument> byKey)
    {
        for (var guard = 0; guard < 16 && doc.Areas.IsEmpty && doc.Extends is { } e && byKey.TryGetValue(e, out var parent); guard++)
        {
            doc = parent;
        }

        return doc.Areas;
    }

    internal static void CheckSources(Provenance? provenance, SourceSpan? at, HashSet<string> known, DiagnosticBag d)
    {
        foreach (var id in provenance?.Sources ?? [])
        {
            if (!known.Contains(id))
            {
                d.Error(DiagnosticCodes.UnknownSource, at, $"provenance cites source '{id}', which the document's 'sources' list lacks",
                    Suggestions.DidYouMean(id, known) ?? "add it under 'sources:' with its title and url");
            }
        }
    }

    private static void CheckCycles(IReadOnlyList<StandardDocument> documents, Dictionary<string, StandardDocument> byKey, DiagnosticBag d)
    {
        foreach (var doc in documents)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { doc.Key };
            var current = doc;
            while (current.Extends is { } e && byKey.TryGetValue(e, out var next))
            {
                if (!seen.Add(next.Key))
                {
                    d.Error(DiagnosticCodes.CyclicExtends, doc.Span, $"{doc.Key} extends itself through {string.Join(" → ", seen)} → {next.Key}",
                        "a local standard extends its parent; the national standard extends nothing");
                    break;
                }

                current = next;
            }
        }
    }

    private static void CheckEditionDates(IReadOnlyList<StandardDocument> documents, DiagnosticBag d)
    {
        foreach (var group in documents.GroupBy(x => x.Id, StringComparer.Ordinal))
        {
            var editions = group.OrderBy(x => x.EffectiveFrom).ToList();
            if (editions.Select(e => e.Jurisdiction).Distinct(StringComparer.Ordinal).Count() > 1)
            {
                d.Error(DiagnosticCodes.DuplicateId, editions[^1].Span, $"standard id '{group.Key}' is used for more than one jurisdiction",
                    "use one id per jurisdiction, e.g. cn-31 for Shanghai");
            }

            for (var i = 1; i < editions.Count; i++)
            {
                var earlier = editions[i - 1];
                var later = editions[i];
                if (earlier.EffectiveFrom == later.EffectiveFrom || earlier.EffectiveUntil >= later.EffectiveFrom)
                {
                    d.Error(DiagnosticCodes.OverlappingEditions, later.Span,
                        $"{later.Key} takes effect {ExpressionLimits.Iso(later.EffectiveFrom)}, while {earlier.Key} is still in force then",
                        $"end {earlier.Key} before {ExpressionLimits.Iso(later.EffectiveFrom)} (effectiveUntil) or move this edition's effectiveFrom");
                }
            }
        }
    }

    private static string Nearest(string code, IDivisionDirectory divisions) =>
        "nearest known: " + string.Join(", ", JurisdictionChain.Nearest(code, divisions).Select(x => $"{x.Code} {x.Name}"));
}
