using System.Collections.Immutable;
using StandardsKit.Expressions;
using StandardsKit.Model;

namespace StandardsKit.Engine;

/// <summary>Evaluates one effective item for one resident frame.</summary>
internal static class DecisionMaker
{
    public static Decision Decide(EffectiveItem item, EvalFrame frame, FrameLayout layout, bool explain = true)
    {
        var because = explain ? ImmutableArray.CreateBuilder<Reason>() : null;
        UInt128 missing = 0;
        bool? eligible;
        if (item.Rule is { } rule)
        {
            var result = rule.Evaluate(frame);
            eligible = ToBool(result);
            if (result.IsUnknown)
            {
                missing |= result.Missing;
            }

            var whole = rule.Expression;
            var parts = !explain ? [] : whole.Parts.IsEmpty ? [whole] : whole.Parts;
            foreach (var part in parts)
            {
                var text = part == whole ? rule.Text : rule.Text.Substring(part.Offset, part.Syntax.Length);
                because!.Add(new Reason(text, ToBool(part.Evaluate(frame)), rule.PositionOf(part.Offset)));
            }
        }
        else
        {
            // An item with no rule at all serves every resident: the loader requires national items to say so.
            eligible = true;
        }

        DecisionLevel? level = null;
        if (eligible == true)
        {
            var quantities = ImmutableArray.CreateBuilder<ResolvedQuantity>(item.Quantities.Length);
            foreach (var quantity in item.Quantities)
            {
                if (QuantityResolver.Resolve(quantity, frame, layout, because, ref missing) is { } resolved)
                {
                    quantities.Add(resolved);
                }
            }

            level = new DecisionLevel(quantities.Count == quantities.Capacity ? quantities.MoveToImmutable() : quantities.ToImmutable(), item.LevelText);
        }

        return new Decision
        {
            Item = item.Id,
            Number = item.Number,
            Name = item.Name,
            LocalName = item.LocalName,
            Kind = item.Kind,
            Jurisdiction = item.Jurisdiction,
            Eligible = eligible,
            MissingFacts = MissingNames(missing, layout),
            Level = level,
            Because = because?.ToImmutable() ?? [],
            Citations = explain ? [.. item.Layers.Select(Cite)] : [],
        };
    }

    private static bool? ToBool(Value v) => v.Kind == ValueKind.Bool ? v.Bool : null;

    internal static ImmutableArray<string> MissingNames(UInt128 mask, FrameLayout layout)
    {
        if (mask == 0)
        {
            return [];
        }

        // Walk the slots in name order (precomputed) so the result is sorted without a sort call.
        var names = ImmutableArray.CreateBuilder<string>((int)UInt128.PopCount(mask));
        foreach (var slot in layout.SlotsByName)
        {
            if ((mask & (UInt128.One << slot)) != 0)
            {
                names.Add(layout.Facts.Facts[slot].Name);
            }
        }

        return names.MoveToImmutable();
    }

    private static Citation Cite(ItemLayer layer)
    {
        var doc = layer.Document;
        var url = layer.Item.Provenance.Sources.Select(doc.Source).FirstOrDefault(s => s?.Url is not null)?.Url
                  ?? doc.Sources.FirstOrDefault(s => s.Url is not null)?.Url;
        return new Citation(doc.Key, doc.Title, url, layer.Item.Id, layer.Item.Provenance.Evidence);
    }
}
