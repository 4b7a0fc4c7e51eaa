using StandardsKit.Screening;

namespace StandardsKit.Engine;

/// <summary>
/// One thread's buffers for screening a single resident before its decisions are materialised: reused, so that
/// evaluating one resident neither allocates them nor zeroes them on the stack.
/// </summary>
internal sealed class EvaluationScratch
{
    [ThreadStatic]
    private static EvaluationScratch? _current;

    private EvaluationScratch(int decisions, int quantities, int parts)
    {
        Decisions = new ScreenDecision[decisions];
        Quantities = new ScreenQuantity[quantities];
        Parts = new byte[parts];
    }

    public ScreenDecision[] Decisions { get; }

    public ScreenQuantity[] Quantities { get; }

    public byte[] Parts { get; }

    /// <summary>This thread's buffers, grown when a preparation needs more than they hold.</summary>
    public static EvaluationScratch For(int decisions, int quantities, int parts)
    {
        var current = _current;
        if (current is null || current.Decisions.Length < decisions || current.Quantities.Length < quantities || current.Parts.Length < parts)
        {
            current = _current = new EvaluationScratch(
                Math.Max(decisions, current?.Decisions.Length ?? 0),
                Math.Max(quantities, current?.Quantities.Length ?? 0),
                Math.Max(parts, current?.Parts.Length ?? 0));
        }

        return current;
    }
}
