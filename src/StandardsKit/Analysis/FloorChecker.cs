using StandardsKit.Diagnostics;
using StandardsKit.Engine;
using StandardsKit.Model;

namespace StandardsKit.Analysis;

/// <summary>
/// Proves the national floor at load time: a local item may never give less than its parent, for any resident
/// on any day. For each local item that implements a parent item, on every date where either side changes,
/// the parent's and the overlaid definitions are compared with <see cref="FloorComparison"/>.
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
            if (Pair(index, local, item, on) is not var (parentDoc, parent, child))
            {
                continue;
            }

            var result = FloorComparison.Of(parent, child, facts, local.Jurisdiction, on);
            if (!result.Exhaustive && reported.Add("sampled"))
            {
                var how = result.SpaceSize > ResidentSpace.MaxResidents
                    ? $"sampled {ResidentSpace.MaxResidents:N0} of {result.SpaceSize:N0} residents"
                    : "sampled the combinations of a set fact tested for more than six values";
                diagnostics.Warning(DiagnosticCodes.FloorSampled, item.Span, $"the floor check of '{item.Id}' is not exhaustive: it {how}",
                    "simplify the rule so the proof is exhaustive");
            }

            if (result.NarrowedFor is { } resident && reported.Add("eligibility"))
            {
                diagnostics.Error(DiagnosticCodes.FloorEligibility, item.Eligibility?.Span ?? item.Span,
                    $"'{item.Id}' narrows the eligibility of {parentDoc.Key} '{item.Implements}': resident {ResidentSpace.Describe(resident)} qualifies there but not here (on {on:yyyy-MM-dd})",
                    "a local standard may widen who is served, never narrow it; include the parent's condition with 'or'");
            }

            foreach (var s in result.Below.Where(s => reported.Add("quantity:" + s.Quantity)))
            {
                var quantity = item.Level?.Quantities.FirstOrDefault(q => q.Name == s.Quantity);
                var got = s.Value is { } v ? $"{FloorComparison.Show(v)} {s.Unit}" : "no value";
                var message = s.Unit is not null && s.Unit != s.ParentUnit
                    ? $"'{item.Id}' gives {s.Quantity} in {s.Unit}, but {parentDoc.Key} uses {s.ParentUnit}"
                    : $"'{item.Id}' {s.Quantity} is below the floor of {parentDoc.Key} '{item.Implements}': {got} < {FloorComparison.Show(s.ParentValue)} {s.ParentUnit} for resident {ResidentSpace.Describe(s.Resident)} on {on:yyyy-MM-dd}";
                diagnostics.Error(DiagnosticCodes.FloorQuantity, quantity?.Span ?? item.Span, message,
                    "raise the amount to at least the parent's (不低于国家标准) in the parent's unit, or cover this resident in a tier");
            }

            above.UnionWith(result.Above);
        }

        if (above.Count > 0)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.AboveFloor, Severity.Info,
                $"{local.Key} '{item.Id}' is above the floor of '{item.Implements}': {string.Join("; ", above)}",
                item.Span, "levels above the national standard need a fiscal-capacity assessment (财政承受能力评估)"));
        }
    }

    /// <summary>The parent's definition (the chain without <paramref name="local"/>) and the overlaid one, on a date.</summary>
    internal static (StandardDocument ParentDocument, EffectiveItem Parent, EffectiveItem Child)? Pair(
        EditionIndex index, StandardDocument local, ServiceItem item, DateOnly on)
    {
        var chain = index.InForce(local.Jurisdiction, on);
        if (!chain.Contains(local))
        {
            return null;
        }

        var parentChain = chain.Where(d => d != local).ToList();
        var parent = Overlay.Resolve(parentChain).FirstOrDefault(e => e.Layers.Any(l => l.Item.Id == item.Implements));
        var child = Overlay.Resolve(chain).FirstOrDefault(e => e.Layers.Any(l => l.Item == item));
        return parent is null || child is null ? null : (parent.Layers[^1].Document, parent, child);
    }

    /// <summary>Every date in the local edition's life on which the local or any parent definition changes.</summary>
    private static SortedSet<DateOnly> RelevantDates(EditionIndex index, StandardDocument local, ServiceItem item)
    {
        var first = local.EffectiveFrom;
        var last = index.LastDay(local) ?? DateOnly.MaxValue;
        var dates = new SortedSet<DateOnly> { first };
        void Add(DateOnly d)
        {
            if (d > first && d <= last)
            {
                dates.Add(d);
            }
        }

        foreach (var doc in index.All.Where(d => d.Jurisdiction != local.Jurisdiction))
        {
            Add(doc.EffectiveFrom);
            foreach (var value in doc.Items.Where(i => i.Id == item.Implements || i.Implements == item.Implements)
                         .SelectMany(i => i.Level?.Quantities ?? []).SelectMany(q => q.Tiers).SelectMany(t => t.Values))
            {
                Add(value.From);
            }
        }

        foreach (var value in item.Level?.Quantities.SelectMany(q => q.Tiers).SelectMany(t => t.Values) ?? [])
        {
            Add(value.From);
        }

        // Rules may compare evaluationDate() with a date literal: each such date (and the day before) is a change.
        var rules = index.All.SelectMany(d => d.Items)
            .Where(i => i == item || i.Id == item.Implements || i.Implements == item.Implements)
            .SelectMany(i => new[] { i.Eligibility?.Compiled }.Concat(i.Level?.Quantities.SelectMany(q => q.Tiers).Select(t => t.Condition) ?? []))
            .OfType<Expressions.CompiledExpression>();
        foreach (var literal in rules.SelectMany(r => DateLiterals(r.Syntax)))
        {
            Add(literal);
            if (literal > DateOnly.MinValue)
            {
                Add(literal.AddDays(-1));
            }
        }

        return dates;
    }

    private static IEnumerable<DateOnly> DateLiterals(Expressions.Expr e) => e switch
    {
        Expressions.LiteralExpr { Value.Kind: Expressions.ValueKind.Date } l => [l.Value.Date],
        Expressions.UnaryExpr u => DateLiterals(u.Operand),
        Expressions.BinaryExpr b => DateLiterals(b.Left).Concat(DateLiterals(b.Right)),
        Expressions.InExpr i => DateLiterals(i.Needle).Concat(i.Items.SelectMany(DateLiterals)),
        Expressions.CallExpr c => c.Arguments.SelectMany(DateLiterals),
        _ => [],
    };
}
