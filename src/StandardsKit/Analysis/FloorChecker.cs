using System.Globalization;
using StandardsKit.Diagnostics;
using StandardsKit.Engine;
using StandardsKit.Model;

namespace StandardsKit.Analysis;

/// <summary>
/// Proves the national floor: a local item may never give less than its parent, for any resident on any day.
/// For each local item that implements a parent item, on every date where either side changes, the parent's
/// and the overlaid definitions are evaluated over a <see cref="ResidentSpace"/>: every resident the parent
/// serves must still be served, and every quantity must be at least the parent's.
/// </summary>
internal static class FloorChecker
{
    public static void Check(EditionIndex index, FactVocabulary facts, DiagnosticBag diagnostics)
    {
        foreach (var local in index.All.Where(d => !d.IsNational).OrderBy(d => d.Path, StringComparer.Ordinal))
        {
            foreach (var item in local.Items.Where(i => i.Implements is not null))
            {
                CheckItem(index, facts, local, item, diagnostics);
            }
        }
    }

    private static void CheckItem(EditionIndex index, FactVocabulary facts, StandardDocument local, ServiceItem item, DiagnosticBag diagnostics)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var above = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var on in RelevantDates(index, local, item))
        {
            var chain = index.InForce(local.Jurisdiction, on);
            if (!chain.Contains(local))
            {
                continue;
            }

            var parentChain = chain.Where(d => d != local).ToList();
            var parent = Overlay.Resolve(parentChain).FirstOrDefault(e => e.Layers.Any(l => l.Item.Id == item.Implements));
            var child = Overlay.Resolve(chain).FirstOrDefault(e => e.Layers.Any(l => l.Item == item));
            if (parent is null || child is null)
            {
                continue;
            }

            var space = ResidentSpace.For(Conditions(parent).Concat(Conditions(child)), facts, [on]);
            if (!space.IsExhaustive && reported.Add("sampled"))
            {
                diagnostics.Warning(DiagnosticCodes.FloorSampled, item.Span,
                    $"the floor check of '{item.Id}' sampled {ResidentSpace.MaxResidents:N0} of {space.Size:N0} residents",
                    "simplify the rule so the proof is exhaustive");
            }

            foreach (var resident in space.Residents())
            {
                Decision p, c;
                try
                {
                    var frame = FrameBuilder.Build(resident, facts, local.Jurisdiction, on);
                    p = DecisionMaker.Decide(parent, frame, facts);
                    c = DecisionMaker.Decide(child, frame, facts);
                }
                catch (ResidentException)
                {
                    continue; // an impossible resident (born after the date): not a counterexample
                }

                Compare(parentChain[^1], local, item, on, resident, p, c, reported, above, diagnostics);
            }
        }

        if (above.Count > 0)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.AboveFloor, Severity.Info,
                $"{local.Key} '{item.Id}' is above the floor of '{item.Implements}': {string.Join("; ", above)}",
                item.Span, "levels above the national standard need a fiscal-capacity assessment (财政承受能力评估)"));
        }
    }

    private static void Compare(StandardDocument parentDoc, StandardDocument local, ServiceItem item, DateOnly on, Resident resident,
        Decision p, Decision c, HashSet<string> reported, SortedSet<string> above, DiagnosticBag diagnostics)
    {
        var who = ResidentSpace.Describe(resident);
        if (p.Eligible == true && c.Eligible != true)
        {
            if (reported.Add("eligibility"))
            {
                diagnostics.Error(DiagnosticCodes.FloorEligibility, item.Eligibility?.Span ?? item.Span,
                    $"'{item.Id}' narrows the eligibility of {parentDoc.Key} '{item.Implements}': resident {who} qualifies there but not here (on {on:yyyy-MM-dd})",
                    "a local standard may widen who is served, never narrow it; include the parent's condition with 'or'");
            }

            return;
        }

        if (p.Eligible != true && c.Eligible == true)
        {
            above.Add("eligibility widened");
        }

        if (p.Eligible != true || c.Eligible != true)
        {
            return;
        }

        foreach (var pq in p.Level?.Quantities ?? [])
        {
            var cq = c.Level?.Quantities.FirstOrDefault(q => q.Name == pq.Name);
            var quantity = item.Level?.Quantities.FirstOrDefault(q => q.Name == pq.Name);
            if (cq is not null && cq.Unit != pq.Unit)
            {
                if (reported.Add("unit:" + pq.Name))
                {
                    diagnostics.Error(DiagnosticCodes.FloorQuantity, quantity?.Span ?? item.Span,
                        $"'{item.Id}' gives {pq.Name} in {cq.Unit}, but {parentDoc.Key} uses {pq.Unit}",
                        "use the parent's unit so the amounts can be compared");
                }

                continue;
            }

            if (cq is null || cq.Value < pq.Value)
            {
                if (reported.Add("quantity:" + pq.Name))
                {
                    var got = cq is null ? "no value" : $"{Show(cq.Value)} {cq.Unit}";
                    diagnostics.Error(DiagnosticCodes.FloorQuantity, quantity?.Span ?? item.Span,
                        $"'{item.Id}' {pq.Name} is below the floor of {parentDoc.Key} '{item.Implements}': {got} < {Show(pq.Value)} {pq.Unit} for resident {who} on {on:yyyy-MM-dd}",
                        "raise the amount to at least the parent's (不低于国家标准), or cover this resident in a tier");
                }
            }
            else if (cq.Value > pq.Value)
            {
                above.Add($"{pq.Name} {Show(cq.Value)} > {Show(pq.Value)} {pq.Unit}");
            }
        }
    }

    private static IEnumerable<Expressions.CompiledExpression> Conditions(EffectiveItem item)
    {
        if (item.Eligibility is { } e)
        {
            yield return e.Compiled;
        }

        foreach (var (q, _) in item.Quantities)
        {
            foreach (var tier in q.Tiers)
            {
                if (tier.Condition is { } c)
                {
                    yield return c;
                }
            }
        }
    }

    /// <summary>Every date in the local edition's life on which the local or any parent definition changes.</summary>
    private static SortedSet<DateOnly> RelevantDates(EditionIndex index, StandardDocument local, ServiceItem item)
    {
        var first = local.EffectiveFrom;
        var last = index.LastDay(local) ?? DateOnly.MaxValue;
        var dates = new SortedSet<DateOnly> { first };
        foreach (var doc in index.All.Where(d => d.IsNational || d.Jurisdiction != local.Jurisdiction))
        {
            if (doc.EffectiveFrom > first && doc.EffectiveFrom <= last)
            {
                dates.Add(doc.EffectiveFrom);
            }

            foreach (var value in doc.Items.Where(i => i.Id == item.Implements || i.Implements == item.Implements)
                         .SelectMany(i => i.Level?.Quantities ?? []).SelectMany(q => q.Tiers).SelectMany(t => t.Values))
            {
                if (value.From > first && value.From <= last)
                {
                    dates.Add(value.From);
                }
            }
        }

        foreach (var value in item.Level?.Quantities.SelectMany(q => q.Tiers).SelectMany(t => t.Values) ?? [])
        {
            if (value.From > first && value.From <= last)
            {
                dates.Add(value.From);
            }
        }

        return dates;
    }

    private static string Show(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}
