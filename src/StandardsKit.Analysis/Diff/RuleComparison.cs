using System.Collections.Concurrent;
using System.Collections.Immutable;
using StandardsKit.Analysis;
using StandardsKit.Analysis.Symbolic;
using StandardsKit.Compilation;
using StandardsKit.Engine;
using StandardsKit.Expressions;
using StandardsKit.Model;

namespace StandardsKit.Diff;

/// <summary>
/// Who gains and who loses between two rules, decided symbolically over the union of both sides' facts: a fact
/// only one side declares is simply not read by the other, so a narrowing through a new fact is found. Three
/// valued: a resident loses when the old rule says yes and the new one does not (no, or cannot decide).
/// Examples are replayed through each side's compiled rule with that side's vocabulary before they are shown.
/// </summary>
internal sealed class RuleComparison(FactVocabulary oldFacts, FactVocabulary newFacts, CountyDomain counties,
    Divisions.DivisionAttributes oldAttributes, Divisions.DivisionAttributes newAttributes)
{
    private static readonly ConcurrentDictionary<(FactVocabulary, FactVocabulary), FactVocabulary> Unions = new();

    private readonly FactVocabulary _union = Unions.GetOrAdd((oldFacts, newFacts), p =>
        new FactVocabulary(p.Item2.Facts.Concat(p.Item1.Facts.Where(f => p.Item2.Find(f.Name) is null))));

    /// <summary>The union read the old side's way: where both sides declare a fact, the old declaration.</summary>
    private readonly FactVocabulary _oldView = Unions.GetOrAdd((newFacts, oldFacts), p =>
        new FactVocabulary(p.Item2.Facts.Concat(p.Item1.Facts.Where(f => p.Item2.Find(f.Name) is null))));

    /// <summary>Facts both sides declare with a different meaning (kind, values, range, derivation, absent, default).</summary>
    internal ImmutableArray<string> Redeclared { get; } = [.. newFacts.Facts
        .Where(n => oldFacts.Find(n.Name) is { } o && (o.Kind != n.Kind || o.Min != n.Min || o.Max != n.Max || o.Derived != n.Derived
            || o.AbsentMeansNone != n.AbsentMeansNone || o.DefaultsToCounty != n.DefaultsToCounty || !o.Values.SequenceEqual(n.Values)))
        .Select(n => n.Name).Order(StringComparer.Ordinal)];

    /// <summary>Whether a rule's text names a fact declared differently on the two sides (a whole word; <c>age</c> counts for <c>birthDate</c>).</summary>
    internal bool Mentions(string text) => Redeclared.Any(name =>
        System.Text.RegularExpressions.Regex.IsMatch(text, $@"\b{System.Text.RegularExpressions.Regex.Escape(name)}\b")
        || (name == "birthDate" && System.Text.RegularExpressions.Regex.IsMatch(text, @"\bage\b")));

    /// <summary>
    /// Why the two sides' rules cannot be compared over one resident: a fact they read changed its kind, values,
    /// range or derivation (a change of <c>absent</c> or of the county default is compared, each side under its own).
    /// </summary>
    private string? Incomparable(IEnumerable<Expr> syntax)
    {
        var read = syntax.SelectMany(e => e.Nodes()).OfType<FactExpr>().Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in Redeclared.Where(read.Contains))
        {
            var (o, n) = (oldFacts.Find(name)!, newFacts.Find(name)!);
            if (o.Kind != n.Kind || o.Min != n.Min || o.Max != n.Max || o.Derived != n.Derived || !o.Values.SequenceEqual(n.Values))
            {
                return $"fact '{name}' is declared with another kind, values or range on the new side";
            }
        }

        return null;
    }

    /// <summary>
    /// A resident who loses, one who gains (null when none), or the reason it was not (fully) decided; and the first
    /// day after <c>on</c> on which a rule's answer changes with the day, where the comparison must be made again.
    /// </summary>
    internal sealed record Outcome(Resident? Lost, Resident? Gained, string? Reason, DateOnly? ChangesOn = null);

    /// <summary>Compares the rules for every day from <paramref name="on"/> to <paramref name="until"/>, deciding on <paramref name="on"/>.</summary>
    public Outcome Eligibility(CompiledExpression? oldRule, CompiledExpression? newRule, DateOnly on, DateOnly until, string jurisdiction)
    {
        var table = new SymbolTable();
        var syntax = new[] { oldRule, newRule }.OfType<CompiledExpression>().Select(r => r.Syntax).ToList();
        var translator = new Translator(table, _union, on, counties.Within(jurisdiction), counties.Preferred(jurisdiction), Translator.NeedsBirthDate(syntax, _union), until);
        if (Incomparable(syntax) is { } incomparable)
        {
            return new Outcome(null, null, incomparable);
        }

        Tri o, n;
        try
        {
            translator.Facts = _oldView;
            o = oldRule is null ? Tri.True : ItemEncoding.Translate(translator, oldRule, oldRule.Text);
            translator.Facts = _union;
            n = newRule is null ? Tri.True : ItemEncoding.Translate(translator, newRule, newRule.Text);
        }
        catch (UnsupportedException e)
        {
            return new Outcome(null, null, e.Message);
        }

        var sensitive = until > on ? translator.DateSensitivity() : null;

        var solver = new Solver(table, new Budget(FloorObligation.DefaultBudget));
        // A definite example first (refused before, served now); one the other side cannot decide only when there is none.
        var lost = Example(solver, table, translator, Formula.And(o.IsTrue, n.IsFalse),
                       (r, county) => Eval(oldRule, oldFacts, r, county, on) == true && Eval(newRule, newFacts, r, county, on) == false, out var lostReason)
                   ?? Example(solver, table, translator, Formula.And(o.IsTrue, n.IsUndetermined),
                       (r, county) => Eval(oldRule, oldFacts, r, county, on) == true && Eval(newRule, newFacts, r, county, on) is null, out lostReason);
        var gained = Example(solver, table, translator, Formula.And(n.IsTrue, o.IsFalse),
                         (r, county) => Eval(newRule, newFacts, r, county, on) == true && Eval(oldRule, oldFacts, r, county, on) == false, out var gainedReason)
                     ?? Example(solver, table, translator, Formula.And(n.IsTrue, o.IsUndetermined),
                         (r, county) => Eval(newRule, newFacts, r, county, on) == true && Eval(oldRule, oldFacts, r, county, on) is null, out gainedReason);
        return new Outcome(lost, gained, sensitive ?? lostReason ?? gainedReason, translator.ChangesOn);
    }

    /// <summary>How a tiered quantity moves: residents whose amount rises, whose amount falls, with one example pair.</summary>
    internal sealed record TierOutcome(bool Higher, bool Lower, decimal? ExampleOld, decimal? ExampleNew, string? Reason);

    public TierOutcome Tiers(Quantity oldQuantity, DateOnly oldOn, Quantity newQuantity, DateOnly newOn, string jurisdiction)
    {
        var oldConditions = Conditions(oldQuantity, oldFacts, oldAttributes);
        var newConditions = Conditions(newQuantity, newFacts, newAttributes);
        if (oldConditions is null || newConditions is null)
        {
            return new TierOutcome(false, false, null, null, "a tier condition does not compile against its side's facts");
        }

        var table = new SymbolTable();
        var syntax = oldConditions.Concat(newConditions).OfType<CompiledExpression>().Select(c => c.Syntax).ToList();
        var translator = new Translator(table, _union, oldOn, counties.Within(jurisdiction), counties.Preferred(jurisdiction), Translator.NeedsBirthDate(syntax, _union),
            Catalog.LastSupportedDate);
        QuantityEncoding o, n;
        if (Incomparable(syntax) is { } incomparable)
        {
            return new TierOutcome(false, false, null, null, incomparable);
        }

        try
        {
            translator.Facts = _oldView;
            o = ItemEncoding.Encode(oldQuantity, oldConditions, translator, oldOn);
            translator.On = newOn;
            translator.Facts = _union;
            n = ItemEncoding.Encode(newQuantity, newConditions, translator, newOn);
        }
        catch (UnsupportedException e)
        {
            return new TierOutcome(false, false, null, null, e.Message);
        }

        var solver = new Solver(table, new Budget(FloorObligation.DefaultBudget));
        bool higher = false, lower = false;
        decimal? exampleOld = null, exampleNew = null;

        // Amounts are compared with each side's values on its own effective date; conditions that read the day are
        // compared on that day only, and say so.
        string? reason = translator.DateSensitivity()
            ?? (translator.ChangesOn is { } changes ? $"a tier condition's answer changes with the day (first on {FloorObligation.Day(changes)}); compared on the effective dates only" : null);
        var olds = o.Tiers.Select(t => (t.Selected, t.Value)).Append((o.DefinitelyAbsent, (decimal?)null)).ToList();
        var news = n.Tiers.Select(t => (t.Selected, t.Value)).Append((n.DefinitelyAbsent, (decimal?)null)).ToList();
        foreach (var (os, ov) in olds)
        {
            foreach (var (ns, nv) in news)
            {
                var up = (ov, nv) switch { (null, null) => false, (null, _) => true, (_, null) => false, var (a, b) => b > a };
                var down = (ov, nv) switch { (null, null) => false, (_, null) => true, (null, _) => false, var (a, b) => b < a };
                if ((!up || higher) && (!down || lower))
                {
                    continue;
                }

                var r = solver.Solve(Formula.And(os, ns));
                if (r.Status == SatStatus.Unknown)
                {
                    reason ??= r.Reason;
                }
                else if (r.Status == SatStatus.Satisfiable)
                {
                    higher |= up;
                    lower |= down;
                    if (exampleOld is null && exampleNew is null)
                    {
                        (exampleOld, exampleNew) = (ov, nv);
                    }
                }
            }
        }

        return new TierOutcome(higher, lower, exampleOld, exampleNew, reason);
    }

    /// <summary>A quantity's tier conditions compiled against one side's facts, in tier order; null when one does not compile.</summary>
    private static List<CompiledExpression?>? Conditions(Quantity quantity, FactVocabulary facts, Divisions.DivisionAttributes attributes)
    {
        var conditions = new List<CompiledExpression?>();
        foreach (var tier in quantity.Tiers)
        {
            if (tier.When is null)
            {
                conditions.Add(null);
            }
            else if (CatalogCompiler.TryCompile(tier.When, facts, attributes) is { } compiled)
            {
                conditions.Add(compiled);
            }
            else
            {
                return null;
            }
        }

        return conditions;
    }

    private Resident? Example(Solver solver, SymbolTable table, Translator translator, Formula query, Func<Resident, string, bool> shows, out string? reason)
    {
        reason = null;
        var r = solver.Solve(query);
        if (r.Status == SatStatus.Unknown)
        {
            reason = r.Reason;
            return null;
        }

        if (r.Model is not { } model)
        {
            return null;
        }

        var (resident, county) = ExampleResident.Build(model, table, translator, _union);
        if (!shows(resident, county))
        {
            reason = "internal: the solver's example was not confirmed by the evaluator (please report this rule)";
            return null;
        }

        return ExampleResident.Minimise(resident, x => shows(x, county));
    }

    /// <summary>The rule's answer as that side's engine gives it: facts the side does not declare are not part of its resident.</summary>
    private static bool? Eval(CompiledExpression? rule, FactVocabulary facts, Resident resident, string county, DateOnly on)
    {
        if (rule is null)
        {
            return true;
        }

        var own = resident;
        foreach (var name in resident.Facts.Keys)
        {
            if (facts.Find(name) is null)
            {
                own = own.Without(name);
            }
        }

        try
        {
            var v = rule.Evaluate(FrameBuilder.Build(own, FrameLayout.For(facts), county, on));
            return v.Kind == ValueKind.Bool ? v.Bool : null;
        }
        catch (ResidentException)
        {
            return null;
        }
    }
}
