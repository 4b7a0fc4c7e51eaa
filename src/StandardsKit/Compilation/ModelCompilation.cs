using System.Collections.Immutable;
using StandardsKit.Diagnostics;
using StandardsKit.Expressions;
using StandardsKit.Loading;
using StandardsKit.Model;

namespace StandardsKit.Compilation;

/// <summary>
/// <see cref="Catalog.Compile"/>: a model built in code goes through the stages loading runs after reading YAML
/// (fact declarations, what the binder checks in YAML, reference and chain checks, the compiler).
/// </summary>
internal static class ModelCompilation
{
    public static CatalogLoadResult Compile(StandardsModel model)
    {
        var documents = model.Documents.IsDefault ? [] : model.Documents;
        if (documents.Any(d => d is null))
        {
            throw new ArgumentException("the model's documents contain null", nameof(model));
        }

        var diagnostics = new DiagnosticBag();
        var embedded = model.Facts is null || model.Divisions is null ? CatalogLoader.EmbeddedVocabulary() : default;
        var declarations = model.Facts?.Facts ?? [.. embedded.Facts];
        CheckDeclarations(declarations, diagnostics);
        var facts = CatalogLoader.CheckFacts(declarations, null, diagnostics);
        var divisions = model.Divisions ?? embedded.Divisions;
        var usable = documents.Where(d => CheckDocument(d, diagnostics)).ToImmutableArray();
        ReferenceChecker.Check(usable, divisions, diagnostics);
        // The embedded division attributes, resolved against the model's division list, for hasAttribute/attribute.
        var attributes = model.Divisions is null || ReferenceEquals(model.Divisions, Catalog.Default.Divisions)
            ? Catalog.Default.Attributes
            : Catalog.Default.Attributes.With(divisions);
        return CatalogCompiler.Compile(facts, divisions, usable, new([]), diagnostics, maps: null, files: 0, attributes);
    }

    /// <summary>What the facts schema checks in YAML: enums and sets list their values, bounds are ordered.</summary>
    private static void CheckDeclarations(IEnumerable<FactDeclaration> declarations, DiagnosticBag d)
    {
        foreach (var fact in declarations)
        {
            if (fact.Kind is FactKind.Enum or FactKind.Set && (fact.Values.IsDefaultOrEmpty))
            {
                d.Error(DiagnosticCodes.BadFactDeclaration, fact.Span, $"fact '{fact.Name}' is an {fact.Kind.ToString().ToLowerInvariant()} without values",
                    "list its allowed values in Values");
            }

            if (fact.Min > fact.Max)
            {
                d.Error(DiagnosticCodes.BadFactDeclaration, fact.Span, $"fact '{fact.Name}' has min {fact.Min} above max {fact.Max}", "swap or correct the bounds");
            }
        }
    }

    /// <summary>What the schema and binder check in YAML and the later stages rely on: dates in range and in order, tiers present.</summary>
    private static bool CheckDocument(StandardDocument doc, DiagnosticBag d)
    {
        var at = doc.Span ?? new SourceSpan(doc.Path ?? "<model>", 1, 1);
        if (doc.Id is null || doc.Jurisdiction is null || doc.Edition is null || doc.Path is null || doc.Title is null)
        {
            d.Error(DiagnosticCodes.Schema, at, "a document needs Id, Jurisdiction, Edition, Title and Path", "set the required members");
            return false;
        }

        var fine = true;
        foreach (var (what, day) in new[] { ("EffectiveFrom", (DateOnly?)doc.EffectiveFrom), ("EffectiveUntil", doc.EffectiveUntil), ("Published", doc.Published) })
        {
            if (day is { } date && !ExpressionLimits.IsSupported(date))
            {
                d.Error(DiagnosticCodes.BadDates, at, $"{doc.Key} {what} {ExpressionLimits.Iso(date)} is outside the supported range {ExpressionLimits.DateRangeText}",
                    "use a date in that range");
                fine = false;
            }
        }

        if (doc.EffectiveUntil < doc.EffectiveFrom)
        {
            d.Error(DiagnosticCodes.BadDates, at, $"{doc.Key} EffectiveUntil {ExpressionLimits.Iso(doc.EffectiveUntil!.Value)} is before EffectiveFrom {ExpressionLimits.Iso(doc.EffectiveFrom)}",
                "swap or correct the dates");
        }

        foreach (var item in doc.Items.IsDefault ? [] : doc.Items)
        {
            fine &= CheckItem(doc, item, at, d);
        }

        return fine;
    }

    private static bool CheckItem(StandardDocument doc, ServiceItem item, SourceSpan documentAt, DiagnosticBag d)
    {
        var at = item?.Span ?? documentAt;
        if (item?.Id is null || item.Name is null || item.Provenance is null)
        {
            d.Error(DiagnosticCodes.Schema, at, $"an item of {doc.Key} needs Id, Name and Provenance", "set the required members");
            return false;
        }

        var fine = true;
        if (item.Eligibility is { When: null })
        {
            d.Error(DiagnosticCodes.Schema, item.Eligibility.Span ?? at, $"the eligibility of {doc.Key} '{item.Id}' has no When expression",
                "write the rule, e.g. \"age >= 65\", or leave Eligibility null to inherit the parent's");
            fine = false;
        }

        foreach (var quantity in item.Level?.Quantities.IsDefault == false ? item.Level.Quantities : [])
        {
            if (quantity?.Name is null || quantity.Unit is null || quantity.Tiers.IsDefaultOrEmpty || quantity.Tiers.Any(t => t is null || t.Values.IsDefault))
            {
                d.Error(DiagnosticCodes.Schema, quantity?.Span ?? at, $"a quantity of {doc.Key} '{item.Id}' needs Name, Unit and at least one tier with Values",
                    "an untiered quantity is one tier without a condition");
                fine = false;
                continue;
            }

            foreach (var value in quantity.Tiers.SelectMany(t => t.Values))
            {
                if (value.From != DateOnly.MinValue && !ExpressionLimits.IsSupported(value.From))
                {
                    d.Error(DiagnosticCodes.BadDates, quantity.Span ?? at,
                        $"{doc.Key} '{item.Id}' {quantity.Name} has a value from {ExpressionLimits.Iso(value.From)}, outside the supported range {ExpressionLimits.DateRangeText}",
                        "use a date in that range, or DateOnly.MinValue for an undated value");
                    fine = false;
                }
            }
        }

        return fine;
    }
}
