using StandardsKit.Engine;
using StandardsKit.Expressions;

namespace StandardsKit.Tests.Expressions;

/// <summary>Compiles and evaluates expressions against the embedded fact vocabulary.</summary>
internal static class ExpressionHarness
{
    public static readonly DateOnly On = new(2024, 6, 1);

    public static StandardsKit.Model.FactVocabulary Facts => Catalog.Default.Facts;

    public static CompiledExpression Compile(string text) => Binder.CompileCondition(text, Facts, Catalog.Default.Attributes);

    public static ExpressionError ErrorOf(string text)
    {
        var act = () => Compile(text);
        return act.Should().Throw<ExpressionException>().Which.Error;
    }

    public static Value Eval(string text, Resident resident) => EvalOn(text, resident, On);

    public static Value EvalOn(string text, Resident resident, DateOnly on) =>
        Compile(text).Evaluate(FrameBuilder.Build(resident, FrameLayout.For(Facts), "310104", on));

    public static UInt128 Bit(string fact) => UInt128.One << Facts.SlotOf(fact);
}
