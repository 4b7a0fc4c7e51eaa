using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using StandardsKit.Diagnostics;
using StandardsKit.Engine;
using StandardsKit.Model;

namespace StandardsKit.Analysis;

/// <summary>
/// Finds level texts that state an old number: a local item that changes a quantity but inherits its parent's
/// level text, which still states the parent's amount (Pudong's 10 antenatal checks beside "9 antenatal checks"),
/// and an item whose own text states some of a quantity's amounts but not another (one changed beside its text).
/// Each finding is a warning, SK0217, with both values.
/// </summary>
/// <remarks>
/// Only what the text states in Arabic digits is compared (numbers written in Chinese numerals, 九次, are not
/// read), and only untiered quantities with one amount on the day checked: a tiered quantity's text usually
/// states several numbers, and which one a tier stands for is not written down. The check warns only when the
/// text states the parent's amount and not the new one, so a text that states both, or neither, passes.
/// Thread-safe; each call is independent.
/// </remarks>
public static partial class LevelTextCheck
{
    /// <summary>Checks every local item that overlays a quantity and inherits its level text.</summary>
    /// <param name="catalog">A loaded catalog.</param>
    /// <returns>One warning per item and quantity whose inherited text states the parent's amount, in file order.</returns>
    public static ImmutableArray<Diagnostic> Check(Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var index = new EditionIndex(catalog.Documents, catalog.Divisions);
        var resolved = new ConcurrentDictionary<string, ImmutableArray<EffectiveItem>>(StringComparer.Ordinal);
        var found = new List<Diagnostic>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var local in catalog.Documents.Where(d => !d.IsNational).OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Key, StringComparer.Ordinal))
        {
            // The days on which what the item inherits may change: its own first day and each later edition's.
            var last = index.LastDay(local);
            var days = catalog.Documents.Select(d => d.EffectiveFrom)
                .Where(d => d > local.EffectiveFrom && (last is null || d <= last))
                .Prepend(local.EffectiveFrom).Distinct().Order().ToList();
            foreach (var item in local.Items.Where(i => i.Implements is not null && i.Level is { Text: null, Quantities.Length: > 0 }))
            {
                foreach (var on in days)
                {
                    if (FloorProver.Pair(index, catalog.Compiled, resolved, local, item, on) is not { } pair)
                    {
                        continue;
                    }

                    foreach (var d in Disagreements(item, pair.Child, on))
                    {
                        if (seen.Add(d.Message))
                        {
                            found.Add(d);
                        }
                    }
                }
            }
        }

        foreach (var document in catalog.Documents.OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Key, StringComparer.Ordinal))
        {
            foreach (var item in document.Items.Where(i => i.Level is { Text: not null, Quantities.Length: > 0 }))
            {
                foreach (var d in OwnTextDisagreements(document, item))
                {
                    if (seen.Add(d.Message))
                    {
                        found.Add(d);
                    }
                }
            }
        }

        return [.. found];
    }

    /// <summary>
    /// An item's own text against its own quantities, on the day its document takes effect: a text that states some
    /// of a quantity's amounts (so it is about that quantity) but not another of them was left behind when that amount
    /// changed (Shanghai's 65–69 allowance raised to 100 beside "65–69周岁每人每月75元"). A text that states none of
    /// them speaks of something else and passes.
    /// </summary>
    private static IEnumerable<Diagnostic> OwnTextDisagreements(StandardDocument document, ServiceItem item)
    {
        var text = item.Level!.Text!;
        foreach (var quantity in item.Level.Quantities)
        {
            // Amounts are the numbers written with the quantity's unit word (75元, 9次): a text also states ages and
            // years (100周岁, 2016年), which would otherwise pass for amounts.
            var stated = Amounts(text.Zh, quantity.Unit).Concat(text.En is { } en ? Amounts(en, quantity.Unit) : []).ToHashSet();
            if (stated.Count == 0)
            {
                continue;
            }

            var values = quantity.Tiers.Select(t => (Tier: t, Value: t.ValueOn(document.EffectiveFrom))).Where(t => t.Value is not null).ToList();
            if (!values.Any(t => stated.Contains(t.Value!.Value)))
            {
                continue;
            }

            foreach (var (tier, value) in values.Where(t => !stated.Contains(t.Value!.Value)))
            {
                var v = value!.Value.ToString(CultureInfo.InvariantCulture);
                var numbers = string.Join(", ", stated.Order().Select(n => n.ToString(CultureInfo.InvariantCulture)));
                var which = tier.When is null ? "" : $" where {tier.When}";
                yield return new Diagnostic(DiagnosticCodes.LevelTextDisagrees, Severity.Warning,
                    $"'{item.Id}' sets {quantity.Name} to {v} {quantity.Unit}{which}, but its own level text states {numbers} and not {v}: \"{Excerpt(text.Zh)}\"",
                    tier.Span ?? quantity.Span ?? item.Level.Span ?? item.Span,
                    $"correct the text to state {v}, or the quantity to the amount the text states");
            }
        }
    }

    private static IEnumerable<Diagnostic> Disagreements(ServiceItem item, EffectiveItem child, DateOnly on)
    {
        var mine = child.Layers.ToList().FindIndex(l => ReferenceEquals(l.Item, item));
        if (mine <= 0)
        {
            yield break;
        }

        // The text in force is the nearest one above this layer; the parent's amount is the nearest above too.
        var above = child.Layers.Take(mine).ToList();
        if (above.LastOrDefault(l => l.Item.Level?.Text is not null) is not { } textLayer)
        {
            yield break;
        }

        var text = textLayer.Item.Level!.Text!;
        var stated = Numbers(text.Zh).Concat(text.En is { } en ? Numbers(en) : []).ToHashSet();
        foreach (var quantity in item.Level!.Quantities)
        {
            var parentQuantity = above.Select(l => l.Item.Level?.Quantities.FirstOrDefault(q => q.Name == quantity.Name)).LastOrDefault(q => q is not null);
            if (parentQuantity is null || Single(quantity, on) is not { } value || Single(parentQuantity, on) is not { } parentValue
                || value == parentValue || !stated.Contains(parentValue) || stated.Contains(value))
            {
                continue;
            }

            var v = value.ToString(CultureInfo.InvariantCulture);
            var pv = parentValue.ToString(CultureInfo.InvariantCulture);
            yield return new Diagnostic(DiagnosticCodes.LevelTextDisagrees, Severity.Warning,
                $"'{item.Id}' sets {quantity.Name} to {v} {quantity.Unit} but inherits the level text of {textLayer.Document.Key} '{textLayer.Item.Id}', " +
                $"which states {pv}: \"{Excerpt(text.Zh)}\"",
                quantity.Span ?? item.Level.Span ?? item.Span,
                $"write a level 'text' for '{item.Id}' that states {v}, or correct the quantity");
        }
    }

    /// <summary>The amount of an untiered quantity on a day; null when tiered or not yet in force.</summary>
    private static decimal? Single(Quantity quantity, DateOnly on) =>
        quantity.Tiers is [{ When: null } tier] ? tier.ValueOn(on) : null;

    /// <summary>The numbers followed by the unit's word (元/yuan for CNY units, 次/times for times); every number for other units.</summary>
    private static IEnumerable<decimal> Amounts(string text, string unit)
    {
        string[] words = unit.StartsWith("CNY", StringComparison.Ordinal) ? ["元", "yuan", "CNY"]
            : unit == "times" ? ["次", "times"]
            : [];
        return words.Length == 0
            ? Numbers(text)
            : Number().Matches(text)
                .Where(m => words.Any(w => text.AsSpan(m.Index + m.Length).TrimStart(' ').StartsWith(w, StringComparison.Ordinal)))
                .Select(m => decimal.Parse(m.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
    }

    private static IEnumerable<decimal> Numbers(string text) =>
        Number().Matches(text).Select(m => decimal.Parse(m.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));

    private static string Excerpt(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 60), "…");

    [GeneratedRegex(@"(?<![\d.])\d{1,15}(?:\.\d{1,6})?(?![\d.])")]
    private static partial Regex Number();
}
