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
/// level text, which still states the parent's amount (Pudong's 10 antenatal checks beside "9 antenatal checks").
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

        return [.. found];
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

    private static IEnumerable<decimal> Numbers(string text) =>
        Number().Matches(text).Select(m => decimal.Parse(m.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));

    private static string Excerpt(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 60), "…");

    [GeneratedRegex(@"(?<![\d.])\d{1,15}(?:\.\d{1,6})?(?![\d.])")]
    private static partial Regex Number();
}
