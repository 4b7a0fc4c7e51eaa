using System.Collections.Immutable;
using System.Globalization;
using StandardsKit.Analysis.Symbolic;
using StandardsKit.Engine;
using StandardsKit.Model;

namespace StandardsKit.Analysis;

/// <summary>What fails in a violated obligation.</summary>
internal enum Shortfall
{
    None,

    /// <summary>The parent serves the resident; the local definition does not (or cannot decide).</summary>
    Narrowed,

    /// <summary>A quantity is below the parent's, or missing, for the resident.</summary>
    Below,

    /// <summary>A quantity is given in another unit than the parent's.</summary>
    Unit,
}

/// <summary>The decided outcome of one obligation, independent of which standard asked (so it can be shared).</summary>
/// <remarks><see cref="SplitAt"/>: not decided, because a rule's answer changes on that day inside the interval; prove the days before and from it apart.</remarks>
internal sealed record ObligationResult(ProofStatus Status, Shortfall Shortfall, Resident? Example, string? County, string? Quantity,
    decimal? ParentValue, decimal? Value, string? ParentUnit, string? Unit, bool Undetermined, string? Reason, ImmutableArray<string> Above,
    DateOnly? SplitAt = null);

/// <summary>
/// Decides "the child definition gives every resident at least what the parent gives" on one date, over every
/// county-level unit of the local jurisdiction: eligibility a superset (three-valued: wherever the parent says
/// yes, the child says yes), and each parent quantity, wherever both are eligible and both amounts are
/// determined, at least the parent's in the same unit.
/// </summary>
internal static class FloorObligation
{
    public const long DefaultBudget = 200_000;

    /// <param name="parent">The parent's definition on these days.</param>
    /// <param name="child">The overlaid definition.</param>
    /// <param name="facts">The vocabulary the rules were compiled against.</param>
    /// <param name="on">The interval's first day, on which the obligation is decided.</param>
    /// <param name="counties">The county-level units the obligation covers.</param>
    /// <param name="preferredCodes">Real division codes to try first in examples.</param>
    /// <param name="budgetSteps">The search budget.</param>
    /// <param name="multiDay">False when the obligation covers <paramref name="on"/> alone.</param>
    /// <param name="until">The interval's last day (null: open-ended) when <paramref name="multiDay"/>.</param>
    public static ObligationResult Check(EffectiveItem parent, EffectiveItem child, FactVocabulary facts, DateOnly on,
        ImmutableArray<string> counties, ImmutableArray<string> preferredCodes, long budgetSteps = DefaultBudget, bool multiDay = true, DateOnly? until = null)
    {
        var table = new SymbolTable();
        var expressions = ItemEncoding.Expressions(parent).Concat(ItemEncoding.Expressions(child)).Select(e => e.Syntax).ToList();
        var last = multiDay ? until ?? Translator.LastDate : on;
        var translator = new Translator(table, facts, on, counties, preferredCodes, Translator.NeedsBirthDate(expressions, facts), last);
        ItemEncoding p, c;
        try
        {
            p = ItemEncoding.Of(parent, translator, on);
            c = ItemEncoding.Of(child, translator, on);
        }
        catch (UnsupportedException e)
        {
            return Unsupported(e.Message);
        }

        if (multiDay && translator.DateSensitivity() is { } sensitive)
        {
            return Unsupported(sensitive);
        }

        if (translator.ChangesOn is { } changes)
        {
            return Unsupported($"a rule's answer changes on {Day(changes)}, inside the interval") with { SplitAt = changes };
        }

        var solver = new Solver(table, new Budget(budgetSteps));
        var above = new List<string>();

        // 1. Eligibility: a resident the parent serves and the child refuses, then one the child cannot decide.
        foreach (var (query, undetermined) in new[] { (Formula.And(p.Eligible.IsTrue, c.Eligible.IsFalse), false), (Formula.And(p.Eligible.IsTrue, c.Eligible.IsUndetermined), true) })
        {
            var r = solver.Solve(query);
            if (r.Status == SatStatus.Unknown)
            {
                return Unsupported(r.Reason!);
            }

            if (r.Model is { } m)
            {
                return Confirm(m, table, translator, facts, on, Shortfall.Narrowed, undetermined, null, Narrowed(parent, child, facts, on, undetermined));
            }
        }

        var both = Formula.And(p.Eligible.IsTrue, c.Eligible.IsTrue);
        var widened = solver.Solve(Formula.And(c.Eligible.IsTrue, Formula.Not(p.Eligible.IsTrue)));
        if (widened.Status == SatStatus.Satisfiable)
        {
            above.Add("eligibility widened");
        }

        // 2. Quantities, where both serve the resident.
        foreach (var pq in p.Quantities.Values)
        {
            c.Quantities.TryGetValue(pq.Name, out var cq);
            if (cq is not null && cq.Unit != pq.Unit)
            {
                var r = solver.Solve(both);
                if (r.Status == SatStatus.Satisfiable)
                {
                    return new ObligationResult(ProofStatus.Violated, Shortfall.Unit, null, null, pq.Name, null, null, pq.Unit, cq.Unit, false, null, []);
                }

                continue;
            }

            var shortfall = Formula.Or(pq.Tiers.Where(t => t.Value is not null).Select(t => Formula.And(t.Selected,
                cq is null ? Formula.True : Formula.Or(cq.Tiers.Where(x => x.Value < t.Value).Select(x => x.Selected).Append(cq.DefinitelyAbsent)))));
            var found = solver.Solve(Formula.And(both, shortfall));
            if (found.Status == SatStatus.Unknown)
            {
                return Unsupported(found.Reason!);
            }

            if (found.Model is { } model)
            {
                var name = pq.Name;
                return Confirm(model, table, translator, facts, on, Shortfall.Below, false, name, Below(parent, child, facts, on, name));
            }

            if (cq is null)
            {
                continue;
            }

            // A local amount the resident cannot settle: undetermined with every fact given, so only the division data
            // (an attribute with no value for their place) leave it open, where the parent gives an amount.
            var parentGives = Formula.Or(pq.Tiers.Where(t => t.Value is not null).Select(t => t.Selected));
            var open = solver.Solve(Formula.And(both, parentGives, cq.Undetermined, EveryFactGiven(table)));
            if (open.Status == SatStatus.Unknown)
            {
                return Unsupported(open.Reason!);
            }

            if (open.Model is { } openModel)
            {
                return OpenByData(openModel, table, translator, parent, child, facts, on, pq.Name);
            }

            foreach (var t in pq.Tiers.Where(t => t.Value is not null))
            {
                foreach (var x in cq.Tiers.Where(x => x.Value > t.Value).DistinctBy(x => x.Value))
                {
                    if (solver.Solve(Formula.And(both, t.Selected, x.Selected)).Status == SatStatus.Satisfiable)
                    {
                        above.Add($"{pq.Name} {Show(x.Value!.Value)} > {Show(t.Value!.Value)} {pq.Unit}");
                    }
                }
            }
        }

        foreach (var cq in c.Quantities.Values.Where(q => !p.Quantities.ContainsKey(q.Name)))
        {
            foreach (var x in cq.Tiers.Where(x => x.Value is not null).DistinctBy(x => x.Value))
            {
                if (solver.Solve(Formula.And(both, x.Selected)).Status == SatStatus.Satisfiable)
                {
                    above.Add($"{cq.Name} {Show(x.Value!.Value)} {cq.Unit} where the parent sets no amount");
                }
            }
        }

        return new ObligationResult(ProofStatus.Proved, Shortfall.None, null, null, null, null, null, null, null, false, null, [.. above.Distinct()]);
    }

    /// <summary>Every fact the rules read is given (a stated value, or for age a birth date): nothing is left to ask.</summary>
    private static Formula EveryFactGiven(SymbolTable table) =>
        Formula.And([.. table.BoolLeaves(Translator.GivenName("")).Select(Formula.Leaf)]);

    /// <summary>
    /// Not proved: a resident served by both, with every fact given, for whom the parent's amount is determined and the
    /// local one is not. Replayed through the evaluator like a violation; reported as unsupported with the resident,
    /// because the rule itself may be right and the division data incomplete.
    /// </summary>
    private static ObligationResult OpenByData(SatModel model, SymbolTable table, Translator translator, EffectiveItem parent, EffectiveItem child,
        FactVocabulary facts, DateOnly on, string quantity)
    {
        var (resident, county) = ExampleResident.Build(model, table, translator, facts);
        var p = ReferenceEvaluation.Evaluate(parent, resident, facts, county, on);
        var c = ReferenceEvaluation.Evaluate(child, resident, facts, county, on);
        if (p is not { Eligible: true } pe || c is not { Eligible: true } ce || !pe.Quantities.TryGetValue(quantity, out var pa) || pa is not { Determined: true, Value: { } pv }
            || !ce.Quantities.TryGetValue(quantity, out var ca) || ca.Determined)
        {
            return Unsupported("internal: the solver's counterexample was not confirmed by the evaluator (please report this rule)");
        }

        var unit = parent.Quantities.First(q => q.Quantity.Name == quantity).Quantity.Unit;
        return Unsupported($"not proved: the local '{quantity}' is undetermined for resident {FloorProver.Describe(resident)} in {county} although every fact "
            + $"is given (a division attribute it reads has no value there), where the parent gives {Show(pv)} {unit}; give the attribute a value "
            + "for those divisions or add a tier that applies without it");
    }

    internal static string Show(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    internal static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static ObligationResult Unsupported(string reason) =>
        new(ProofStatus.Unsupported, Shortfall.None, null, null, null, null, null, null, null, false, reason, []);

    /// <summary>Replays the model through the engine, trims it, and reports it; a model the engine disagrees with is never reported as a violation.</summary>
    private static ObligationResult Confirm(SatModel model, SymbolTable table, Translator translator, FactVocabulary facts, DateOnly on,
        Shortfall kind, bool undetermined, string? quantity, Func<Resident, string, (decimal? Parent, decimal? Child, string? ParentUnit, string? Unit)?> shows)
    {
        var (resident, county) = ExampleResident.Build(model, table, translator, facts);
        if (shows(resident, county) is null)
        {
            return Unsupported("internal: the solver's counterexample was not confirmed by the evaluator (please report this rule)");
        }

        resident = ExampleResident.Minimise(resident, r => shows(r, county) is not null);
        var values = shows(resident, county)!.Value;
        return new ObligationResult(ProofStatus.Violated, kind, resident, county, quantity, values.Parent, values.Child, values.ParentUnit, values.Unit, undetermined, null, []);
    }

    private static Func<Resident, string, (decimal?, decimal?, string?, string?)?> Narrowed(EffectiveItem parent, EffectiveItem child, FactVocabulary facts, DateOnly on, bool undetermined) =>
        (resident, county) =>
        {
            var p = ReferenceEvaluation.Evaluate(parent, resident, facts, county, on);
            var c = ReferenceEvaluation.Evaluate(child, resident, facts, county, on);
            var holds = p?.Eligible == true && (undetermined ? c is not null && c.Value.Eligible is null : c?.Eligible == false);
            return holds ? (null, null, null, null) : null;
        };

    private static Func<Resident, string, (decimal?, decimal?, string?, string?)?> Below(EffectiveItem parent, EffectiveItem child, FactVocabulary facts, DateOnly on, string quantity) =>
        (resident, county) =>
        {
            var p = ReferenceEvaluation.Evaluate(parent, resident, facts, county, on);
            var c = ReferenceEvaluation.Evaluate(child, resident, facts, county, on);
            if (p is not { Eligible: true } pe || c is not { Eligible: true } ce || !pe.Quantities.TryGetValue(quantity, out var pa) || pa is not { Determined: true, Value: { } pv })
            {
                return null;
            }

            var ca = ce.Quantities.GetValueOrDefault(quantity, new ReferenceEvaluation.Amount(true, null));
            if (!ca.Determined || (ca.Value is { } cv && cv >= pv))
            {
                return null;
            }

            var unit = child.Quantities.FirstOrDefault(q => q.Quantity.Name == quantity)?.Quantity.Unit;
            var parentUnit = parent.Quantities.First(q => q.Quantity.Name == quantity).Quantity.Unit;
            return (pv, ca.Value, parentUnit, unit);
        };
}
