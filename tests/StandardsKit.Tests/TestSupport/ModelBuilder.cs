using System.Collections.Immutable;
using StandardsKit.Diagnostics;
using StandardsKit.Engine;
using StandardsKit.Expressions;
using StandardsKit.Model;

namespace StandardsKit.Tests.TestSupport;

/// <summary>Builds model objects in memory for property tests that would be too slow through YAML files.</summary>
internal static class ModelBuilder
{
    private static readonly SourceSpan Span = new("test.yaml", 1, 1);

    public static FactVocabulary Facts => Catalog.Default.Facts;

    public static CompiledExpression Compile(string rule) => Binder.CompileCondition(rule, Facts);

    /// <summary>An item with a rule and, optionally, one tiered CNY/month quantity.</summary>
    public static ServiceItem Item(string rule, (string Name, (string? When, decimal Value)[] Tiers)? quantity = null) => new()
    {
        Id = "item",
        Kind = ItemKind.Basic,
        Name = new LocalizedText("项目", null),
        Provenance = new Provenance(Evidence.Reconstructed, [], null),
        Eligibility = new Eligibility { When = rule, Span = Span, Compiled = Compile(rule), PositionOf = _ => Span },
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
                        Condition = t.When is null ? null : Compile(t.When),
                        PositionOf = _ => Span,
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

    public static EffectiveItem Effective(ServiceItem item) => new(ImmutableArray.Create(new ItemLayer(Document(item), item)));
}
