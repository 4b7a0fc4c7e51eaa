namespace StandardsKit.Expressions;

/// <summary>The inputs of one evaluation: a value per fact slot, which facts were given, and the evaluation date.</summary>
internal sealed class EvalFrame(Value[] slots, DateOnly on, UInt128 given = default)
{
    public Value[] Slots { get; } = slots;

    public DateOnly On { get; } = on;

    /// <summary>One bit per slot the resident gave (or, for a derived fact, whose inputs were given): what <c>present(x)</c> reads.</summary>
    public UInt128 Given { get; } = given;
}

internal delegate Value Evaluator(EvalFrame frame);
