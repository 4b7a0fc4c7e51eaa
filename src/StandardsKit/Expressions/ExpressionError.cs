namespace StandardsKit.Expressions;

/// <summary>A problem in an expression at a character offset; the loader maps it into the YAML file.</summary>
internal sealed record ExpressionError(string Code, int Offset, string Message, string? Help = null);

internal sealed class ExpressionException(ExpressionError error) : Exception(error.Message)
{
    public ExpressionError Error { get; } = error;
}
