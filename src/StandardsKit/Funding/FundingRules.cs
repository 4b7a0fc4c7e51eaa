using System.Collections.Immutable;
using System.Globalization;
using StandardsKit.Divisions;
using StandardsKit.Engine;
using StandardsKit.Model;

namespace StandardsKit.Funding;

/// <summary>
/// The loaded funding plans and how they decide who pays: for an item in a county on a date, the most specific plan
/// in force along the county's jurisdiction chain that has a rule for the item (by any of its layers' ids); a
/// local-only item without one follows the national plan's rule for local items.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class FundingRules
{
    internal FundingRules(ImmutableArray<FundingPlan> plans) => Plans = plans;

    /// <summary>No plans: every item's funding is unknown.</summary>
    public static FundingRules Empty { get; } = new([]);

    /// <summary>The plans, in load order.</summary>
    public ImmutableArray<FundingPlan> Plans { get; }

    internal FundingDecision? Decide(EffectiveItem item, string county, DateOnly on, IDivisionDirectory divisions, DivisionAttributes attributes)
    {
        var chain = JurisdictionChain.Of(county, divisions);
        var ids = item.Layers.Reverse().Select(l => l.Item.Id).Distinct(StringComparer.Ordinal).ToList();
        var inForce = Plans.Where(p => p.InForceOn(on)).ToList();
        foreach (var jurisdiction in chain.Reverse())
        {
            foreach (var plan in inForce.Where(p => p.Jurisdiction == jurisdiction))
            {
                foreach (var id in ids)
                {
                    if (plan.Rules.FirstOrDefault(r => r.Item == id) is { } rule)
                    {
                        return Decide(plan, rule, county, inForce, attributes);
                    }
                }
            }
        }

        if (!item.Layers[0].Document.IsNational && inForce.Where(p => p.LocalItems is not null).MaxBy(p => Depth(p.Jurisdiction, chain)) is { } withLocal)
        {
            return Decide(withLocal, withLocal.LocalItems!, county, inForce, attributes);
        }

        return null;
    }

    private static int Depth(string jurisdiction, IReadOnlyList<string> chain)
    {
        for (var i = 0; i < chain.Count; i++)
        {
            if (chain[i] == jurisdiction)
            {
                return i;
            }
        }

        return -1;
    }

    private static FundingDecision Decide(FundingPlan plan, FundingRule rule, string county, List<FundingPlan> inForce, DivisionAttributes attributes)
    {
        var evidence = new List<Evidence> { rule.Provenance.Evidence };
        if (rule.Mapping is { } mapping)
        {
            evidence.Add(mapping.Evidence);
        }

        decimal? share = null;
        string basis;
        switch (rule.Category)
        {
            case FundingCategory.Central:
                share = 1m;
                basis = "central: the centre pays the national basic standard";
                break;
            case FundingCategory.Local:
                share = 0m;
                basis = "local: local budgets pay";
                break;
            case FundingCategory.FiveBand:
                (share, basis) = Band(plan, county, inForce, attributes, evidence);
                break;
            case FundingCategory.FixedRatio or FundingCategory.RegionalRatio:
                (share, basis) = Shares(rule, county, attributes, evidence);
                break;
            case FundingCategory.Factor:
                basis = "factor: the centre allocates by formula (因素法), so no per-county share";
                break;
            case FundingCategory.Shared:
                basis = "shared: the ratio was not seen";
                break;
            default:
                basis = "unknown: no source says who pays";
                break;
        }

        // The above-the-floor rule belongs to the national plan; a local plan inherits it.
        var above = plan.AboveNationalStandardLocal ?? inForce.FirstOrDefault(p => p.AboveNationalStandardLocal is not null)?.AboveNationalStandardLocal;
        return new FundingDecision
        {
            Plan = plan,
            Rule = rule,
            PlanItem = rule.PlanItem is { } n ? plan.PlanItems.FirstOrDefault(p => p.Number == n) : null,
            CentralShare = share,
            Evidence = evidence.Min(),
            Basis = basis,
            AboveNationalStandardIsLocal = above is not null,
            DaysPerYear = rule.DaysPerYear,
        };
    }

    private static (decimal?, string) Band(FundingPlan plan, string county, List<FundingPlan> inForce, DivisionAttributes attributes, List<Evidence> evidence)
    {
        var bands = plan.BandAttribute is not null ? plan : inForce.FirstOrDefault(p => p.BandAttribute is not null);
        if (bands?.BandAttribute is not { } attribute || attributes.Find(attribute) is null)
        {
            return (null, "five-band: no band table is loaded");
        }

        evidence.Add(bands.BandsProvenance?.Evidence ?? Evidence.Reconstructed);
        var value = attributes.ValueOf(county, attribute);
        evidence.Add(value.Provenance.Evidence);
        if (value.Value is not decimal band)
        {
            return (null, $"five-band: {attribute} of {county} is unknown");
        }

        var at = value.DefinedAt is { } where ? $" ({where})" : "";
        return bands.BandShares.TryGetValue((int)band, out var share)
            ? (share, $"five-band: {attribute} {Show(band)}{at} → {Show(share)}")
            : (null, $"five-band: no share for band {Show(band)}");
    }

    private static (decimal?, string) Shares(FundingRule rule, string county, DivisionAttributes attributes, List<Evidence> evidence)
    {
        evidence.Add(rule.SharesProvenance?.Evidence ?? rule.Provenance.Evidence);
        var kind = rule.Category == FundingCategory.FixedRatio ? "fixed-ratio" : "regional-ratio";
        foreach (var share in rule.Shares)
        {
            if (share.Attribute is null)
            {
                return (share.Central, $"{kind}: {Show(share.Central)}");
            }

            if (attributes.Find(share.Attribute) is null)
            {
                return (null, $"{kind}: division attribute '{share.Attribute}' is not loaded");
            }

            var value = attributes.ValueOf(county, share.Attribute);
            evidence.Add(value.Provenance.Evidence);
            if (!value.IsKnown)
            {
                // Kleene, as in tiers: an unknown test before a match leaves the share undetermined, never skipped.
                return (null, $"{kind}: {share.Attribute} of {county} is unknown");
            }

            if (SameValue(value.Value!, share.Value))
            {
                return (share.Central, $"{kind}: {share.Attribute} = {Show(value.Value!)} → {Show(share.Central)}");
            }
        }

        return (null, $"{kind}: no share applies");
    }

    private static bool SameValue(object a, object? b) => (a, b) switch
    {
        (decimal x, decimal y) => x == y,
        (bool x, bool y) => x == y,
        (string x, string y) => x == y,
        _ => false,
    };

    private static string Show(object value) => value switch
    {
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => value.ToString() ?? "",
    };
}
