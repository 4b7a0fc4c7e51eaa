using System.Globalization;
using StandardsKit.Engine;
using StandardsKit.Screening;

namespace StandardsKit.Tests.Screening;

/// <summary>Decisions as one line of text each, so two engines' answers compare field by field in a failure message.</summary>
internal static class DecisionText
{
    public static string Of(Decision d) => string.Join(" | ",
        d.Item,
        $"eligible={Show(d.Eligible)}",
        $"missing=[{string.Join(",", d.MissingFacts)}]",
        d.Level is null ? "level=null" : $"level=[{string.Join("; ", d.Level.Quantities.Select(Of))}] text={d.Level.Text?.Zh}",
        $"because=[{string.Join("; ", d.Because.Select(r => $"{r.Expression}={Show(r.Result)}@{r.Source}"))}]",
        $"citations=[{string.Join("; ", d.Citations.Select(c => $"{c.Standard}/{c.Item}/{c.Url}/{c.Evidence}"))}]",
        $"{d.Number}/{d.Name.Zh}/{d.LocalName?.Zh}/{d.Kind}/{d.Jurisdiction}");

    public static string Of(ResolvedQuantity q) =>
        $"{q.Name}={q.Value?.ToString(CultureInfo.InvariantCulture) ?? "null"} {q.Unit} atLeast={q.AtLeast} {q.Jurisdiction} " +
        $"missing=[{string.Join(",", q.MissingFacts)}] possible=[{string.Join(",", q.PossibleValues.Select(v => v.ToString(CultureInfo.InvariantCulture)))}] absent={q.MayBeAbsent}";

    /// <summary>What screening wrote for one item, in the same words as <see cref="Of(Decision)"/> for the fields it carries.</summary>
    public static string Of(PreparedEvaluation prepared, int item, in ScreenDecision d, ReadOnlySpan<ScreenQuantity> all, int resident)
    {
        var quantities = new List<string>();
        if (d.Eligibility == EligibilityState.Eligible)
        {
            for (var k = 0; k < prepared.Quantities.Length; k++)
            {
                var info = prepared.Quantities[k];
                var q = all[(resident * prepared.Quantities.Length) + k];
                if (info.Item != item || q.State == QuantityState.NoAmount)
                {
                    continue;
                }

                quantities.Add($"{info.Name}={q.Value?.ToString(CultureInfo.InvariantCulture) ?? "null"} {info.Unit} atLeast={info.AtLeast} {info.Jurisdiction} " +
                    $"missing=[{string.Join(",", prepared.Rows.NamesOf(q.MissingFacts))}] possible=[{string.Join(",", prepared.PossibleValues(k, q).Select(v => v.ToString(CultureInfo.InvariantCulture)))}] absent={q.MayBeAbsent}");
            }
        }

        return string.Join(" | ",
            prepared.Items[item].Id,
            $"eligible={Show(d.Eligible)}",
            $"missing=[{string.Join(",", prepared.Rows.NamesOf(d.MissingFacts))}]",
            d.Eligibility == EligibilityState.Eligible ? $"level=[{string.Join("; ", quantities)}]" : "level=null");
    }

    /// <summary>The fields of <see cref="Of(Decision)"/> that screening carries.</summary>
    public static string Screened(Decision d) => string.Join(" | ",
        d.Item,
        $"eligible={Show(d.Eligible)}",
        $"missing=[{string.Join(",", d.MissingFacts)}]",
        d.Level is null ? "level=null" : $"level=[{string.Join("; ", d.Level.Quantities.Select(Of))}]");

    private static string Show(bool? b) => b switch
    {
        true => "true",
        false => "false",
        null => "null",
    };
}
