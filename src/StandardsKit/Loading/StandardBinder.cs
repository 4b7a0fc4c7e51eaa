using StandardsKit.Expressions;
using System.Collections.Immutable;
using StandardsKit.Compilation;
using StandardsKit.Diagnostics;
using StandardsKit.Loading.Yaml;
using StandardsKit.Model;

namespace StandardsKit.Loading;

/// <summary>
/// Turns a schema-checked standard document tree into the model, recording beside it how each expression's
/// characters map to the file. Expressions are kept as text: the compiler binds them after the reference checks.
/// </summary>
internal sealed class StandardBinder(NodeReader r, ExpressionSourceMaps maps, string path)
{
    public StandardDocument? Bind(YamlMapping root)
    {
        var id = NodeReader.String(root["id"]);
        var jurisdiction = NodeReader.String(root["jurisdiction"]);
        var edition = NodeReader.String(root["edition"]);
        var effectiveFrom = r.Date(root["effectiveFrom"]);
        if (id is null || jurisdiction is null || edition is null || effectiveFrom is null)
        {
            return null;
        }

        var effectiveUntil = r.Date(root["effectiveUntil"]);
        if (effectiveUntil < effectiveFrom)
        {
            r.Diagnostics.Error(DiagnosticCodes.BadDates, root["effectiveUntil"]!.Span,
                $"effectiveUntil {ExpressionLimits.Iso(effectiveUntil.Value)} is before effectiveFrom {ExpressionLimits.Iso(effectiveFrom.Value)}", "swap or correct the dates");
        }

        return new StandardDocument
        {
            Id = id,
            Jurisdiction = jurisdiction,
            Edition = edition,
            Title = NodeReader.Text(root["title"]) ?? new LocalizedText(id, null),
            Issuers = NodeReader.Strings(root["issuers"]),
            DocumentNumber = NodeReader.String(root["documentNumber"]),
            Published = r.Date(root["published"]),
            EffectiveFrom = effectiveFrom.Value,
            EffectiveUntil = effectiveUntil,
            Supersedes = NodeReader.String(root["supersedes"]),
            Extends = NodeReader.String(root["extends"]),
            Provenance = NodeReader.Provenance(root["provenance"]),
            Sources = [.. NodeReader.List(root["sources"]).Select(Source).OfType<SourceReference>()],
            Areas = [.. NodeReader.List(root["areas"]).Select(AreaOf).OfType<Area>()],
            Items = [.. NodeReader.List(root["items"]).Select(Item).OfType<ServiceItem>()],
            Path = path,
            Span = root.Span,
            EffectiveFromSpan = root.KeyNode("effectiveFrom")?.Span,
            ExtendsSpan = root.KeyNode("extends")?.Span,
        };
    }

    private static SourceReference? Source(YamlNode node) =>
        NodeReader.Map(node) is { } m && NodeReader.String(m["id"]) is { } id
            ? new SourceReference(id, NodeReader.String(m["title"]) ?? id, NodeReader.String(m["url"]), NodeReader.String(m["kind"]))
            : null;

    private static Area? AreaOf(YamlNode node)
    {
        if (NodeReader.Map(node) is not { } m || NodeReader.String(m["id"]) is not { } id)
        {
            return null;
        }

        var categories = NodeReader.List(m["categories"]).Select(NodeReader.Map).OfType<YamlMapping>()
            .Where(c => NodeReader.String(c["id"]) is not null)
            .Select(c => new Category(NodeReader.String(c["id"])!, NodeReader.Int(c["number"]) ?? 0,
                NodeReader.Text(c["name"]) ?? new LocalizedText(NodeReader.String(c["id"])!, null)));
        return new Area(id, NodeReader.Int(m["number"]) ?? 0, NodeReader.Text(m["name"]) ?? new LocalizedText(id, null), [.. categories]);
    }

    private ServiceItem? Item(YamlNode node)
    {
        if (NodeReader.Map(node) is not { } m || NodeReader.String(m["id"]) is not { } id)
        {
            return null;
        }

        var implements = NodeReader.String(m["implements"]);
        var kind = NodeReader.String(m["kind"]) switch
        {
            "basic" => ItemKind.Basic,
            "non-basic" => ItemKind.NonBasic,
            "local" => ItemKind.Local,
            _ => implements is null ? ItemKind.Local : ItemKind.Basic,
        };
        var fields = ImmutableDictionary.CreateBuilder<string, ItemField>(StringComparer.Ordinal);
        if (NodeReader.Map(m["fields"]) is { } fieldMap)
        {
            foreach (var (key, value) in fieldMap.Entries)
            {
                if (NodeReader.Text(value) is { } text)
                {
                    var provenance = NodeReader.Provenance(NodeReader.Map(value)?["provenance"])
                                     ?? new Provenance(Evidence.Reconstructed, [], null);
                    fields[key.Value] = new ItemField(text, provenance);
                }
            }
        }

        return new ServiceItem
        {
            Id = id,
            Number = NodeReader.Int(m["number"]),
            Area = NodeReader.String(m["area"]),
            Category = NodeReader.String(m["category"]),
            Kind = kind,
            Name = NodeReader.Text(m["name"]) ?? new LocalizedText(id, null),
            Provenance = NodeReader.Provenance(m["provenance"]) ?? new Provenance(Evidence.Reconstructed, [], null),
            Fields = fields.ToImmutable(),
            Funding = NodeReader.String(m["funding"]),
            LeadDepartments = NodeReader.Strings(m["leadDepartments"]),
            Eligibility = EligibilityOf(m["eligibility"]),
            Level = LevelOf(m["level"]),
            Implements = implements,
            Span = node.Span,
        };
    }

    private Eligibility? EligibilityOf(YamlNode? node)
    {
        if (NodeReader.Map(node) is not { } m || m["when"] is not YamlScalar when)
        {
            return null;
        }

        var rule = new Eligibility { When = when.Value, Provenance = NodeReader.Provenance(m["provenance"]), Span = when.Span };
        maps.Add(rule, when.SourceMap);
        return rule;
    }

    private Level? LevelOf(YamlNode? node)
    {
        if (NodeReader.Map(node) is not { } m)
        {
            return null;
        }

        return new Level
        {
            Text = NodeReader.Text(m["text"]),
            Quantities = [.. NodeReader.List(m["quantities"]).Select(QuantityOf).OfType<Quantity>()],
            Provenance = NodeReader.Provenance(m["provenance"]),
            Span = node!.Span,
        };
    }

    private Quantity? QuantityOf(YamlNode node)
    {
        if (NodeReader.Map(node) is not { } m || NodeReader.String(m["name"]) is not { } name)
        {
            return null;
        }

        ImmutableArray<QuantityTier> tiers;
        if (m["tiers"] is YamlSequence tierList)
        {
            tiers = [.. tierList.Items.Select(NodeReader.Map).OfType<YamlMapping>().Select(TierOf)];
        }
        else
        {
            tiers = [new QuantityTier { Values = ValuesOf(m), Span = m.Span }];
        }

        return new Quantity
        {
            Name = name,
            Unit = NodeReader.String(m["unit"]) ?? "",
            AtLeast = NodeReader.Bool(m["atLeast"]),
            Tiers = tiers,
            Span = node.Span,
        };
    }

    private QuantityTier TierOf(YamlMapping t)
    {
        var when = t["when"] as YamlScalar;
        var tier = new QuantityTier
        {
            When = NodeReader.String(when),
            Values = ValuesOf(t),
            Span = t.Span,
            WhenSpan = when is { IsNull: false } ? when.Span : null,
        };
        if (tier.When is not null)
        {
            maps.Add(tier, when!.SourceMap);
        }

        return tier;
    }

    private ImmutableArray<DatedValue> ValuesOf(YamlMapping m)
    {
        if (NodeReader.Decimal(m["value"]) is { } single)
        {
            return [new DatedValue(DateOnly.MinValue, single)];
        }

        if (NodeReader.Map(m["values"]) is not { } dated)
        {
            return [];
        }

        var values = new List<DatedValue>();
        foreach (var (key, value) in dated.Entries)
        {
            if (r.Date(key) is { } from && NodeReader.Decimal(value) is { } amount)
            {
                values.Add(new DatedValue(from, amount));
            }
        }

        return [.. values.OrderBy(v => v.From)];
    }
}
