using System.Collections.Immutable;

namespace StandardsKit.Expressions;

/// <summary>A parsed, type-checked boolean expression compiled to a delegate tree.</summary>
/// <remarks>Immutable; safe to evaluate from many threads at once.</remarks>
internal sealed class CompiledExpression
{
    public CompiledExpression(string text, Expr syntax, Evaluator evaluator, ImmutableArray<string> facts,
        ImmutableArray<CompiledExpression> parts)
    {
        Text = text;
        Syntax = syntax;
        Evaluator = evaluator;
        Facts = facts;
        Parts = parts;
    }

    public string Text { get; }

    public Expr Syntax { get; }

    public Evaluator Evaluator { get; }

    /// <summary>The facts the expression reads, in first-use order.</summary>
    public ImmutableArray<string> Facts { get; }

    /// <summary>The division attributes the expression was checked against (what <c>hasAttribute</c> and <c>attribute</c> read).</summary>
    public Divisions.DivisionAttributes Attributes { get; init; } = Divisions.DivisionAttributes.Empty;

    /// <summary>The operands of a top-level <c>and</c>/<c>or</c> chain, for explanations.</summary>
    public ImmutableArray<CompiledExpression> Parts { get; }

    /// <summary>Character offset of this (sub)expression in the full expression text.</summary>
    public int Offset => Syntax.Start;

    public Value Evaluate(EvalFrame frame) => Evaluator(frame);
}
