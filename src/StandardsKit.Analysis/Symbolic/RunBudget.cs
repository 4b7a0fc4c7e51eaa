using System.Globalization;

namespace StandardsKit.Analysis.Symbolic;

/// <summary>
/// The work budget of one whole analysis run (one <c>FloorProver.Prove</c>, one <c>SemanticDiff.Compare</c>), on top of
/// each obligation's own step budget: without it, a rule that exhausts its budget on every one of many intervals
/// (a tier naming 24 dates) or items costs the sum of them all — minutes. Both measures are counts, never a clock:
/// search steps, and units of work (formula nodes visited and linear constraints examined at each step), which stop
/// a run whose steps became expensive (large formulas, large linear systems). A clock would make the same input
/// proved on an idle machine and unsupported on a busy one; counts decide alike everywhere.
/// </summary>
/// <remarks>
/// Ambient (<see cref="AsyncLocal{T}"/>): a run opens one with <see cref="Begin"/>, and every <see cref="Budget"/>
/// created inside it draws on it, on whatever thread the run continues. Outside a run, budgets are per obligation only.
/// </remarks>
internal sealed class RunBudget
{
    /// <summary>Steps across every obligation of a run (the embedded standards use a few thousand).</summary>
    public const long DefaultSteps = 2_000_000;

    /// <summary>Units of work across a run: formula nodes visited and linear constraints examined (the embedded standards use a few hundred thousand).</summary>
    public const long DefaultWork = 500_000_000;

    private static readonly AsyncLocal<RunBudget?> Ambient = new();

    private readonly long _steps;
    private readonly long _work;
    private long _used;
    private long _worked;

    private RunBudget(long steps, long work)
    {
        _steps = steps;
        _work = work;
    }

    /// <summary>The run in progress on this logical thread, if any.</summary>
    public static RunBudget? Current => Ambient.Value;

    public long Used => Interlocked.Read(ref _used);

    /// <summary>Opens a run; dispose to close it. A run already open is kept (the outer run's budget governs).</summary>
    public static IDisposable Begin(long steps = DefaultSteps, long work = DefaultWork)
    {
        if (Ambient.Value is not null)
        {
            return new Scope(null);
        }

        Ambient.Value = new RunBudget(steps, work);
        return new Scope(Ambient.Value);
    }

    public void Step()
    {
        var used = Interlocked.Increment(ref _used);
        if (used > _steps)
        {
            throw new BudgetExhaustedException(string.Create(CultureInfo.InvariantCulture,
                $"{Budget.ExhaustedPrefix} of this run ({_steps} search steps over all obligations) ran out before this obligation was decided"));
        }
    }

    /// <summary>Charges units of work; past the run's total the obligation in progress ends unsupported, saying so.</summary>
    public void Work(long units)
    {
        if (Interlocked.Add(ref _worked, units) > _work)
        {
            throw new BudgetExhaustedException(string.Create(CultureInfo.InvariantCulture,
                $"{Budget.ExhaustedPrefix} of this run ({_work} units of work over all obligations: formula nodes and constraints examined) ran out before this obligation was decided (its search steps were unusually costly)"));
        }
    }

    private sealed class Scope(RunBudget? opened) : IDisposable
    {
        public void Dispose()
        {
            if (opened is not null && ReferenceEquals(Ambient.Value, opened))
            {
                Ambient.Value = null;
            }
        }
    }
}
