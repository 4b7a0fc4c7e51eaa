namespace StandardsKit.Tests.Loading;

/// <summary>
/// <see cref="Catalog.Default"/> loads the embedded standards without the JSON Schema validator (they are
/// schema-checked at build time); it must hold exactly what a schema-checked load of the same files holds.
/// </summary>
public sealed class DefaultCatalogTests
{
    [Fact]
    public void The_default_catalog_equals_the_schema_checked_load_of_the_embedded_standards()
    {
        var checkedLoad = Catalog.LoadEmbedded();
        checkedLoad.Diagnostics.Should().NotContain(d => d.Severity == StandardsKit.Diagnostics.Severity.Error);
        var checkedCatalog = checkedLoad.Catalog!;

        Catalog.Default.Documents.Should().NotBeEmpty().And.Equal(checkedCatalog.Documents);
        Catalog.Default.Facts.Should().Be(checkedCatalog.Facts);
        Catalog.Default.Tests.Should().HaveCount(checkedCatalog.Tests.Length);
        Catalog.Default.Diagnostics.Select(d => d.ToString()).Should().Equal(checkedCatalog.Diagnostics.Select(d => d.ToString()));
        Catalog.Default.Divisions.All.Should().NotBeEmpty().And.Equal(checkedCatalog.Divisions.All);
    }
}
