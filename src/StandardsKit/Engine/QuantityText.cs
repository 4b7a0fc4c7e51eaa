using System.Globalization;

namespace StandardsKit.Engine;

/// <summary>How an undetermined amount reads in messages and text output, in one place for every renderer.</summary>
internal static class QuantityText
{
    /// <summary>The amount, or its possible values such as <c>460 or 590</c> (<c>460 或 590</c>) when undetermined.</summary>
    public static string Amount(ResolvedQuantity q, bool zh = false)
    {
        if (q.Value is { } v)
        {
            return Number(v);
        }

        var options = q.PossibleValues.Select(Number).ToList();
        if (q.MayBeAbsent)
        {
            options.Add(zh ? "无" : "none");
        }

        var or = zh ? " 或 " : " or ";
        return options.Count == 1 ? options[0] : string.Join(", ", options.Take(options.Count - 1)) + or + options[^1];
    }

    /// <summary><c>amount depends on onlyChildDeceased</c> (<c>金额取决于 onlyChildDeceased</c>).</summary>
    public static string DependsOn(ResolvedQuantity q, bool zh = false) =>
        (zh ? "金额取决于 " : "amount depends on ") + string.Join(", ", q.MissingFacts);

    public static string Number(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}
