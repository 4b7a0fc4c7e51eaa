namespace StandardsKit.Expressions;

/// <summary>Bounds that keep every expression cheap to parse, check, prove things about and evaluate.</summary>
internal static class ExpressionLimits
{
    public const int MaxLength = 2000;
    public const int MaxDepth = 64;
    public const int MaxListLength = 64;
}
