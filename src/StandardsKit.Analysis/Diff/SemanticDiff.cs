using System.Collections.Immutable;
using StandardsKit.Analysis;
using StandardsKit.Compilation;
using StandardsKit.Engine;
using StandardsKit.Expressions;
using StandardsKit.Model;
using StandardsKit.Text;

namespace StandardsKit.Diff;

/// <summary>
/// Compares two revisions of standards by meaning, not by lines: items matched by id; levels compared per
/// quantity and tier, each side on its own effective date; eligibility compared over the same finite resident
/// space as the floor proof, with residents who gain and who lose; texts diffed inline.
/// </summary>
public static class SemanticDiff
{
    // Counties come from the embedded division list: a diff compares documents, not a loaded catalog.
    private static readonly Lazy<CountyDomain> Counties = new(() => new CountyDomain(Catalog.Default.Divisions));

    /// <summary>The division attributes rules may read (hasAttribute, attribute): the embedded ones, beside the embedded division list.</summary>
    internal static readonly Lazy<Divisions.DivisionAttributes> Attributes = new(() => Catalog.Default.Attributes);

    /// <summary>Compares two sets of standard editions, pairing editions of the same standard id.</summary>
    /// <param name="oldSide">The old revision's editions.</param>
    /// <param name="newSide">The new revision's editions.</param>
    /// <param name="oldFacts">The fact vocabulary the old side's rules were compiled against.</param>
    /// <param name="newFacts">The fact vocabulary the new side's rules were compiled against.</param>
    /// <param name="parents">
    /// Editions in which to find a rule that an item inherits when its own side does not hold the parent (a diff of
    /// two local files against the standards in use); null to look only within each side.
    /// </param>
    public static StandardsDiff Compare(IReadOnlyList<StandardDocument> oldSide, IReadOnlyList<StandardDocument> newSide,
        FactVocabulary oldFacts, FactVocabulary newFacts, IReadOnlyList<StandardDocument>? parents = null) =>
        Compare(oldSide, newSide, oldFacts, newFacts, parents, null, null);

    /// <summary>
    /// <see cref="Compare(IReadOnlyList{StandardDocument}, IReadOnlyList{StandardDocument}, FactVocabulary, FactVocabulary, IReadOnlyList{StandardDocument}?)"/>
    /// with each side's division attributes (null: the embedded ones), so a revision of <c>divisions/</c> is read as it is.
    /// </summary>
    internal static StandardsDiff Compare(IReadOnlyList<StandardDocument> oldSide, IReadOnlyList<StandardDocument> newSide,
        FactVocabulary oldFacts, FactVocabulary newFacts, IReadOnlyList<StandardDocument>? parents,
        Divisions.DivisionAttributes? oldAttributes, Divisions.DivisionAttributes? newAttributes)
    {
        var (oldAttr, newAttr) = (oldAttributes ?? Attributes.Value, newAttributes ?? Attributes.Value);
        ArgumentNullException.ThrowIfNull(oldSide);
        ArgumentNullException.ThrowIfNull(newSide);
        using var run = StandardsKit.Analysis.Symbolic.RunBudget.Begin();
        var changes = new List<ItemChange>();
        var divisions = Catalog.Default.Divisions;
        var facts = new SideFacts(oldFacts, newFacts, new RuleComparison(oldFacts, newFacts, Counties.Value, oldAttr, newAttr), oldAttr, newAttr,
            new SideDefinitions(oldSide, parents, divisions), new SideDefinitions(newSide, parents, divisions));
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
                yield return new ItemChange
                {
                    Item = item.Id,
                    Name = item.Name,
                    Kinds = [ChangeKind.Added],
                    Rule = facts.NewSide.Rule(n!, item) is var (rule, from) ? Inherited(rule?.When ?? "true", from) : null,
                    Quantities = [.. facts.NewSide.Quantities(n!, item).Select(q => Inherited(Summary(q.Quantity, n!.EffectiveFrom), q.From))],
                };
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
            var before = o.Provenance.Evidence.Name();
            var after = n.Provenance.Evidence.Name();
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
        List<(Quantity Quantity, string? From)>? oldEffective = null, newEffective = null;
        foreach (var name in oldQuantities.Select(q => q.Name).Union(newQuantities.Select(q => q.Name), StringComparer.Ordinal))
        {
            // A side that stopped (or started) stating an amount inherits its parent's: compare with what it inherits.
            string? note = null;
            var oq = oldQuantities.FirstOrDefault(q => q.Name == name);
            if (oq is null && (oldEffective ??= facts.OldSide.Quantities(od, o)).FirstOrDefault(q => q.Quantity.Name == name) is { Quantity: { } inheritedOld } old)
            {
                (oq, note) = (inheritedOld, $"the old side inherits it from {old.From}");
            }

            var nq = newQuantities.FirstOrDefault(q => q.Name == name);
            if (nq is null && (newEffective ??= facts.NewSide.Quantities(nd, n)).FirstOrDefault(q => q.Quantity.Name == name) is { Quantity: { } inheritedNew } inherited)
            {
                (nq, note) = (inheritedNew, $"the new side inherits it from {inherited.From}");
            }

            if (oq is not null && nq is not null && (oq.Tiers.Length > 1 || nq.Tiers.Length > 1)
                && (!oq.Tiers.Select(t => t.When).SequenceEqual(nq.Tiers.Select(t => t.When)) || oq.Tiers.Any(t => t.When is { } w && facts.MayChangeMeaning(w))))
            {
                // Tiers reordered, added or rewritten: which tier a resident falls in may change, so compare per resident.
                if (CompareTiersByResident(oq, nq, od, nd, facts) is { } byResident)
                {
                    yield return note is null ? byResident : byResident with { Note = $"{byResident.Note}; {note}" };
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

                yield return new LevelChange(name, when, before, after, unit, direction, oldSteps, newSteps, note);
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
        var outcome = facts.Rules.Tiers(oq, od.EffectiveFrom, nq, nd.EffectiveFrom, nd.Jurisdiction);
        if (outcome.Reason is { } reason && !outcome.Higher && !outcome.Lower)
        {
            return new LevelChange(nq.Name, null, null, null, nq.Unit, Direction.Changed, [], [], $"tiers changed; not decided: {reason}");
        }

        if (!outcome.Higher && !outcome.Lower)
        {
            return null;
        }

        var direction = outcome.Higher && outcome.Lower ? Direction.Changed : outcome.Higher ? Direction.Raised : Direction.Lowered;
        return new LevelChange(nq.Name, null, outcome.ExampleOld, outcome.ExampleNew, nq.Unit, direction, [], [],
            "tiers changed: the values are one affected resident's");
    }

    private static string Summary(Quantity q, DateOnly on) =>
        $"{q.Name} {(q.AtLeast ? "≥ " : "")}{string.Join(", ", q.Tiers.Select(t => (t.When is null ? "" : t.When + ": ") + (t.ValueOn(on) is { } v ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "—")))} {q.Unit}";

    /// <summary>How many stretches of days one rule comparison may be cut into where rules read the day.</summary>
    private const int MaxDays = 64;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Inherited(string text, string? from) => from is null ? text : $"{text} (inherited from {from})";

    private static EligibilityChange? CompareEligibility(ServiceItem o, ServiceItem n, StandardDocument od, StandardDocument nd, SideFacts facts)
    {
        if (o.Eligibility is null && n.Eligibility is null)
        {
            return null;
        }

        // The same text means the same only while the facts it reads are declared alike (facts.yaml may have changed).
        if (o.Eligibility is not null && n.Eligibility is not null && o.Eligibility.When == n.Eligibility.When && !facts.MayChangeMeaning(o.Eligibility.When))
        {
            return null;
        }

        // A side that inherits its parent's rule is compared through that rule, found along `extends` on the same side.
        var oldRule = facts.OldSide.Rule(od, o);
        var newRule = facts.NewSide.Rule(nd, n);
        var oldText = oldRule is var (or, of) ? Inherited(or?.When ?? "true", of) : null;
        var newText = newRule is var (nr, nf) ? Inherited(nr?.When ?? "true", nf) : null;
        if (oldRule is null || newRule is null)
        {
            return new EligibilityChange(EligibilityDirection.Changed, oldText, newText, [], [],
                "one side inherits a rule from a parent standard that is not part of this diff, so the change is not decided");
        }

        var oldCompiled = CatalogCompiler.TryCompile(oldRule.Value.Rule?.When ?? "true", facts.Old, facts.OldAttributes);
        var newCompiled = CatalogCompiler.TryCompile(newRule.Value.Rule?.When ?? "true", facts.New, facts.NewAttributes);
        if (oldCompiled is null || newCompiled is null)
        {
            return new EligibilityChange(EligibilityDirection.Changed, oldText, newText, [], [],
                $"not decided: the {(oldCompiled is null ? "old" : "new")} rule does not compile against its side's facts");
        }

        var gained = new List<Resident>();
        var lost = new List<Resident>();
        string? reason = null;

        // Both rules on the same days: two wordings of one rule must not differ just because each side is read on its
        // own effective date. From the earlier effective date on, every day is covered: the comparison is decided on
        // the first day of each stretch on which neither rule's answer changes with the day.
        var days = new List<DateOnly> { od.EffectiveFrom, nd.EffectiveFrom };
        days = [.. days.Distinct().Order()];
        string? laterDay = null;
        for (var i = 0; i < days.Count; i++)
        {
            var on = days[i];
            var until = i + 1 < days.Count ? days[i + 1].AddDays(-1) : Catalog.LastSupportedDate;
            var outcome = facts.Rules.Eligibility(oldCompiled, newCompiled, on, until, nd.Jurisdiction);
            reason ??= outcome.Reason;
            if (outcome.ChangesOn is { } next && next > on && next <= until)
            {
                if (days.Count < MaxDays)
                {
                    days.Insert(i + 1, next);
                }
                else
                {
                    reason ??= $"the rules' answers change with the day more than {MaxDays} times; compared up to {Iso(on)}";
                }
            }

            var found = false;
            if (outcome.Gained is { } g && !gained.Any(x => x.Facts.Count == g.Facts.Count && !x.Facts.Except(g.Facts).Any()))
            {
                gained.Add(g);
                found = true;
            }

            if (outcome.Lost is { } l && !lost.Any(x => x.Facts.Count == l.Facts.Count && !x.Facts.Except(l.Facts).Any()))
            {
                lost.Add(l);
                found = true;
            }

            if (found && on != od.EffectiveFrom && on != nd.EffectiveFrom)
            {
                laterDay ??= Iso(on);
            }
        }

        if (gained.Count == 0 && lost.Count == 0)
        {
            if (reason is not null)
            {
                return new EligibilityChange(EligibilityDirection.Changed, oldText, newText, [], [], $"not decided: {reason}");
            }

            // Same meaning: a rewrite is no change, but a rule made explicit where it was inherited is worth showing.
            return o.Eligibility is null || n.Eligibility is null
                ? new EligibilityChange(EligibilityDirection.Equivalent, oldText, newText, [], [])
                : null;
        }

        var direction = gained.Count > 0 && lost.Count > 0 ? EligibilityDirection.Changed
            : gained.Count > 0 ? EligibilityDirection.Widened : EligibilityDirection.Narrowed;
        var notes = new[] { reason is null ? null : $"partly decided: {reason}", laterDay is null ? null : $"some residents gain or lose only from {laterDay}" };
        var note = string.Join("; ", notes.OfType<string>());
        return new EligibilityChange(direction, oldText, newText, [.. gained], [.. lost], note.Length == 0 ? null : note);
    }

    private sealed record SideFacts(FactVocabulary Old, FactVocabulary New, RuleComparison Rules, Divisions.DivisionAttributes OldAttributes,
        Divisions.DivisionAttributes NewAttributes, SideDefinitions OldSide, SideDefinitions NewSide)
    {
        /// <summary>Whether a rule's text may mean something else on the two sides: a fact it names was redeclared, or it reads division attributes that differ.</summary>
        public bool MayChangeMeaning(string text) => Rules.Mentions(text)
            || (!ReferenceEquals(OldAttributes, NewAttributes) && text.Contains("ttribute(", StringComparison.Ordinal));
    }
}
