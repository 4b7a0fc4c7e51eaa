using System.Collections.Immutable;
using StandardsKit.Compilation;
using StandardsKit.Diagnostics;
using StandardsKit.Engine;
using StandardsKit.Expressions;
using StandardsKit.Model;

namespace StandardsKit.Tests.TestSupport;

/// <summary>
/// Builds model objects in memory for property tests that would be too slow through YAML files, and compiles
/// them the way a library user would (<see cref="Catalog.Compile"/>).
/// </summary>
internal static class ModelBuilder
{
    private static readonly SourceSpan Span = new("test.yaml", 1, 1);

    public static FactVocabulary Facts => Catalog.Default.Facts;

    public static FrameLayout Layout => FrameLayout.For(Facts);

    public static CompiledExpression Compile(string rule) => Binder.CompileCondition(rule, Facts, Catalog.Default.Attributes);

    /// <summary>An item with a rule and, optionally, one tiered CNY/month quantity.</summary>
    public static ServiceItem Item(string rule, (string Name, (string? When, decimal Value)[] Tiers)? quantity = null) => new()
    {
        Id = "item",
        Kind = ItemKind.Basic,
        Name = new LocalizedText("项目", null),
        Provenance = new Provenance(Evidence.Reconstructed, [], null),
        Eligibility = new Eligibility { When = rule, Span = Span },
        Level = quantity is { } q
            ? new Level
            {
                Quantities = [new Quantity
                {
                    Name = q.Name,
                    Unit = "CNY/month",
                    Tiers = [.. q.Tiers.Select(t => new QuantityTier
                    {
                        When = t.When,
                        Values = [new DatedValue(DateOnly.MinValue, t.Value)],
                    })],
                }],
            }
            : null,
    };

    /// <summary>A national edition holding one item.</summary>
    public static StandardDocument Document(ServiceItem item, string edition = "1", DateOnly? from = null) => new()
    {
        Id = "doc",
        Jurisdiction = "000000",
        Edition = edition,
        Title = new LocalizedText("文档", null),
        EffectiveFrom = from ?? new DateOnly(2020, 1, 1),
        Path = "test.yaml",
        Items = [item],
    };

    /// <summary>
    /// The compiler's side tables for documents that need not pass the reference checks (an overlay test's
    /// documents have no <c>extends</c>): only the compiler stage runs.
    /// </summary>
    public static CompiledStandards CompiledOnly(IEnumerable<StandardDocument> documents)
    {
        var result = CatalogCompiler.Compile(Facts, Catalog.Default.Divisions, [.. documents], new([]), new DiagnosticBag(), maps: null, files: 0, Catalog.Default.Attributes);
        return result.Catalog?.Compiled ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics));
    }

    /// <summary>The item as the engine resolves it: compiled through <see cref="Catalog.Compile"/> in a one-item national edition.</summary>
    public static EffectiveItem Effective(ServiceItem item)
    {
        var document = Document(item);
        var result = Catalog.Compile(new StandardsModel { Documents = [document], Facts = Facts, Divisions = Catalog.Default.Divisions });
        var catalog = result.Catalog ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics));
        return catalog.ItemsInForce("000000", document.EffectiveFrom).Single();
    }
}
