namespace StandardsKit.Expressions;

/// <summary>The inputs of one evaluation: a value per fact slot and the evaluation date.</summary>
internal sealed class EvalFrame(Value[] slots, DateOnly on)
{
    public Value[] Slots { get; } = slots;

    public DateOnly On { get; } = on;
}

internal delegate Value Evaluator(EvalFrame frame);
