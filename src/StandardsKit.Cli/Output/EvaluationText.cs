using StandardsKit.Expressions;
using System.Globalization;
using StandardsKit.Engine;
using StandardsKit.Model;

namespace StandardsKit.Cli.Output;

/// <summary>A readable bilingual explanation of an evaluation, with citations.</summary>
internal static class EvaluationText
{
    public static void Write(TextWriter w, Evaluation evaluation, string lang)
    {
        var zh = lang != "en";
        var l = Language.Of(lang);
        w.Line(zh
            ? $"县级区划 {evaluation.County}，日期 {ExpressionLimits.Iso(evaluation.On)}"
            : $"County {evaluation.County} on {ExpressionLimits.Iso(evaluation.On)}");
        w.Line((zh ? "适用标准：" : "Standards in force: ") +
                    string.Join(" → ", evaluation.Chain.Select(c => $"{c.Standard}@{c.Edition} ({c.Jurisdiction})")));
        foreach (var warning in evaluation.Warnings)
        {
            w.Line($"{(zh ? "警告" : "warning")}: {warning.Message}");
        }

        w.WriteLine();
        foreach (var d in evaluation.Decisions)
        {
            var mark = d.Eligible switch { true => "✓", false => "✗", null => "?" };
            var verdict = d.Eligible switch
            {
                true => zh ? "符合条件" : "eligible",
                false => zh ? "不符合条件" : "not eligible",
                null => zh ? "无法确定" : "undetermined",
            };
            var name = d.Name.In(lang) + (d.LocalName is { } local ? $" / {local.In(lang)}" : "");
            w.Line($"{mark} ({d.Number?.ToString(CultureInfo.InvariantCulture) ?? "-"}) {name} [{d.Item}] — {verdict} ({(zh ? "定义于" : "defined by")} {d.Jurisdiction})");
            if (!d.MissingFacts.IsEmpty)
            {
                w.Line($"    {(zh ? "缺少事实" : "missing facts")}: {string.Join(", ", d.MissingFacts)}");
            }

            foreach (var r in d.Because)
            {
                var result = r.Result switch { true => "true", false => "false", null => "?" };
                w.Line($"    {(zh ? "因为" : "because")} {r.Expression} = {result}   ({r.Source})");
            }

            if (d.Level is { } level)
            {
                foreach (var q in level.Quantities)
                {
                    var amount = $"{(q.AtLeast ? "≥ " : "")}{QuantityText.Amount(q, zh)} {l.Unit(q.Unit)}";
                    w.Line(q.Value is null
                        ? $"    {(zh ? "标准" : "level")}: {l.Quantity(q.Name)}: {amount} — {QuantityText.DependsOn(q, zh)} ({q.Jurisdiction})"
                        : $"    {(zh ? "标准" : "level")}: {l.Quantity(q.Name)} {amount} ({q.Jurisdiction})");
                }

                if (level.Text is { } text)
                {
                    w.Line($"    {(zh ? "服务标准" : "standard")}: {text.In(lang)}");
                }
            }

            foreach (var c in d.Citations)
            {
                w.Line($"    {(zh ? "依据" : "cites")}: {c.Standard} {c.Title.In(lang)} [{c.Evidence.Name()}]{(c.Url is null ? "" : " " + c.Url)}");
            }
        }
    }
}
