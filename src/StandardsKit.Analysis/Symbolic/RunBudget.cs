using System.Diagnostics;
using System.Globalization;

namespace StandardsKit.Analysis.Symbolic;

/// <summary>
/// The work budget of one whole analysis run (one <c>FloorProver.Prove</c>, one <c>SemanticDiff.Compare</c>), on top of
/// each obligation's own step budget: without it, a rule that exhausts its budget on every one of many intervals
/// (a tier naming 24 dates) or items costs the sum of them all — minutes. Steps are the deterministic measure;
/// the clock only stops a run whose steps became expensive (large linear systems), and says so.
/// </summary>
/// <remarks>
/// Ambient (<see cref="AsyncLocal{T}"/>): a run opens one with <see cref="Begin"/>, and every <see cref="Budget"/>
/// created inside it draws on it, on whatever thread the run continues. Outside a run, budgets are per obligation only.
/// </remarks>
internal sealed class RunBudget
{
    /// <summary>Steps across every obligation of a run (the embedded standards use a few thousand).</summary>
    public const long DefaultSteps = 2_000_000;

    /// <summary>Wall-clock time of a run, a safety net for expensive steps.</summary>
    public static readonly TimeSpan DefaultTime = TimeSpan.FromSeconds(20);

    private static readonly AsyncLocal<RunBudget?> Ambient = new();

    private readonly long _steps;
    private readonly TimeSpan _time;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _used;

    private RunBudget(long steps, TimeSpan time)
    {
        _steps = steps;
        _time = time;
    }

    /// <summary>The run in progress on this logical thread, if any.</summary>
    public static RunBudget? Current => Ambient.Value;

    public long Used => Interlocked.Read(ref _used);

    /// <summary>Opens a run; dispose to close it. A run already open is kept (the outer run's budget governs).</summary>
    public static IDisposable Begin(long steps = DefaultSteps, TimeSpan? time = null)
    {
        if (Ambient.Value is not null)
        {
            return new Scope(null);
        }

        Ambient.Value = new RunBudget(steps, time ?? DefaultTime);
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

        if ((used & 1023) == 0 && _clock.Elapsed > _time)
        {
            throw new BudgetExhaustedException(string.Create(CultureInfo.InvariantCulture,
                $"{Budget.ExhaustedPrefix} of this run ({_time.TotalSeconds:0} seconds) ran out before this obligation was decided (its search steps were unusually costly)"));
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
