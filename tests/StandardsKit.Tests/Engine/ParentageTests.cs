using StandardsKit.Engine;
using StandardsKit.Model;
using StandardsKit.Tests.TestSupport;

namespace StandardsKit.Tests.Engine;

/// <summary>The one notion of parent: the editions in force on a date for a jurisdiction's ancestors.</summary>
public class ParentageTests
{
    private static readonly Parentage Embedded = new(new EditionIndex(Catalog.Default.Documents, Catalog.Default.Divisions));

    private static StandardDocument Edition(string key) => Catalog.Default.Documents.Single(d => d.Key == key);

    [Theory]
    [InlineData("2021-09-01", "cn-national@2021")]
    [InlineData("2022-07-01", "cn-national@2021", "cn-51@2022")]
    [InlineData("2024-01-01", "cn-national@2023", "cn-51@2022")]
    public void Chengdu_parent_is_what_is_in_force_above_it_on_the_date_whatever_it_extends(string on, params string[] expected)
    {
        Embedded.ParentOf(Edition("cn-510100@2021"), DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture))
            .Select(d => d.Key).Should().Equal(expected);
    }

    [Theory]
    [InlineData("310104", "000000", "310000", "310100")]
    [InlineData("429004", "000000", "420000", "429000")]
    [InlineData("441900", "000000", "440000")]
    [InlineData("510000", "000000")]
    [InlineData("000000")]
    public void Ancestors_come_from_the_division_list_national_first(string code, params string[] expected)
    {
        Embedded.Ancestors(code).Should().Equal(expected);
    }

    [Fact]
    public void Overlay_never_treats_another_standard_of_the_same_jurisdiction_as_a_parent()
    {
        // Loading rejects this (SK0204); evaluation agrees: b-item does not overlay a-item.
        static ServiceItem Item(string id, string? implements) => ModelBuilder.Item("true") with { Id = id, Implements = implements };
        static StandardDocument Doc(string id, string jurisdiction, ServiceItem item) =>
            ModelBuilder.Document(item) with { Id = id, Jurisdiction = jurisdiction };
        var chain = new[]
        {
            Doc("national", "000000", Item("n-item", null)),
            Doc("sh-a", "310000", Item("a-item", null)),
            Doc("sh-b", "310000", Item("b-item", "a-item")),
            Doc("xh", "310104", Item("x-item", "a-item")),
        };

        var items = Overlay.Resolve(chain, ModelBuilder.CompiledOnly(chain));

        items.Select(i => (i.Id, string.Join(",", i.Layers.Select(l => l.Document.Id)))).Should().Equal(
            ("n-item", "national"), ("a-item", "sh-a,xh"), ("b-item", "sh-b"));
    }
}
