using StandardsKit.Diagnostics;
using StandardsKit.Expressions;

namespace StandardsKit.Compilation;

/// <summary>An eligibility rule or tier condition as the engine runs it, with the source map its explanations cite.</summary>
/// <remarks>Immutable; safe to evaluate from many threads at once.</remarks>
internal sealed class CompiledRule(string text, CompiledExpression expression, SourceMap map)
{
    /// <summary>The expression as written.</summary>
    public string Text { get; } = text;

    public CompiledExpression Expression { get; } = expression;

    public SourceMap Map { get; } = map;

    /// <summary>Where character <paramref name="offset"/> of <see cref="Text"/> is written.</summary>
    public SourceSpan PositionOf(int offset) => Map.At(offset);

    public Value Evaluate(EvalFrame frame) => Expression.Evaluate(frame);
}
