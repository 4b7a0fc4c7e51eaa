using System.Numerics;

namespace StandardsKit.Analysis.Symbolic;

/// <summary>
/// Decides a conjunction of linear constraints by Fourier–Motzkin elimination over the rationals, then builds a
/// model by back-substitution. Over integer variables every derived constraint is tightened (integral
/// coefficients divided by their gcd), and back-substitution picks integers; when no integer fits at some
/// step the answer is <see cref="Outcome.Unknown"/>, never a guess. The systems here have a handful of
/// variables (a rule compares a fact with a constant, or two facts), so elimination stays small; a budget
/// on derived constraints ends anything larger as unknown.
/// </summary>
internal static class LinearSolver
{
    private const int MaxConstraints = 4000;

    internal enum Outcome
    {
        Satisfiable,
        Unsatisfiable,
        Unknown,
    }

    /// <summary>A constraint <c>Form &lt; 0</c> (strict) or <c>Form ≤ 0</c>.</summary>
    internal readonly record struct Constraint(LinearForm Form, bool Strict);

    /// <summary>Decides <paramref name="input"/> over <paramref name="vars"/>; <paramref name="model"/> is a solution when satisfiable.</summary>
    /// <param name="input">The constraints.</param>
    /// <param name="vars">Every numeric variable, with its bounds and whether it is an integer.</param>
    /// <param name="model">A solution, when there is one.</param>
    /// <param name="work">Constraints examined and derived: the deterministic measure of what this call cost, charged to the run's budget.</param>
    public static Outcome Solve(IReadOnlyList<Constraint> input, IReadOnlyList<NumericVar> vars, out Dictionary<int, Rational> model, out long work)
    {
        model = [];
        work = input.Count;
        var used = new SortedSet<int>(input.SelectMany(c => c.Form.Terms.Keys));
        var constraints = new List<Constraint>(input);
        foreach (var v in used)
        {
            if (vars[v].Min is { } min)
            {
                constraints.Add(new Constraint(LinearForm.Of(min).Minus(LinearForm.Var(v)), false)); // min − x ≤ 0
            }

            if (vars[v].Max is { } max)
            {
                constraints.Add(new Constraint(LinearForm.Var(v).Minus(LinearForm.Of(max)), false)); // x − max ≤ 0
            }
        }

        var order = used.ToList();
        var stages = new List<List<Constraint>>();
        var current = Normalise(constraints, vars, out var contradiction);
        if (contradiction)
        {
            return Outcome.Unsatisfiable;
        }

        foreach (var x in order)
        {
            stages.Add(current);
            var pos = new List<Constraint>();
            var neg = new List<Constraint>();
            var next = new List<Constraint>();
            foreach (var c in current)
            {
                var a = c.Form.Terms.GetValueOrDefault(x);
                (a.Numerator.Sign > 0 ? pos : a.Numerator.Sign < 0 ? neg : next).Add(c);
            }

            work += current.Count + (long)pos.Count * neg.Count;
            if ((long)pos.Count * neg.Count + next.Count > MaxConstraints)
            {
                return Outcome.Unknown;
            }

            foreach (var p in pos)
            {
                var a = p.Form.Terms[x];
                foreach (var n in neg)
                {
                    var b = -n.Form.Terms[x];
                    next.Add(new Constraint(p.Form.Times(b).Plus(n.Form.Times(a)), p.Strict || n.Strict));
                }
            }

            current = Normalise(next, vars, out contradiction);
            if (contradiction)
            {
                return Outcome.Unsatisfiable;
            }
        }

        // Back-substitution, last eliminated first: each variable's bounds come from the stage where it was eliminated.
        for (var i = order.Count - 1; i >= 0; i--)
        {
            var x = order[i];
            Rational? lo = null, hi = null;
            bool loStrict = false, hiStrict = false;
            foreach (var c in stages[i])
            {
                if (!c.Form.Terms.TryGetValue(x, out var a))
                {
                    continue;
                }

                // a·x + rest ≤ 0 with the other variables already valued.
                var rest = c.Form.Constant;
                foreach (var (v, k) in c.Form.Terms)
                {
                    if (v != x)
                    {
                        rest += k * model[v];
                    }
                }

                var bound = -rest / a;
                if (a.Sign > 0 && (hi is null || bound < hi || (bound == hi && c.Strict)))
                {
                    (hi, hiStrict) = (bound, c.Strict || (bound == hi && hiStrict));
                }
                else if (a.Sign < 0 && (lo is null || bound > lo || (bound == lo && c.Strict)))
                {
                    (lo, loStrict) = (bound, c.Strict || (bound == lo && loStrict));
                }
            }

            if (Pick(lo, loStrict, hi, hiStrict, vars[x]) is not { } value)
            {
                return Outcome.Unknown; // rationally feasible, but no integer fits this step: undecided, not refuted
            }

            model[x] = value;
        }

        return Outcome.Satisfiable;
    }

    /// <summary>A value in the interval: a boundary where a rule puts one, so examples sit on the edge that matters.</summary>
    private static Rational? Pick(Rational? lo, bool loStrict, Rational? hi, bool hiStrict, NumericVar v)
    {
        var loFromRule = lo is { } l && (v.Min is not { } min || l != min);
        var hiFromRule = hi is { } h && (v.Max is not { } max || h != max);
        if (v.Integer)
        {
            BigInteger? first = lo is { } a ? (loStrict && a.IsInteger ? a.Numerator + 1 : a.Ceiling()) : null;
            BigInteger? last = hi is { } b ? (hiStrict && b.IsInteger ? b.Numerator - 1 : b.Floor()) : null;
            if (first is { } f && last is { } z && f > z)
            {
                return null;
            }

            var pick = hiFromRule && !loFromRule && last is not null ? last : first ?? last ?? BigInteger.Zero;
            return Rational.Of(pick.Value, BigInteger.One);
        }

        if (lo is { } x && hi is { } y)
        {
            if (x > y || (x == y && (loStrict || hiStrict)))
            {
                return null;
            }

            if (!loStrict && !(hiFromRule && !loFromRule))
            {
                return x;
            }

            return !hiStrict ? y : (x + y) / Rational.Of(2);
        }

        if (lo is { } only)
        {
            return loStrict ? only + Rational.One : only;
        }

        if (hi is { } top)
        {
            return hiStrict ? top - Rational.One : top;
        }

        return Rational.Zero;
    }

    /// <summary>Checks constant constraints, tightens integer ones, scales to a canonical form and drops duplicates.</summary>
    private static List<Constraint> Normalise(List<Constraint> constraints, IReadOnlyList<NumericVar> vars, out bool contradiction)
    {
        contradiction = false;
        var seen = new HashSet<(LinearForm, bool)>();
        var result = new List<Constraint>();
        foreach (var (raw, rawStrict) in constraints)
        {
            var form = raw;
            var strict = rawStrict;
            if (form.IsConstant)
            {
                if (strict ? form.Constant.Sign >= 0 : form.Constant.Sign > 0)
                {
                    contradiction = true;
                    return result;
                }

                continue;
            }

            if (form.Terms.Keys.All(v => vars[v].Integer))
            {
                form = SymbolTable.Integral(form);
                if (strict)
                {
                    form = form.Plus(LinearForm.Of(Rational.One));
                    strict = false;
                }

                form = SymbolTable.Tighten(form);
            }
            else
            {
                // Scale so the largest coefficient is ±1: equal constraints then compare equal.
                var scale = form.Terms.Values.Select(c => c.Sign < 0 ? -c : c).Max();
                form = form.Times(Rational.One / scale);
            }

            if (seen.Add((form, strict)))
            {
                result.Add(new Constraint(form, strict));
            }
        }

        return result;
    }
}
