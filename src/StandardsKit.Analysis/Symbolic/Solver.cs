namespace StandardsKit.Analysis.Symbolic;

/// <summary>The answer to "is there a resident for whom this formula holds?".</summary>
internal enum SatStatus
{
    /// <summary>Yes: <see cref="SatResult.Model"/> is one.</summary>
    Satisfiable,

    /// <summary>No resident at all: proved.</summary>
    Unsatisfiable,

    /// <summary>Not decided: the work budget ran out or arithmetic left the decidable fragment.</summary>
    Unknown,
}

/// <summary>Values for every leaf, numeric and finite-domain variable the search fixed.</summary>
internal sealed record SatModel(Dictionary<int, bool> Leaves, Dictionary<int, Rational> Numbers, Dictionary<int, string> Codes);

internal sealed record SatResult(SatStatus Status, SatModel? Model, string? Reason);

/// <summary>
/// A small DPLL(T) search: branch on leaves the formula still needs (justification order), evaluate the formula
/// under the partial assignment, and check the theory atoms fixed so far with the linear and finite-domain
/// procedures. Sound both ways: "unsatisfiable" means every branch was refuted exactly, and a model is
/// checked against every fixed literal. Work is bounded by <see cref="Budget"/>; exhausting it is an answer
/// (<see cref="SatStatus.Unknown"/>), not a hang.
/// </summary>
internal sealed class Solver(SymbolTable table, Budget budget)
{
    private readonly Dictionary<int, bool> _assigned = [];

    /// <summary>Formula nodes visited since the last search step was charged (see <see cref="Budget.Work"/>).</summary>
    private long _visits;
    private bool _incomplete;
    private string? _reason;

    public SatResult Solve(Formula formula)
    {
        _assigned.Clear();
        _incomplete = false;
        _reason = null;
        try
        {
            var model = Search(formula);
            if (model is not null)
            {
                return new SatResult(SatStatus.Satisfiable, model, null);
            }

            return _incomplete ? new SatResult(SatStatus.Unknown, null, _reason) : new SatResult(SatStatus.Unsatisfiable, null, null);
        }
        catch (BudgetExhaustedException e)
        {
            return new SatResult(SatStatus.Unknown, null, e.Message);
        }
    }

    private SatModel? Search(Formula formula)
    {
        budget.Step();
        budget.Work(_visits);
        _visits = 0;
        var value = Evaluate(formula);
        if (value == false)
        {
            return null;
        }

        var theory = Theory(out var numbers, out var codes);
        if (theory != SatStatus.Satisfiable)
        {
            if (theory == SatStatus.Unknown)
            {
                _incomplete = true;
            }

            return null;
        }

        if (value == true)
        {
            return new SatModel(new Dictionary<int, bool>(_assigned), numbers!, codes!);
        }

        var (leaf, preferred) = Branch(formula, want: true) ?? throw new InvalidOperationException("undecided formula without an open leaf");
        foreach (var polarity in new[] { preferred, !preferred })
        {
            _assigned[leaf] = polarity;
            var model = Search(formula);
            if (model is not null)
            {
                return model;
            }

            _assigned.Remove(leaf);
        }

        return null;
    }

    /// <summary>Three-valued evaluation under the partial assignment: null while undecided.</summary>
    private bool? Evaluate(Formula f)
    {
        _visits++;
        switch (f)
        {
            case ConstFormula c:
                return c.Value;
            case LeafFormula l:
                return _assigned.TryGetValue(l.Id, out var b) ? b : null;
            case NotFormula n:
                return !Evaluate(n.Operand);
            case AndFormula a:
            {
                var open = false;
                foreach (var p in a.Parts)
                {
                    var v = Evaluate(p);
                    if (v == false)
                    {
                        return false;
                    }

                    open |= v is null;
                }

                return open ? null : true;
            }

            case OrFormula o:
            {
                var open = false;
                foreach (var p in o.Parts)
                {
                    var v = Evaluate(p);
                    if (v == true)
                    {
                        return true;
                    }

                    open |= v is null;
                }

                return open ? null : false;
            }

            default:
                throw new InvalidOperationException("unknown formula");
        }
    }

    /// <summary>An open leaf that could make <paramref name="f"/> take the value <paramref name="want"/>, with that polarity first.</summary>
    private (int Leaf, bool Polarity)? Branch(Formula f, bool want)
    {
        _visits++;
        switch (f)
        {
            case LeafFormula l:
                return _assigned.ContainsKey(l.Id) ? null : (l.Id, want);
            case NotFormula n:
                return Branch(n.Operand, !want);
            case AndFormula or OrFormula:
            {
                var parts = f is AndFormula a ? a.Parts : ((OrFormula)f).Parts;
                foreach (var p in parts)
                {
                    if (Evaluate(p) is null && Branch(p, want) is { } choice)
                    {
                        return choice;
                    }
                }

                return null;
            }

            default:
                return null;
        }
    }

    private SatStatus Theory(out Dictionary<int, Rational>? numbers, out Dictionary<int, string>? codes)
    {
        numbers = null;
        codes = null;
        var linear = new List<LinearSolver.Constraint>();
        var finite = new List<(Atom, bool)>();
        foreach (var (leaf, value) in _assigned)
        {
            switch (table.AtomOf(leaf))
            {
                case LinearAtom l:
                    // ¬(L < 0) ⇔ −L ≤ 0; ¬(L ≤ 0) ⇔ −L < 0
                    linear.Add(value ? new(l.Form, l.Strict) : new(l.Form.Times(-Rational.One), !l.Strict));
                    break;
                case { } atom:
                    finite.Add((atom, value));
                    break;
            }
        }

        var outcome = LinearSolver.Solve(linear, table.Numerics, out var n, out var work);
        budget.Work(_assigned.Count + work);
        if (outcome == LinearSolver.Outcome.Unsatisfiable)
        {
            return SatStatus.Unsatisfiable;
        }

        if (!FiniteDomainSolver.Solve(finite, table.Fds, () => table.CodeSpace, out var c))
        {
            return SatStatus.Unsatisfiable;
        }

        if (outcome == LinearSolver.Outcome.Unknown)
        {
            _reason ??= "integer arithmetic the procedure could not decide (no integer solution found by elimination)";
            return SatStatus.Unknown;
        }

        numbers = n;
        codes = c;
        return SatStatus.Satisfiable;
    }
}

/// <summary>
/// A work budget in search steps shared by the queries of one obligation; each step, and the work done at it
/// (formula nodes visited, constraints examined), also draws on the run's budget (<see cref="RunBudget.Current"/>
/// when the budget is created), so no run can go on for minutes — counted, never timed, so every machine decides alike.
/// </summary>
internal sealed class Budget(long steps)
{
    /// <summary>Every "ran out" reason starts with this, so callers can tell exhaustion from other unsupported constructs.</summary>
    public const string ExhaustedPrefix = "the work budget";

    private readonly RunBudget? _run = RunBudget.Current;
    private long _used;

    public long Used => _used;

    public void Step()
    {
        if (++_used > steps)
        {
            throw new BudgetExhaustedException($"{ExhaustedPrefix} of {steps.ToString(System.Globalization.CultureInfo.InvariantCulture)} search steps ran out");
        }

        _run?.Step();
    }

    /// <summary>Charges <paramref name="units"/> of work (nodes visited, constraints examined) to the run.</summary>
    public void Work(long units) => _run?.Work(units);
}

internal sealed class BudgetExhaustedException(string message) : Exception(message);
