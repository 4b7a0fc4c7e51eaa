using System.Collections.Immutable;
using System.Reflection;
using StandardsKit.Diagnostics;
using StandardsKit.Model;

namespace StandardsKit.Tests.Model;

/// <summary>
/// Model records are data: equal when their contents are equal, whichever array instances hold them, and
/// unequal when any member differs. The reflective checks cover every public member of every model record, so
/// a member added later without taking part in equality fails here.
/// </summary>
public sealed class ModelEqualityTests
{
    private static readonly Type[] Records =
    [
        typeof(StandardDocument), typeof(ServiceItem), typeof(Eligibility), typeof(Level), typeof(Quantity), typeof(QuantityTier),
        typeof(DatedValue), typeof(Provenance), typeof(Area), typeof(Category), typeof(SourceReference), typeof(ItemField),
        typeof(LocalizedText), typeof(FactDeclaration), typeof(StandardsModel),
    ];

    [Fact]
    public void Loading_the_same_standards_twice_gives_equal_documents_and_vocabularies()
    {
        var first = Catalog.LoadEmbedded();
        var second = Catalog.LoadEmbedded();

        first.Documents.Should().NotBeEmpty();
        first.Documents.Should().Equal(second.Documents);
        first.Documents.Select(d => d.GetHashCode()).Should().Equal(second.Documents.Select(d => d.GetHashCode()));
        first.Facts.Should().Be(second.Facts);
        first.Facts.GetHashCode().Should().Be(second.Facts.GetHashCode());
        new StandardsModel { Documents = first.Documents, Facts = first.Facts }
            .Should().Be(new StandardsModel { Documents = second.Documents, Facts = second.Facts });
    }

    [Fact]
    public void A_change_deep_inside_a_document_makes_it_unequal()
    {
        var doc = Catalog.Default.Documents.First(d => d.Items.Any(i => i.Level?.Quantities.Any(q => q.Tiers.Length > 1) == true));
        var index = doc.Items.IndexOf(doc.Items.First(i => i.Level?.Quantities.Any(q => q.Tiers.Length > 1) == true));
        var item = doc.Items[index];
        var quantity = item.Level!.Quantities.First(q => q.Tiers.Length > 1);
        var tier = quantity.Tiers[^1];
        var raised = tier with { Values = [.. tier.Values.Select(v => v with { Value = v.Value + 1 })] };
        var changed = doc with
        {
            Items = doc.Items.SetItem(index, item with
            {
                Level = item.Level with { Quantities = item.Level.Quantities.Replace(quantity, quantity with { Tiers = quantity.Tiers.Replace(tier, raised) }) },
            }),
        };

        changed.Should().NotBe(doc);
        (doc with { Items = [.. doc.Items] }).Should().Be(doc, "a copy of the item list holds the same items");
    }

    public static TheoryData<string> RecordNames() => [.. Records.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(RecordNames))]
    public void Every_member_of_a_model_record_takes_part_in_equality(string name)
    {
        var type = Records.Single(t => t.Name == name);
        var sample = Sample(type);
        var copy = CloneWithFreshCollections(sample);
        copy.Should().Be(sample, "a copy whose collections are new instances with the same elements is equal");
        copy.GetHashCode().Should().Be(sample.GetHashCode());

        foreach (var property in Members(type))
        {
            var variant = Clone(sample);
            property.SetValue(variant, Different(property.PropertyType, property.GetValue(sample)));
            variant.Should().NotBe(sample, $"{type.Name}.{property.Name} differs");
        }
    }

    private static IEnumerable<PropertyInfo> Members(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true } && p.Name != "EqualityContract");

    private static object Clone(object value) => value.GetType().GetMethod("<Clone>$")!.Invoke(value, null)!;

    private static object CloneWithFreshCollections(object value)
    {
        var copy = Clone(value);
        foreach (var property in Members(value.GetType()))
        {
            var v = property.GetValue(value);
            if (v is not null && property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
            {
                var items = ((System.Collections.IEnumerable)v).Cast<object?>().ToList();
                property.SetValue(copy, Array(property.PropertyType.GetGenericArguments()[0], items));
            }
            else if (v is ImmutableDictionary<string, ItemField> fields)
            {
                property.SetValue(copy, ImmutableDictionary.CreateRange(StringComparer.Ordinal, fields.Reverse()));
            }
        }

        return copy;
    }

    private static object Array(Type element, List<object?> items)
    {
        var array = System.Array.CreateInstance(element, items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            array.SetValue(items[i], i);
        }

        return typeof(ImmutableArray).GetMethods().Single(m => m.Name == "Create" && m.GetParameters() is [{ ParameterType.IsArray: true }])
            .MakeGenericMethod(element).Invoke(null, [array])!;
    }

    /// <summary>A value of <paramref name="type"/> that differs from <paramref name="current"/>.</summary>
    private static object? Different(Type type, object? current)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
        {
            var element = underlying.GetGenericArguments()[0];
            var items = current is null ? [] : ((System.Collections.IEnumerable)current).Cast<object?>().ToList();
            return Array(element, [.. items, Sample(element, variant: items.Count + 1)]);
        }

        return underlying switch
        {
            _ when underlying == typeof(string) => (current as string ?? "") + "·",
            _ when underlying == typeof(int) => (int)(current ?? 0) + 1,
            _ when underlying == typeof(decimal) => (decimal)(current ?? 0m) + 1,
            _ when underlying == typeof(bool) => !(bool)(current ?? false),
            _ when underlying == typeof(DateOnly) => ((DateOnly)(current ?? new DateOnly(2020, 1, 1))).AddDays(1),
            _ when underlying.IsEnum => Enum.GetValues(underlying).Cast<object>().First(v => !v.Equals(current)),
            _ when underlying == typeof(ImmutableDictionary<string, ItemField>) =>
                ((ImmutableDictionary<string, ItemField>?)current ?? ImmutableDictionary<string, ItemField>.Empty).SetItem("extra·", (ItemField)Sample(typeof(ItemField), 7)),
            _ when underlying == typeof(Divisions.IDivisionDirectory) => new Divisions.DivisionDirectory([]),
            _ when underlying == typeof(FactVocabulary) => new FactVocabulary([.. ((FactVocabulary?)current)?.Facts ?? [], (FactDeclaration)Sample(typeof(FactDeclaration), 9)]),
            _ => Sample(underlying, variant: current is null ? 1 : 2, unlike: current),
        };
    }

    /// <summary>A fully populated instance, different for each <paramref name="variant"/>.</summary>
    private static object Sample(Type type, int variant = 0, object? unlike = null)
    {
        var v = variant.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var day = new DateOnly(2020, 1, 1).AddDays(variant);
        var span = new SourceSpan($"f{v}.yaml", variant + 1, variant + 2);
        var text = new LocalizedText("中" + v, "en" + v);
        var provenance = new Provenance(Evidence.Secondary, ["S" + v], "note" + v);
        object result = type.Name switch
        {
            nameof(String) => "s" + v,
            nameof(LocalizedText) => text,
            nameof(SourceSpan) => span,
            nameof(Provenance) => provenance,
            nameof(DatedValue) => new DatedValue(day, variant + 10),
            nameof(Category) => new Category("c" + v, variant, text),
            nameof(Area) => new Area("a" + v, variant, text, [new Category("c" + v, 1, text)]),
            nameof(SourceReference) => new SourceReference("S" + v, "t" + v, "u" + v, "official"),
            nameof(ItemField) => new ItemField(text, provenance),
            nameof(Eligibility) => new Eligibility { When = "age >= " + v, Provenance = provenance, Span = span },
            nameof(QuantityTier) => new QuantityTier { When = "age >= " + v, Values = [new DatedValue(day, variant)], Span = span, WhenSpan = span },
            nameof(Quantity) => new Quantity { Name = "q" + v, Unit = "CNY/month", AtLeast = true, Tiers = [(QuantityTier)Sample(typeof(QuantityTier), variant)], Span = span },
            nameof(Level) => new Level { Text = text, Quantities = [(Quantity)Sample(typeof(Quantity), variant)], Provenance = provenance, Span = span },
            nameof(ServiceItem) => new ServiceItem
            {
                Id = "i" + v, Number = variant, Area = "a", Category = "c", Kind = ItemKind.Basic, Name = text, Provenance = provenance,
                Fields = ImmutableDictionary<string, ItemField>.Empty.Add(ItemFieldNames.ServiceObject, new ItemField(text, provenance)),
                Funding = "central", LeadDepartments = ["d" + v], Eligibility = (Eligibility)Sample(typeof(Eligibility), variant),
                Level = (Level)Sample(typeof(Level), variant), Implements = "p" + v, Span = span,
            },
            nameof(StandardDocument) => new StandardDocument
            {
                Id = "doc" + v, Jurisdiction = "310000", Edition = "e" + v, Title = text, Issuers = ["x" + v], DocumentNumber = "n" + v,
                Published = day, EffectiveFrom = day, EffectiveUntil = day.AddYears(1), Supersedes = "s@" + v, Extends = "cn@" + v,
                Provenance = provenance, Sources = [(SourceReference)Sample(typeof(SourceReference), variant)],
                Areas = [(Area)Sample(typeof(Area), variant)], Items = [(ServiceItem)Sample(typeof(ServiceItem), variant)], Path = "p" + v,
                Span = span, EffectiveFromSpan = span, ExtendsSpan = span,
            },
            nameof(FactDeclaration) => new FactDeclaration
            {
                Name = "f" + v, Kind = FactKind.Enum, Description = text, Unit = "u", Values = ["a", "b" + v], Min = 1, Max = 9,
                Derived = "d", AbsentMeansNone = true, DefaultsToCounty = true, Span = span,
            },
            nameof(StandardsModel) => new StandardsModel
            {
                Documents = [(StandardDocument)Sample(typeof(StandardDocument), variant)],
                Facts = new FactVocabulary([(FactDeclaration)Sample(typeof(FactDeclaration), variant)]),
                Divisions = new Divisions.DivisionDirectory([]),
            },
            _ => throw new InvalidOperationException($"no sample for {type}"),
        };
        return Equals(result, unlike) ? Sample(type, variant + 5) : result;
    }
}
