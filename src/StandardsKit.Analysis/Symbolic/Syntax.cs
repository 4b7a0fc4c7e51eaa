using StandardsKit.Expressions;

namespace StandardsKit.Analysis.Symbolic;

/// <summary>Questions about an expression's syntax tree that the analyses ask before translating it.</summary>
internal static class Syntax
{
    /// <summary>True when <paramref name="predicate"/> holds for the node or any node below it.</summary>
    public static bool Any(Expr e, Func<Expr, bool> predicate) => predicate(e) || e switch
    {
        UnaryExpr u => Any(u.Operand, predicate),
        BinaryExpr b => Any(b.Left, predicate) || Any(b.Right, predicate),
        InExpr i => Any(i.Needle, predicate) || i.Items.Any(x => Any(x, predicate)),
        ListExpr l => l.Items.Any(x => Any(x, predicate)),
        CallExpr c => c.Arguments.Any(x => Any(x, predicate)),
        _ => false,
    };
}
