using StandardsKit.Engine;
using StandardsKit.Model;

namespace StandardsKit.Compilation;

/// <summary>
/// The compiler's side tables for one set of documents: each eligibility rule and tier condition compiled
/// against the fact vocabulary, with its source map, and the frame layout compiled rules read.
/// </summary>
/// <remarks>
/// Keyed by the model instances that were compiled (the catalog's own documents), so a model record never
/// carries compiled state. Immutable after construction and thread-safe.
/// </remarks>
internal sealed class CompiledStandards
{
    private readonly Dictionary<Eligibility, CompiledRule> _rules;
    private readonly Dictionary<QuantityTier, CompiledRule> _conditions;

    internal CompiledStandards(FactVocabulary facts, Dictionary<Eligibility, CompiledRule> rules, Dictionary<QuantityTier, CompiledRule> conditions)
    {
        Facts = facts;
        Layout = FrameLayout.For(facts);
        _rules = rules;
        _conditions = conditions;
    }

    public FactVocabulary Facts { get; }

    public FrameLayout Layout { get; }

    /// <summary>The compiled form of a rule of these documents.</summary>
    /// <exception cref="InvalidOperationException">The rule is not part of the compiled documents.</exception>
    public CompiledRule Rule(Eligibility rule) =>
        _rules.TryGetValue(rule, out var compiled) ? compiled : throw NotCompiled(rule.When);

    /// <summary>The compiled condition of a tier; null for an unconditional tier.</summary>
    /// <exception cref="InvalidOperationException">The tier is not part of the compiled documents.</exception>
    public CompiledRule? Condition(QuantityTier tier) =>
        tier.When is null ? null : _conditions.TryGetValue(tier, out var compiled) ? compiled : throw NotCompiled(tier.When);

    /// <summary>Every compiled expression of an item: its rule, then its tiers' conditions.</summary>
    public IEnumerable<CompiledRule> RulesOf(ServiceItem item)
    {
        if (item.Eligibility is { } e)
        {
            yield return Rule(e);
        }

        foreach (var tier in item.Level?.Quantities.SelectMany(q => q.Tiers) ?? [])
        {
            if (Condition(tier) is { } c)
            {
                yield return c;
            }
        }
    }

    private static InvalidOperationException NotCompiled(string text) =>
        new($"the expression '{text}' belongs to no document of this catalog; compile the model it comes from with Catalog.Compile");
}
