using System.Collections.Immutable;
using StandardsKit.Diagnostics;
using StandardsKit.Divisions;
using StandardsKit.Engine;
using StandardsKit.Expressions;
using StandardsKit.Funding;
using StandardsKit.Model;
using StandardsKit.Testing;

namespace StandardsKit.Compilation;

/// <summary>
/// The last stage of loading, and the whole of <see cref="Catalog.Compile"/>: compiles every rule and tier
/// condition of checked documents against the fact vocabulary into side tables, reports each expression that does
/// not bind at its position, and builds the immutable <see cref="Catalog"/> when nothing is in error.
/// </summary>
internal static class CatalogCompiler
{
    public static CatalogLoadResult Compile(FactVocabulary facts, IDivisionDirectory divisions, ImmutableArray<StandardDocument> documents,
        Lazy<ImmutableArray<TestCase>> tests, DiagnosticBag diagnostics, ExpressionSourceMaps? maps, int files,
        DivisionAttributes? attributes = null, FundingRules? funding = null, StandardsRevision? revision = null)
    {
        var rules = new Dictionary<Eligibility, CompiledRule>(ReferenceEqualityComparer.Instance);
        var conditions = new Dictionary<QuantityTier, CompiledRule>(ReferenceEqualityComparer.Instance);

        // Counties often copy one template: an expression text compiles to the same program wherever it is written.
        var programs = new Dictionary<string, CompiledExpression?>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            foreach (var item in document.Items)
            {
                var fallback = item.Span ?? document.Span ?? new SourceSpan(document.Path, 1, 1);
                if (item.Eligibility is { } rule && !rules.ContainsKey(rule))
                {
                    var map = maps?.Find(rule) ?? MapOf(rule.Span, fallback);
                    if (Bind(rule.When, map, $"{document.Key} '{item.Id}' eligibility", facts, attributes, programs, diagnostics) is { } compiled)
                    {
                        rules[rule] = new CompiledRule(rule.When, compiled, map);
                    }
                }

                foreach (var quantity in item.Level?.Quantities ?? [])
                {
                    if (!quantity.Tiers.IsDefault && quantity.Tiers.Length > ExpressionLimits.MaxTiers)
                    {
                        diagnostics.Error(DiagnosticCodes.InputLimit, quantity.Span ?? fallback,
                            $"{document.Key} '{item.Id}' quantity '{quantity.Name}' has {quantity.Tiers.Length} tiers; at most {ExpressionLimits.MaxTiers} are supported",
                            "merge tiers, or split the quantity");
                    }

                    foreach (var tier in quantity.Tiers.IsDefault ? [] : quantity.Tiers)
                    {
                        if (tier.When is not { } when || conditions.ContainsKey(tier))
                        {
                            continue;
                        }

                        var map = maps?.Find(tier) ?? MapOf(tier.WhenSpan, tier.Span ?? quantity.Span ?? fallback);
                        if (Bind(when, map, $"{document.Key} '{item.Id}' {quantity.Name} tier", facts, attributes, programs, diagnostics) is { } compiled)
                        {
                            conditions[tier] = new CompiledRule(when, compiled, map);
                        }
                    }
                }
            }
        }

        var all = diagnostics.Items.ToImmutableArray();
        var catalog = diagnostics.HasErrors
            ? null
            : new Catalog(new CompiledStandards(facts, rules, conditions), divisions, documents, tests, all)
            {
                Attributes = attributes ?? DivisionAttributes.Empty,
                Funding = funding ?? FundingRules.Empty,
                Revision = revision ?? Catalog.UnknownRevision,
            };
        return new CatalogLoadResult(catalog, all, documents, tests, facts, files) { Attributes = attributes };
    }

    /// <summary>Compiles one expression for an analysis that reads rules outside any catalog (a diff side); null when it does not bind.</summary>
    public static CompiledExpression? TryCompile(string text, FactVocabulary facts, DivisionAttributes? attributes = null)
    {
        try
        {
            return Binder.CompileCondition(text, facts, attributes);
        }
        catch (ExpressionException)
        {
            return null;
        }
    }

    private static SourceMap MapOf(SourceSpan? own, SourceSpan enclosing) => own is null ? SourceMap.Approximate(enclosing) : SourceMap.Plain(own);

    private static CompiledExpression? Bind(string text, SourceMap map, string site, FactVocabulary facts, DivisionAttributes? attributes,
        Dictionary<string, CompiledExpression?> programs, DiagnosticBag diagnostics)
    {
        if (programs.TryGetValue(text, out var known) && known is not null)
        {
            return known;
        }

        try
        {
            return programs[text] = Binder.CompileCondition(text, facts, attributes);
        }
        catch (ExpressionException e)
        {
            programs[text] = null;
            var error = e.Error;
            var message = map.Exact ? error.Message : $"{site} '{text}', at character {error.Offset + 1}: {error.Message}";
            diagnostics.Error(error.Code, map.At(error.Offset), message, error.Help);
            return null;
        }
    }
}
