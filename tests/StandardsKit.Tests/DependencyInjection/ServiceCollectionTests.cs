using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using StandardsKit.DependencyInjection;
using StandardsKit.Engine;
using StandardsKit.Tests.TestSupport;
using Xunit;

namespace StandardsKit.Tests.DependencyInjection;

public sealed class ServiceCollectionTests
{
    [Fact]
    public void AddStandardsKit_registers_one_shared_catalog_of_the_embedded_standards()
    {
        using var provider = new ServiceCollection().AddStandardsKit().BuildServiceProvider();
        var catalog = provider.GetRequiredService<Catalog>();
        catalog.Should().BeSameAs(provider.GetRequiredService<Catalog>());
        catalog.Evaluate(Resident.Empty.With("pregnant", true), "310104", new DateOnly(2024, 6, 1), ["maternal-health"])
            .Decisions.Single().Eligible.Should().BeTrue();
    }

    [Fact]
    public void AddStandardsKit_loads_a_folder_and_reports_its_errors_on_first_resolution()
    {
        using var temp = new TempFolder();
        temp.Write("bad.yaml", Yaml.National(Yaml.Item("a", "agee >= 65")));
        using var provider = new ServiceCollection().AddStandardsKit(o => o.StandardsDirectory = temp.Path).BuildServiceProvider();
        var act = () => provider.GetRequiredService<Catalog>();
        act.Should().Throw<CatalogLoadException>().Which.Diagnostics.Should().Contain(d => d.Code == "SK0102");
    }
}
