using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using StandardsKit.Analysis.Symbolic;
using StandardsKit.Compilation;
using StandardsKit.Diagnostics;
using StandardsKit.Divisions;
using StandardsKit.Engine;
using StandardsKit.Expressions;
using StandardsKit.Model;

namespace StandardsKit.Analysis;

/// <summary>
/// Proves the national floor: a local item that implements a parent item may never serve fewer residents or
/// give less, for any resident, in any county of its jurisdiction, on any day it is in force. Each item's life
/// is cut into intervals on which nothing it depends on changes (editions along its own chain, dated values,
/// dates its rules name), and each interval is one obligation, decided symbolically (docs/analysis.md).
/// </summary>
/// <remarks>
/// Cost is linear in the number of standards: an obligation reads only its own jurisdiction chain, and
/// identical obligations (the same rules and amounts, as when many counties copy one template) are decided
/// once per run. Thread-safe; each call is independent.
/// </remarks>
public static class FloorProver
{
    /// <summary>Proves every floor obligation of a loaded catalog.</summary>
    public static FloorProofReport Prove(Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Prove(catalog, FloorObligation.DefaultBudget);
    }

    internal static FloorProofReport Prove(Catalog catalog, long budgetSteps)
    {
        using var budget = RunBudget.Begin();
        var run = new ProofRun(catalog, budgetSteps);
        var locals = catalog.Documents.Where(d => !d.IsNational)
            .OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Key, StringComparer.Ordinal).ToArray();

        // Documents are independent (the shared caches are concurrent and their answers do not depend on who
        // asked first), so they are proved in parallel and reported in this fixed order.
        var perDocument = new (List<FloorProof> Proofs, DiagnosticBag Diagnostics)[locals.Length];
        Parallel.For(0, locals.Length, i =>
        {
            var proofs = new List<FloorProof>();
            var diagnostics = new DiagnosticBag();
            foreach (var item in locals[i].Items.Where(x => x.Implements is not null))
            {
                run.ProveItem(locals[i], item, proofs, diagnostics);
            }

            perDocument[i] = (proofs, diagnostics);
        });

        return new FloorProofReport([.. perDocument.SelectMany(p => p.Proofs)], [.. perDocument.SelectMany(p => p.Diagnostics.Items)]);
    }

    /// <summary>What one run of the prover shares across documents: indexes and caches keyed by content.</summary>
    private sealed class ProofRun
    {
        /// <summary>How many times one item's interval may be cut where a rule's answer changes with the day.</summary>
        private const int MaxSplits = 64;

        private readonly CompiledStandards _compiled;
        private readonly long _budgetSteps;
        private readonly EditionIndex _index;
        private readonly CountyDomain _counties;
        private readonly ProofDates _dates;
        private readonly ConcurrentDictionary<string, ObligationResult> _cache = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, ImmutableArray<EffectiveItem>> _resolved = new(StringComparer.Ordinal);

        public ProofRun(Catalog catalog, long budgetSteps)
        {
            _compiled = catalog.Compiled;
            _budgetSteps = budgetSteps;
            _index = new EditionIndex(catalog.Documents, catalog.Divisions);
            _counties = new CountyDomain(catalog.Divisions);
            _dates = new ProofDates(_index, _compiled);
        }

        public void ProveItem(StandardDocument local, ServiceItem item, List<FloorProof> proofs, DiagnosticBag diagnostics)
        {
            var compiled = _compiled;
            var facts = compiled.Facts;
            var reported = new HashSet<string>(StringComparer.Ordinal);
            var above = new SortedSet<string>(StringComparer.Ordinal);
            var dates = _dates.For(local, item);
            var splits = 0;
            DateOnly? exhaustedOn = null;
            for (var i = 0; i < dates.Count; i++)
            {
                var from = dates[i];
                DateOnly? until = i + 1 < dates.Count ? dates[i + 1].AddDays(-1) : _index.LastDay(local);
                if (Pair(_index, compiled, _resolved, local, item, from) is not var (parentDoc, parent, child))
                {
                    continue;
                }

                var domain = _counties.Within(local.Jurisdiction);
                var multiDay = until is not { } u || u > from;
                var key = Key(parent, child, from, until, local.Jurisdiction, multiDay, facts);
                ObligationResult Decide(string _) =>
                    FloorObligation.Check(parent, child, facts, from, domain, _counties.Preferred(local.Jurisdiction), _budgetSteps, multiDay, until);

                // An item whose rules exhausted the budget on one interval would exhaust it again on each of the others
                // (a tier naming 24 dates makes 48): those are reported unsupported at once instead of searched again.
                var result = exhaustedOn is { } earlier
                    ? FloorObligation.Unsupported($"not searched: {Budget.ExhaustedPrefix} ran out on this item's interval from {Day(earlier)}")
                    : _cache.GetOrAdd(key, Decide);
                if (exhaustedOn is null && result.Status == ProofStatus.Unsupported && result.Reason?.StartsWith(Budget.ExhaustedPrefix, StringComparison.Ordinal) == true)
                {
                    exhaustedOn = from;
                }

                if (result.SplitAt is { } at && at > from && (until is null || at <= until))
                {
                    // A rule reads the day in a way that changes its answer inside the interval: prove each side of that day.
                    if (++splits <= MaxSplits)
                    {
                        dates.Insert(i + 1, at);
                        i--;
                        continue;
                    }

                    result = result with
                    {
                        SplitAt = null,
                        Reason = $"the rules' answers change on more than {MaxSplits} days of this edition's life (the first after {Day(from)}: {Day(at)})",
                    };
                }

                if (result.Status == ProofStatus.Violated)
                {
                    // The verdict is shared, but the example must live in this jurisdiction (its county, its codes first).
                    result = _cache.GetOrAdd(key + "|example:" + local.Jurisdiction, Decide);
                }

                proofs.Add(new FloorProof(local.Key, item.Id, item.Implements!, parentDoc.Key, from, until, result.Status, result.Example, result.County,
                    Reason(result, item, parentDoc, from)));
                Report(result, local, item, parentDoc, from, until, reported, diagnostics);
                above.UnionWith(result.Above);
            }

            if (above.Count > 0)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.AboveFloor, Severity.Info,
                    $"{local.Key} '{item.Id}' is above the floor of '{item.Implements}': {string.Join("; ", above)}",
                    item.Span, "levels above the national standard need a fiscal-capacity assessment (财政承受能力评估)"));
            }
        }
    }

    private static void Report(ObligationResult result, StandardDocument local, ServiceItem item, StandardDocument parentDoc, DateOnly from, DateOnly? until,
        HashSet<string> reported, DiagnosticBag diagnostics)
    {
        var on = Day(from);
        switch (result.Status, result.Shortfall)
        {
            case (ProofStatus.Unsupported, _) when reported.Add("unsupported"):
                diagnostics.Warning(DiagnosticCodes.FloorUnsupported, item.Span,
                    $"the floor proof of '{item.Id}' against {parentDoc.Key} '{item.Implements}' from {on}{(until is { } u ? " to " + Day(u) : "")} is unsupported: {result.Reason}",
                    "rewrite the rule within the decidable fragment (docs/analysis.md), or check this item by hand");
                break;
            case (ProofStatus.Violated, Shortfall.Narrowed) when reported.Add("eligibility"):
                diagnostics.Error(DiagnosticCodes.FloorEligibility, item.Eligibility?.Span ?? item.Span, Reason(result, item, parentDoc, from)!,
                    "a local standard may widen who is served, never narrow it; include the parent's condition with 'or'");
                break;
            case (ProofStatus.Violated, Shortfall.Below or Shortfall.Unit) when reported.Add("quantity:" + result.Quantity):
                var quantity = item.Level?.Quantities.FirstOrDefault(q => q.Name == result.Quantity);
                diagnostics.Error(DiagnosticCodes.FloorQuantity, quantity?.Span ?? item.Span, Reason(result, item, parentDoc, from)!,
                    "raise the amount to at least the parent's (不低于国家标准) in the parent's unit, or cover this resident in a tier");
                break;
        }
    }

    private static string? Reason(ObligationResult r, ServiceItem item, StandardDocument parentDoc, DateOnly from)
    {
        var on = Day(from);
        var who = r.Example is { } e ? $"resident {Describe(e)} in {r.County}" : "";
        return (r.Status, r.Shortfall) switch
        {
            (ProofStatus.Unsupported, _) => r.Reason,
            (ProofStatus.Violated, Shortfall.Narrowed) when r.Undetermined =>
                $"'{item.Id}' narrows the eligibility of {parentDoc.Key} '{item.Implements}': {who} qualifies there but is undetermined here (on {on})",
            (ProofStatus.Violated, Shortfall.Narrowed) =>
                $"'{item.Id}' narrows the eligibility of {parentDoc.Key} '{item.Implements}': {who} qualifies there but not here (on {on})",
            (ProofStatus.Violated, Shortfall.Unit) =>
                $"'{item.Id}' gives {r.Quantity} in {r.Unit}, but {parentDoc.Key} uses {r.ParentUnit}",
            (ProofStatus.Violated, Shortfall.Below) =>
                $"'{item.Id}' {r.Quantity} is below the floor of {parentDoc.Key} '{item.Implements}': {(r.Value is { } v ? $"{FloorObligation.Show(v)} {r.Unit}" : "no value")} < {FloorObligation.Show(r.ParentValue!.Value)} {r.ParentUnit} for {who} on {on}",
            _ => null,
        };
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The content an obligation's answer depends on: equal keys give equal answers.</summary>
    private static string Key(EffectiveItem parent, EffectiveItem child, DateOnly on, DateOnly? until, string jurisdiction, bool multiDay, FactVocabulary facts)
    {
        var sb = new StringBuilder();
        var expressions = ItemEncoding.Expressions(parent).Concat(ItemEncoding.Expressions(child)).ToList();
        var readsDate = expressions.Any(e => DependsOnDate(e.Syntax, facts));
        var readsCounty = expressions.Any(e => e.Facts.Any(f => facts.Find(f)?.DefaultsToCounty == true));
        sb.Append(readsDate ? $"{Day(on)}..{(until is { } u ? Day(u) : "")}" : "-").Append('|').Append(readsCounty ? jurisdiction : "-").Append('|').Append(multiDay);
        foreach (var item in new[] { parent, child })
        {
            sb.Append("||").Append(item.Eligibility?.When ?? "<none>");
            foreach (var q in item.Quantities.Select(p => p.Quantity))
            {
                sb.Append('|').Append(q.Name).Append(':').Append(q.Unit).Append(':').Append(q.AtLeast);
                foreach (var t in q.Tiers)
                {
                    sb.Append('[').Append(t.When ?? "").Append('=').Append(t.ValueOn(on)?.ToString(CultureInfo.InvariantCulture) ?? "null").Append(']');
                }
            }
        }

        return sb.ToString();
    }

    private static bool DependsOnDate(Expr e, FactVocabulary facts) => e.Nodes().Any(x => x switch
    {
        LiteralExpr { Value.Kind: ValueKind.Date } or CallExpr { Function: "evaluationDate" } => true,
        FactExpr f => facts.Find(f.Name)?.Kind == FactKind.Date,
        _ => false,
    });

    /// <summary>The parent's definition (the chain without <paramref name="local"/>) and the overlaid one, on a date.</summary>
    internal static (StandardDocument ParentDocument, EffectiveItem Parent, EffectiveItem Child)? Pair(EditionIndex index, CompiledStandards compiled,
        ConcurrentDictionary<string, ImmutableArray<EffectiveItem>> resolved, StandardDocument local, ServiceItem item, DateOnly on)
    {
        var chain = index.InForce(local.Jurisdiction, on);
        if (!chain.Any(d => ReferenceEquals(d, local)))
        {
            return null;
        }

        var parentChain = chain.Where(d => !ReferenceEquals(d, local)).ToList();
        var parent = Resolve(resolved, compiled, parentChain).FirstOrDefault(e => e.Layers.Any(l => l.Item.Id == item.Implements));
        var child = Resolve(resolved, compiled, chain).FirstOrDefault(e => e.Layers.Any(l => ReferenceEquals(l.Item, item)));
        return parent is null || child is null ? null : (parent.Layers[^1].Document, parent, child);
    }

    private static ImmutableArray<EffectiveItem> Resolve(ConcurrentDictionary<string, ImmutableArray<EffectiveItem>> resolved, CompiledStandards compiled,
        List<StandardDocument> chain) =>
        resolved.GetOrAdd(string.Join("|", chain.Select(d => d.Path + "#" + d.Key)), _ => Overlay.Resolve(chain, compiled));

    /// <summary>Renders a resident as compact JSON-like text for messages: {"age": 64, "hukou": "310101"}.</summary>
    internal static string Describe(Resident resident) =>
        "{" + string.Join(", ", resident.Facts.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"\"{f.Key}\": {Show(f.Value)}")) + "}";

    private static string Show(object value) => value switch
    {
        bool b => b ? "true" : "false",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        string s => $"\"{s}\"",
        DateOnly d => $"\"{Day(d)}\"",
        ImmutableArray<string> set => "[" + string.Join(", ", set.Select(x => $"\"{x}\"")) + "]",
        _ => "null",
    };
}
