using System.Collections.Immutable;

namespace StandardsKit.Expressions;

/// <summary>Expression syntax tree. Offsets index the expression text, for error positions.</summary>
internal abstract record Expr(int Start, int Length)
{
    /// <summary>This node and every node below it, parents before children, left to right.</summary>
    public IEnumerable<Expr> Nodes()
    {
        yield return this;
        IEnumerable<Expr> children = this switch
        {
            UnaryExpr u => [u.Operand],
            BinaryExpr b => [b.Left, b.Right],
            InExpr i => [i.Needle, .. i.Items],
            ListExpr l => l.Items,
            CallExpr c => c.Arguments,
            _ => [],
        };
        foreach (var node in children.SelectMany(child => child.Nodes()))
        {
            yield return node;
        }
    }
}

internal sealed record LiteralExpr(Value Value, int Start, int Length) : Expr(Start, Length);

internal sealed record FactExpr(string Name, int Start, int Length) : Expr(Start, Length);

internal enum UnaryOp
{
    Not,
    Negate,
}

internal sealed record UnaryExpr(UnaryOp Op, Expr Operand, int Start, int Length) : Expr(Start, Length);

internal enum BinaryOp
{
    And,
    Or,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Add,
    Subtract,
    Multiply,
    Divide,
}

internal sealed record BinaryExpr(BinaryOp Op, Expr Left, Expr Right, int Start, int Length) : Expr(Start, Length);

internal sealed record InExpr(Expr Needle, ImmutableArray<Expr> Items, int Start, int Length) : Expr(Start, Length);

internal sealed record ListExpr(ImmutableArray<Expr> Items, int Start, int Length) : Expr(Start, Length);

internal sealed record CallExpr(string Function, ImmutableArray<Expr> Arguments, int Start, int Length) : Expr(Start, Length);

internal static class BinaryOpText
{
    public static string Of(BinaryOp op) => op switch
    {
        BinaryOp.And => "and",
        BinaryOp.Or => "or",
        BinaryOp.Equal => "==",
        BinaryOp.NotEqual => "!=",
        BinaryOp.Less => "<",
        BinaryOp.LessOrEqual => "<=",
        BinaryOp.Greater => ">",
        BinaryOp.GreaterOrEqual => ">=",
        BinaryOp.Add => "+",
        BinaryOp.Subtract => "-",
        BinaryOp.Multiply => "*",
        _ => "/",
    };
}
