using System.Collections.Immutable;
using StandardsKit.Diagnostics;
using StandardsKit.Divisions;
using StandardsKit.Funding;
using StandardsKit.Loading.Yaml;
using StandardsKit.Model;

namespace StandardsKit.Loading;

/// <summary>
/// Binds <c>standards/funding/*.yaml</c> and checks what the schema cannot: rules name loaded items and declared
/// division attributes with values of the right type, plan items exist, each item has one rule per plan.
/// </summary>
internal static class FundingPlanBinder
{
    public static FundingPlan? Bind(YamlMapping root, string path, NodeReader r)
    {
        if (NodeReader.String(root["id"]) is not { } id || r.Date(root["effectiveFrom"]) is not { } from)
        {
            return null;
        }

        var bands = NodeReader.Map(root["bands"]);
        var shares = ImmutableDictionary.CreateBuilder<int, decimal>();
        foreach (var band in NodeReader.List(bands?["shares"]).Select(NodeReader.Map).OfType<YamlMapping>())
        {
            if (NodeReader.Int(band["band"]) is { } n && NodeReader.Decimal(band["central"]) is { } central && !shares.TryAdd(n, central))
            {
                r.Diagnostics.Error(DiagnosticCodes.BadFundingRule, band.Span, $"band {n} is given twice", "give each band one share");
            }
        }

        var local = NodeReader.Map(root["localItems"]);
        return new FundingPlan
        {
            Id = id,
            Jurisdiction = NodeReader.String(root["jurisdiction"]) ?? DivisionCode.National,
            Title = NodeReader.Text(root["title"]) ?? new LocalizedText(id, null),
            DocumentNumber = NodeReader.String(root["documentNumber"]),
            Published = r.Date(root["published"]),
            EffectiveFrom = from,
            EffectiveUntil = r.Date(root["effectiveUntil"]),
            Provenance = NodeReader.Provenance(root["provenance"]) ?? new Provenance(Evidence.Reconstructed, [], null),
            Sources = SourceList.Read(root["sources"]),
            BandAttribute = NodeReader.String(bands?["attribute"]),
            BandShares = shares.ToImmutable(),
            BandsProvenance = NodeReader.Provenance(bands?["provenance"]),
            AboveNationalStandardLocal = NodeReader.Provenance(NodeReader.Map(root["aboveNationalStandard"])?["provenance"]),
            LocalItems = local is null ? null : new FundingRule
            {
                Item = "",
                Category = Category(local["category"]),
                Provenance = NodeReader.Provenance(local["provenance"]) ?? new Provenance(Evidence.Reconstructed, [], null),
                Span = local.Span,
            },
            PlanItems = [.. NodeReader.List(root["planItems"]).Select(NodeReader.Map).OfType<YamlMapping>().Select(p => new PlanItem(
                NodeReader.Int(p["number"]) ?? 0,
                NodeReader.Text(p["category"]) ?? new LocalizedText("", null),
                NodeReader.Text(p["name"]) ?? new LocalizedText("", null),
                NodeReader.String(p["group"]),
                NodeReader.Provenance(p["provenance"]) ?? new Provenance(Evidence.Reconstructed, [], null)))],
            Rules = [.. NodeReader.List(root["fundingRules"]).Select(NodeReader.Map).OfType<YamlMapping>().Select(Rule)],
            Path = path,
            Span = root.Span,
        };
    }

    /// <summary>Checks the plans against the loaded items, divisions and division attributes.</summary>
    /// <remarks>
    /// When a standard could not be read (its own errors are reported), a rule for one of its items is not reported
    /// as naming an unknown item: one broken file should not make every funding rule for it an error too.
    /// </remarks>
    public static void Check(IReadOnlyList<FundingPlan> plans, IReadOnlyList<StandardDocument> documents, IDivisionDirectory divisions,
        DivisionAttributes attributes, DiagnosticBag d, bool allStandardsRead = true)
    {
        var itemIds = documents.SelectMany(doc => doc.Items).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var ids = new Dictionary<string, FundingPlan>(StringComparer.Ordinal);
        foreach (var plan in plans)
        {
            if (!ids.TryAdd(plan.Id, plan))
            {
                d.Error(DiagnosticCodes.DuplicateId, plan.Span, $"funding plan '{plan.Id}' is defined twice (also in {ids[plan.Id].Path})", "give each plan its own id");
            }

            if (plan.Jurisdiction != DivisionCode.National && divisions.Find(plan.Jurisdiction) is null)
            {
                d.Error(DiagnosticCodes.UnknownJurisdiction, plan.Span, $"jurisdiction {plan.Jurisdiction} is not in the division list", null);
            }

            var sourceIds = plan.Sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            ReferenceChecker.CheckSources(plan.Provenance, plan.Span, sourceIds, d);
            if (plan.BandsProvenance is { } bp)
            {
                ReferenceChecker.CheckSources(bp, plan.Span, sourceIds, d);
            }

            if (plan.BandAttribute is { } band && attributes.Find(band) is not { Kind: DivisionAttributeKind.Int })
            {
                d.Error(DiagnosticCodes.BadFundingRule, plan.Span, $"bands read division attribute '{band}', which is not a declared int attribute",
                    Suggestions.DidYouMean(band, attributes.Declarations.Select(a => a.Name)) ?? "declare it under standards/divisions/attributes/");
            }

            foreach (var planItem in plan.PlanItems)
            {
                ReferenceChecker.CheckSources(planItem.Provenance, plan.Span, sourceIds, d);
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var rule in plan.Rules)
            {
                CheckRule(plan, rule, plans, itemIds, allStandardsRead, attributes, sourceIds, seen, d);
            }
        }
    }

    private static void CheckRule(FundingPlan plan, FundingRule rule, IReadOnlyList<FundingPlan> plans, HashSet<string> itemIds, bool allStandardsRead, DivisionAttributes attributes,
        HashSet<string> sourceIds, HashSet<string> seen, DiagnosticBag d)
    {
        if (!seen.Add(rule.Item))
        {
            d.Error(DiagnosticCodes.BadFundingRule, rule.Span, $"plan '{plan.Id}' has two rules for item '{rule.Item}'", "keep one rule per item");
        }

        if (allStandardsRead && !itemIds.Contains(rule.Item))
        {
            d.Error(DiagnosticCodes.BadFundingRule, rule.Span, $"funding rule for item '{rule.Item}', which no loaded standard defines",
                Suggestions.DidYouMean(rule.Item, itemIds) ?? "use an item id of a national or local standard");
        }

        if (rule.PlanItem is { } n && plan.PlanItems.All(p => p.Number != n))
        {
            d.Error(DiagnosticCodes.BadFundingRule, rule.Span, $"rule for '{rule.Item}' names plan item {n}, which plan '{plan.Id}' does not list", "add it under 'planItems'");
        }

        foreach (var p in new[] { rule.Provenance, rule.Mapping, rule.SharesProvenance, rule.DaysPerYearProvenance }.OfType<Provenance>())
        {
            ReferenceChecker.CheckSources(p, rule.Span, sourceIds, d);
        }

        switch (rule.Category)
        {
            case FundingCategory.FiveBand when plan.BandAttribute is null && plans.All(p => p.BandAttribute is null):
                d.Error(DiagnosticCodes.BadFundingRule, rule.Span, $"'{rule.Item}' is shared by bands, but no loaded plan gives the band shares", "add 'bands:' to the national plan");
                break;
            case FundingCategory.FixedRatio when rule.Shares.Length != 1 || rule.Shares[0].Attribute is not null:
                d.Error(DiagnosticCodes.BadFundingRule, rule.Span, $"fixed-ratio rule for '{rule.Item}' needs exactly one share without 'where'", "e.g. shares: [{central: 0.5}]");
                break;
            case FundingCategory.RegionalRatio when rule.Shares.IsEmpty:
                d.Error(DiagnosticCodes.BadFundingRule, rule.Span, $"regional-ratio rule for '{rule.Item}' has no shares", "list shares with 'where' conditions");
                break;
            case not (FundingCategory.FixedRatio or FundingCategory.RegionalRatio) when !rule.Shares.IsEmpty:
                d.Error(DiagnosticCodes.BadFundingRule, rule.Span, $"only fixed-ratio and regional-ratio rules take shares ('{rule.Item}' is {rule.Category})", "remove 'shares' or change the category");
                break;
        }

        foreach (var share in rule.Shares.Where(s => s.Attribute is not null))
        {
            if (attributes.Find(share.Attribute!) is not { } attribute)
            {
                d.Error(DiagnosticCodes.BadFundingRule, rule.Span, $"share of '{rule.Item}' tests division attribute '{share.Attribute}', which is not declared",
                    Suggestions.DidYouMean(share.Attribute!, attributes.Declarations.Select(a => a.Name)) ?? "declare it under standards/divisions/attributes/");
            }
            else if (!Fits(attribute, share.Value))
            {
                d.Error(DiagnosticCodes.BadFundingRule, rule.Span, $"share of '{rule.Item}' tests '{share.Attribute}' against {share.Value}, which is not a value of that {attribute.Kind.ToString().ToLowerInvariant()} attribute", null);
            }
        }
    }

    private static bool Fits(DivisionAttribute attribute, object? value) => (attribute.Kind, value) switch
    {
        (DivisionAttributeKind.Bool, bool) => true,
        (DivisionAttributeKind.Int, decimal) => true,
        (DivisionAttributeKind.Enum, string s) => attribute.Values.Contains(s),
        _ => false,
    };

    private static FundingRule Rule(YamlMapping m)
    {
        var days = NodeReader.Map(m["daysPerYear"]);
        return new FundingRule
        {
            Item = NodeReader.String(m["item"]) ?? "",
            PlanItem = NodeReader.Int(m["planItem"]),
            Mapping = NodeReader.Provenance(m["mapping"]),
            Category = Category(m["category"]),
            Provenance = NodeReader.Provenance(m["provenance"]) ?? new Provenance(Evidence.Reconstructed, [], null),
            Shares = [.. NodeReader.List(m["shares"]).Select(NodeReader.Map).OfType<YamlMapping>().Select(s =>
            {
                var where = NodeReader.Map(s["where"]);
                return new CentralShare(NodeReader.String(where?["attribute"]), TypedValue(where?["value"]), NodeReader.Decimal(s["central"]) ?? 0);
            })],
            SharesProvenance = NodeReader.Provenance(m["sharesProvenance"]),
            DaysPerYear = NodeReader.Int(days?["value"]),
            DaysPerYearProvenance = NodeReader.Provenance(days?["provenance"]),
            Span = m.Span,
        };
    }

    private static object? TypedValue(YamlNode? node) => node is YamlScalar { IsNull: false } s
        ? JsonProjection.Scalar(s) switch
        {
            { Type: Newtonsoft.Json.Linq.JTokenType.Boolean } t => (bool)t,
            { Type: Newtonsoft.Json.Linq.JTokenType.Integer } t => (decimal)(long)t,
            _ => s.Value,
        }
        : null;

    private static FundingCategory Category(YamlNode? node) => NodeReader.String(node) switch
    {
        "central" => FundingCategory.Central,
        "local" => FundingCategory.Local,
        "five-band" => FundingCategory.FiveBand,
        "fixed-ratio" => FundingCategory.FixedRatio,
        "regional-ratio" => FundingCategory.RegionalRatio,
        "factor" => FundingCategory.Factor,
        "shared" => FundingCategory.Shared,
        _ => FundingCategory.Unknown,
    };
}
