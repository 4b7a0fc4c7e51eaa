using System.Collections.Immutable;
using StandardsKit.Analysis;
using StandardsKit.Engine;
using StandardsKit.Expressions;
using StandardsKit.Model;

namespace StandardsKit.Diff;

/// <summary>
/// Compares two revisions of standards by meaning, not by lines: items matched by id; levels compared per
/// quantity and tier, each side on its own effective date; eligibility compared over the same finite resident
/// space as the floor proof, with residents who gain and who lose; texts diffed inline.
/// </summary>
public static class SemanticDiff
{
    private const int MaxExamples = 3;

    /// <summary>Compares two sets of standard editions, pairing editions of the same standard id.</summary>
    /// <param name="oldSide">The old revision's editions.</param>
    /// <param name="newSide">The new revision's editions.</param>
    /// <param name="oldFacts">The fact vocabulary the old side's rules were compiled against.</param>
    /// <param name="newFacts">The fact vocabulary the new side's rules were compiled against.</param>
    public static StandardsDiff Compare(IReadOnlyList<StandardDocument> oldSide, IReadOnlyList<StandardDocument> newSide,
        FactVocabulary oldFacts, FactVocabulary newFacts)
    {
        var changes = new List<ItemChange>();
        var facts = new SideFacts(oldFacts, newFacts);
        foreach (var (o, n) in Pair(oldSide, newSide))
        {
            changes.AddRange(CompareDocuments(o, n, facts));
        }

        return new StandardsDiff([.. oldSide.Select(Side)], [.. newSide.Select(Side)], [.. changes]);
    }

    private static DiffSide Side(StandardDocument d) => new(d.Key, d.Title, d.EffectiveFrom, d.Path);

    private static IEnumerable<(StandardDocument? Old, StandardDocument? New)> Pair(IReadOnlyList<StandardDocument> oldSide, IReadOnlyList<StandardDocument> newSide)
    {
        if (oldSide.Count == 1 && newSide.Count == 1)
        {
            yield return (oldSide[0], newSide[0]);
            yield break;
        }

        // Several editions per side (folders, git revisions): compare the latest edition of each standard id.
        var olds = Latest(oldSide);
        var news = Latest(newSide);
        foreach (var id in olds.Keys.Union(news.Keys).Order(StringComparer.Ordinal))
        {
            yield return (olds.GetValueOrDefault(id), news.GetValueOrDefault(id));
        }
    }

    private static Dictionary<string, StandardDocument> Latest(IEnumerable<StandardDocument> docs) =>
        docs.GroupBy(d => d.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.MaxBy(d => d.EffectiveFrom)!, StringComparer.Ordinal);

    private static IEnumerable<ItemChange> CompareDocuments(StandardDocument? o, StandardDocument? n, SideFacts facts)
    {
        var oldItems = o?.Items ?? [];
        var newItems = n?.Items ?? [];

        // Editions of one standard keep item ids; two different standards (Sichuan against Chongqing) line up
        // by the national item each implements.
        Func<ServiceItem, string> key = o is not null && n is not null && o.Id != n.Id ? i => i.Implements ?? i.Id : i => i.Id;
        foreach (var item in newItems)
        {
            var before = oldItems.FirstOrDefault(i => key(i) == key(item));
            if (before is null)
            {
                yield return new ItemChange { Item = item.Id, Name = item.Name, Kinds = [ChangeKind.Added] };
            }
            else if (CompareItem(before, item, o!, n!, facts) is { } change)
            {
                yield return change;
            }
        }

        foreach (var item in oldItems.Where(i => newItems.All(x => key(x) != key(i))))
        {
            yield return new ItemChange { Item = item.Id, Name = item.Name, Kinds = [ChangeKind.Removed] };
        }
    }

    private static ItemChange? CompareItem(ServiceItem o, ServiceItem n, StandardDocument od, StandardDocument nd, SideFacts facts)
    {
        var kinds = new List<ChangeKind>();
        if (o.Name.Zh != n.Name.Zh)
        {
            kinds.Add(ChangeKind.Renamed);
        }

        if (o.Area != n.Area || o.Category != n.Category)
        {
            kinds.Add(ChangeKind.Moved);
        }

        var level = CompareLevels(o, n, od, nd, facts).ToImmutableArray();
        if (!level.IsEmpty)
        {
            kinds.Add(ChangeKind.Level);
        }

        var eligibility = CompareEligibility(o, n, od, nd, facts);
        if (eligibility is not null)
        {
            kinds.Add(ChangeKind.Eligibility);
        }

        var fields = new List<FieldChange>();
        foreach (var name in ItemFieldNames.All)
        {
            var before = o.Fields.GetValueOrDefault(name)?.Text.Zh;
            var after = n.Fields.GetValueOrDefault(name)?.Text.Zh;
            if (before != after)
            {
                fields.Add(new FieldChange(name, before, after, InlineTextDiff.Render(before, after)));
            }
        }

        if (fields.Count > 0)
        {
            kinds.Add(ChangeKind.Text);
        }

        if (o.Funding != n.Funding)
        {
            kinds.Add(ChangeKind.Funding);
            fields.Add(new FieldChange("funding", o.Funding, n.Funding, $"[-{o.Funding}-]{{+{n.Funding}+}}"));
        }

        var oldLead = string.Join("、", o.LeadDepartments);
        var newLead = string.Join("、", n.LeadDepartments);
        if (oldLead != newLead)
        {
            kinds.Add(ChangeKind.LeadDepartment);
            fields.Add(new FieldChange("leadDepartments", oldLead, newLead, InlineTextDiff.Render(oldLead, newLead)));
        }

        if (o.Provenance.Evidence != n.Provenance.Evidence)
        {
            kinds.Add(ChangeKind.Provenance);
            var before = o.Provenance.Evidence.ToString().ToLowerInvariant();
            var after = n.Provenance.Evidence.ToString().ToLowerInvariant();
            fields.Add(new FieldChange("provenance", before, after, $"[-{before}-]{{+{after}+}}"));
        }

        return kinds.Count == 0
            ? null
            : new ItemChange
            {
                Item = n.Id,
                Name = n.Name,
                OldName = kinds.Contains(ChangeKind.Renamed) ? o.Name : null,
                Kinds = [.. kinds],
                Level = level,
                Eligibility = eligibility,
                Fields = [.. fields],
            };
    }

    private static IEnumerable<LevelChange> CompareLevels(ServiceItem o, ServiceItem n, StandardDocument od, StandardDocument nd, SideFacts facts)
    {
        var (oldOn, newOn) = (od.EffectiveFrom, nd.EffectiveFrom);
        var oldQuantities = o.Level?.Quantities ?? [];
        var newQuantities = n.Level?.Quantities ?? [];
        foreach (var name in oldQuantities.Select(q => q.Name).Union(newQuantities.Select(q => q.Name), StringComparer.Ordinal))
        {
            var oq = oldQuantities.FirstOrDefault(q => q.Name == name);
            var nq = newQuantities.FirstOrDefault(q => q.Name == name);
            if (oq is not null && nq is not null && (oq.Tiers.Length > 1 || nq.Tiers.Length > 1)
                && !oq.Tiers.Select(t => t.When).SequenceEqual(nq.Tiers.Select(t => t.When)))
            {
                // Tiers reordered, added or rewritten: which tier a resident falls in may change, so compare per resident.
                if (CompareTiersByResident(oq, nq, od, nd, facts) is { } byResident)
                {
                    yield return byResident;
                }

                continue;
            }

            var unit = nq?.Unit ?? oq!.Unit;
            var conditions = (oq?.Tiers.Select(t => t.When) ?? []).Union(nq?.Tiers.Select(t => t.When) ?? []).ToList();
            foreach (var when in conditions)
            {
                var ot = oq?.Tiers.FirstOrDefault(t => t.When == when);
                var nt = nq?.Tiers.FirstOrDefault(t => t.When == when);
                var before = ot?.ValueOn(oldOn) ?? ot?.Values.FirstOrDefault()?.Value;
                var after = nt?.ValueOn(newOn) ?? nt?.Values.FirstOrDefault()?.Value;
                var oldSteps = ot is { Values.Length: > 1 } ? ot.Values : [];
                var newSteps = nt is { Values.Length: > 1 } ? nt.Values : [];
                if (before == after && oldSteps.SequenceEqual(newSteps) && oq?.Unit == nq?.Unit)
                {
                    continue;
                }

                var direction = (before, after) switch
                {
                    (null, _) => Direction.Added,
                    (_, null) => Direction.Removed,
                    var (b, a) when a > b => Direction.Raised,
                    var (b, a) when a < b => Direction.Lowered,
                    _ => StepDirection(ot!, nt!),
                };
                if (oq is not null && nq is not null && oq.Unit != nq.Unit)
                {
                    direction = Direction.Changed;
                }

                yield return new LevelChange(name, when, before, after, unit, direction, oldSteps, newSteps);
            }
        }
    }

    /// <summary>Equal on the effective dates, different steps: compare both sides on every date either side steps.</summary>
    private static Direction StepDirection(QuantityTier o, QuantityTier n)
    {
        var dates = o.Values.Select(v => v.From).Union(n.Values.Select(v => v.From)).ToList();
        var higher = dates.Any(d => n.ValueOn(d) > o.ValueOn(d));
        var lower = dates.Any(d => n.ValueOn(d) < o.ValueOn(d));
        return (higher, lower) switch
        {
            (true, false) => Direction.Raised,
            (false, true) => Direction.Lowered,
            _ => Direction.Changed,
        };
    }

    private static LevelChange? CompareTiersByResident(Quantity oq, Quantity nq, StandardDocument od, StandardDocument nd, SideFacts facts)
    {
        var conditions = oq.Tiers.Concat(nq.Tiers).Select(t => t.Condition).OfType<CompiledExpression>();
        var space = ResidentSpace.For(conditions, facts.New, [od.EffectiveFrom, nd.EffectiveFrom]);
        decimal? exampleOld = null, exampleNew = null;
        bool higher = false, lower = false;
        foreach (var resident in space.Residents())
        {
            var before = TierValue(oq, resident, facts.Old, od);
            var after = TierValue(nq, resident, facts.New, nd);
            if (before == after)
            {
                continue;
            }

            higher |= after > before || (before is null && after is not null);
            lower |= after < before || (after is null && before is not null);
            if (exampleOld is null && exampleNew is null)
            {
                (exampleOld, exampleNew) = (before, after);
            }
        }

        if (!higher && !lower)
        {
            return null;
        }

        var direction = higher && lower ? Direction.Changed : higher ? Direction.Raised : Direction.Lowered;
        return new LevelChange(nq.Name, null, exampleOld, exampleNew, nq.Unit, direction, [], [],
            "tiers changed: the values are one affected resident's");
    }

    private static decimal? TierValue(Quantity q, Resident resident, FactVocabulary facts, StandardDocument document)
    {
        foreach (var tier in q.Tiers)
        {
            if (tier.Condition is { } c && Eligible(c, resident, facts, document, document.EffectiveFrom) != true)
            {
                continue;
            }

            return tier.ValueOn(document.EffectiveFrom);
        }

        return null;
    }

    private static EligibilityChange? CompareEligibility(ServiceItem o, ServiceItem n, StandardDocument od, StandardDocument nd, SideFacts facts)
    {
        if (o.Eligibility is null && n.Eligibility is null)
        {
            return null;
        }

        if (o.Eligibility is null || n.Eligibility is null)
        {
            // One side inherits its parent's rule: without the parent there is no meaning to compare, only the fact.
            return new EligibilityChange(EligibilityDirection.Changed, o.Eligibility?.When, n.Eligibility?.When, [], []);
        }

        var (oe, ne) = (o.Eligibility, n.Eligibility);
        if (oe.When == ne.When)
        {
            return null;
        }

        var gained = new List<Resident>();
        var lost = new List<Resident>();
        var gainedAny = false;
        var lostAny = false;

        // Both rules on the same dates: two wordings of one rule must not differ just because each side is
        // read on its own effective date.
        DateOnly[] dates = [od.EffectiveFrom, nd.EffectiveFrom];
        var space = ResidentSpace.For([oe.Compiled, ne.Compiled], facts.New, dates);
        foreach (var resident in space.Residents())
        {
            foreach (var on in dates.Distinct())
            {
                var before = Eligible(oe.Compiled, resident, facts.Old, od, on);
                var after = Eligible(ne.Compiled, resident, facts.New, nd, on);
                if (before is null || after is null || before == after)
                {
                    continue;
                }

                if (after.Value)
                {
                    gainedAny = true;
                    if (gained.Count < MaxExamples && !gained.Contains(resident))
                    {
                        gained.Add(resident);
                    }
                }
                else
                {
                    lostAny = true;
                    if (lost.Count < MaxExamples && !lost.Contains(resident))
                    {
                        lost.Add(resident);
                    }
                }
            }
        }

        if (!gainedAny && !lostAny)
        {
            return null; // rewritten, same meaning
        }

        var direction = gainedAny && lostAny ? EligibilityDirection.Changed
            : gainedAny ? EligibilityDirection.Widened : EligibilityDirection.Narrowed;
        return new EligibilityChange(direction, oe.When, ne.When, [.. gained], [.. lost]);
    }

    /// <summary>Evaluates a rule for a resident as the engine would in the document's jurisdiction on a date (its first day by default).</summary>
    internal static bool? Eligible(CompiledExpression rule, Resident resident, FactVocabulary facts, StandardDocument document, DateOnly? on = null)
    {
        try
        {
            var frame = FrameBuilder.Build(resident, facts, document.IsNational ? "110101" : document.Jurisdiction, on ?? document.EffectiveFrom);
            var value = rule.Evaluate(frame);
            return value.Kind == ValueKind.Bool ? value.Bool : null;
        }
        catch (ResidentException)
        {
            return null;
        }
    }

    private sealed record SideFacts(FactVocabulary Old, FactVocabulary New);
}
