using StandardsKit.Diagnostics;
using StandardsKit.Expressions;
using StandardsKit.Loading.Yaml;
using StandardsKit.Model;

namespace StandardsKit.Loading;

/// <summary>Compiles an expression written in a YAML scalar, reporting errors at their column in the file.</summary>
internal static class ExpressionSite
{
    public static CompiledExpression? Compile(YamlNode? node, FactVocabulary facts, DiagnosticBag diagnostics)
    {
        if (node is not YamlScalar scalar)
        {
            return null;
        }

        try
        {
            return Binder.CompileCondition(scalar.Value, facts);
        }
        catch (ExpressionException e)
        {
            diagnostics.Error(e.Error.Code, scalar.PositionOf(e.Error.Offset), e.Error.Message, e.Error.Help);
            return null;
        }
    }
}
