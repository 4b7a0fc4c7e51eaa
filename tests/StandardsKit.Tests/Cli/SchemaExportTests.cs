using System.Text.Json;
using StandardsKit.Tests.TestSupport;
using static StandardsKit.Tests.Cli.CliHarness;

namespace StandardsKit.Tests.Cli;

/// <summary><c>standardskit schema export DIR</c> and the resident schema it generates from facts.yaml.</summary>
public class SchemaExportTests
{
    private const string Regenerate = "regenerate it from the checkout with: dotnet run --project src/StandardsKit.Cli -- schema export schemas";

    private static string SchemasFolder => Path.Combine(Repo.Root, "schemas");

    [Fact]
    public void Export_writes_every_schema_in_schemas_byte_for_byte_and_resident_schema_is_not_stale()
    {
        using var folder = new TempFolder();
        var target = Path.Combine(folder.Path, "schemas");

        var r = Run("--standards", Repo.Standards, "schema", "export", target);

        r.ExitCode.Should().Be(0, r.Err);
        var expected = Directory.GetFiles(SchemasFolder, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Directory.GetFiles(target).Select(Path.GetFileName).Order(StringComparer.Ordinal).Should().Equal(expected, "nothing but the schemas is written");
        expected.Should().Contain("resident.schema.json");
        foreach (var name in expected)
        {
            File.ReadAllText(Path.Combine(target, name!)).Should().Be(File.ReadAllText(Path.Combine(SchemasFolder, name!)).Replace("\r\n", "\n", StringComparison.Ordinal),
                name == "resident.schema.json" ? $"schemas/resident.schema.json must match standards/facts.yaml; {Regenerate}" : "the export is the schemas built in");
        }

        r.Out.Should().Be($"wrote {expected.Count} schemas to {target}\n");
    }

    [Fact]
    public void The_resident_schema_has_every_fact_with_its_type_values_and_a_description()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(SchemasFolder, "resident.schema.json")));
        var properties = schema.RootElement.GetProperty("properties");
        schema.RootElement.GetProperty("$id").GetString().Should().Be("https://standardskit.github.io/schemas/resident.schema.json");
        schema.RootElement.GetProperty("additionalProperties").GetBoolean().Should().BeFalse();

        foreach (var fact in Catalog.Default.Facts.Facts)
        {
            var p = properties.GetProperty(fact.Name);
            p.GetProperty("description").GetString().Should().Contain(fact.Description.Zh);
            if (fact.Kind == StandardsKit.Model.FactKind.Enum)
            {
                p.GetProperty("enum").EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()).Should().Equal(fact.Values);
            }
        }

        properties.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(Catalog.Default.Facts.Facts.Select(f => f.Name).Append("$schema"));
        properties.GetProperty("birthDate").GetProperty("description").GetString().Should().StartWith("**Date of birth** (出生日期)");
    }

    [Fact]
    public void The_resident_schema_follows_the_facts_of_the_standards_in_use()
    {
        using var folder = new TempFolder();
        var standards = folder.CopyFrom(Repo.Standards, "standards");
        File.AppendAllText(Path.Combine(standards, "facts.yaml"),
            "\n  - name: ownsBicycle\n    type: bool\n    description: {zh: 有自行车, en: Owns a *bicycle*}\n");
        var target = Path.Combine(folder.Path, "exported");

        var r = RunIn(standards, "schema", "export", target);

        r.ExitCode.Should().Be(0, r.Err);
        r.Standards.Should().Contain("working tree");
        var text = File.ReadAllText(Path.Combine(target, "resident.schema.json"));
        text.Should().Contain("\"ownsBicycle\"").And.Contain(@"**Owns a \\*bicycle\\*** (有自行车)", "markdown in a fact's description is shown literally");
    }

    [Fact]
    public void Export_replaces_existing_schemas_and_leaves_no_temporary_files()
    {
        using var folder = new TempFolder();
        folder.Write("out/standard.schema.json", "old");
        folder.Write("out/notes.txt", "mine");

        var r = Run("schema", "export", Path.Combine(folder.Path, "out"));

        r.ExitCode.Should().Be(0, r.Err);
        File.ReadAllText(Path.Combine(folder.Path, "out", "standard.schema.json")).Should().Contain("\"$id\": \"https://standardskit.github.io/schemas/standard.schema.json\"");
        File.ReadAllText(Path.Combine(folder.Path, "out", "notes.txt")).Should().Be("mine");
        Directory.GetFiles(Path.Combine(folder.Path, "out"), ".*").Should().BeEmpty();
    }

    [Fact]
    public void Export_refuses_a_schema_that_is_a_link_and_writes_nothing()
    {
        using var folder = new TempFolder();
        var outside = folder.Write("outside.json", "precious");
        Directory.CreateDirectory(Path.Combine(folder.Path, "out"));
        File.CreateSymbolicLink(Path.Combine(folder.Path, "out", "tests.schema.json"), outside);

        var r = Run("schema", "export", Path.Combine(folder.Path, "out"));

        r.ExitCode.Should().Be(2);
        r.Err.Should().Be($"standardskit: schema export: {Path.Combine(folder.Path, "out", "tests.schema.json")} is a symbolic link; remove it or choose another folder; nothing was written\n");
        File.ReadAllText(outside).Should().Be("precious");
        Directory.GetFiles(Path.Combine(folder.Path, "out")).Should().ContainSingle();
    }

    [Theory]
    [InlineData("missing/deeper", "its parent folder does not exist; create it first")]
    [InlineData("file.txt", "is a file, not a folder")]
    public void Export_into_something_that_is_not_a_folder_is_one_line_error(string relative, string expected)
    {
        using var folder = new TempFolder();
        folder.Write("file.txt", "x");

        var r = Run("schema", "export", Path.Combine(folder.Path, relative));

        r.ExitCode.Should().Be(2);
        r.Err.Should().StartWith("standardskit: schema export ").And.Contain(expected).And.EndWith("\n");
        r.Err.TrimEnd('\n').Should().NotContain("\n");
        Directory.Exists(Path.Combine(folder.Path, "missing")).Should().BeFalse();
    }

    [Fact]
    public void Eval_reads_a_resident_file_that_names_its_schema()
    {
        using var folder = new TempFolder();
        var resident = folder.Write("resident.json", """{"$schema": "../schemas/resident.schema.json", "sex": "female", "pregnant": true}""");

        var r = Run("eval", "--county", "310104", "--on", "2024-06-01", "--resident", resident, "--item", "maternal-health", "--format", "json");

        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Should().MatchRegex("\"eligible\":\\s*true");
    }
}
