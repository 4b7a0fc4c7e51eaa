using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using StandardsKit.Divisions;
using StandardsKit.Engine;
using StandardsKit.Tests.TestSupport;
using static StandardsKit.Tests.Cli.CliHarness;

namespace StandardsKit.Tests.Json;

/// <summary>The revision every result carries: SHA-256 over sha256sum's listing of the loaded files, and the engine version.</summary>
public sealed class RevisionTests
{
    private static string Sha256(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    /// <summary>The documented definition, computed independently of the library.</summary>
    private static string Listing(string root)
    {
        var lines = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Select(f => (Path: Path.GetRelativePath(root, f).Replace('\\', '/'), File: f))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .Select(f => $"{Sha256(File.ReadAllBytes(f.File))}  {f.Path}\n");
        return Sha256(Encoding.UTF8.GetBytes(string.Concat(lines)));
    }

    [Fact]
    public void The_embedded_revision_is_sha256_over_the_sorted_listing_of_the_standards_folder()
    {
        Catalog.Default.Revision.Standards.Should().Be(Listing(Repo.Standards));
        Catalog.LoadDirectory(Repo.Standards).GetCatalogOrThrow().Revision.Should().Be(Catalog.Default.Revision);
    }

    [Fact]
    public void The_documented_shell_recipe_prints_the_same_revision()
    {
        var recipe = "find . -type f \\( -name '*.yaml' -o -name '*.yml' \\) -printf '%P\\n' | LC_ALL=C sort | xargs -d '\\n' sha256sum | sha256sum";
        var shell = Process.Start(new ProcessStartInfo("bash", ["-c", recipe]) { WorkingDirectory = Repo.Standards, RedirectStandardOutput = true })!;
        var output = shell.StandardOutput.ReadToEnd();
        shell.WaitForExit();

        shell.ExitCode.Should().Be(0);
        output.Split(' ')[0].Should().Be(Catalog.Default.Revision.Standards);
    }

    [Fact]
    public void One_changed_byte_or_one_renamed_file_changes_the_revision_and_the_checkout_location_does_not()
    {
        using var a = new TempFolder();
        using var b = new TempFolder();
        var first = Catalog.LoadDirectory(a.CopyFrom(Repo.Standards, "standards")).GetCatalogOrThrow().Revision;
        var elsewhere = Catalog.LoadDirectory(b.CopyFrom(Repo.Standards, "deeper/copy")).GetCatalogOrThrow().Revision;
        elsewhere.Should().Be(first);

        var tests = Path.Combine(a.Path, "standards", "tests", "local-acceptance.yaml");
        File.AppendAllText(tests, "\n");
        var edited = Catalog.LoadDirectory(Path.Combine(a.Path, "standards")).GetCatalogOrThrow().Revision;
        edited.Standards.Should().NotBe(first.Standards);

        File.Move(tests, Path.Combine(a.Path, "standards", "tests", "renamed.yaml"));
        Catalog.LoadDirectory(Path.Combine(a.Path, "standards")).GetCatalogOrThrow().Revision.Standards.Should().NotBe(edited.Standards);
    }

    [Fact]
    public void A_folder_that_borrows_the_embedded_facts_counts_them_in_its_revision()
    {
        using var folder = new TempFolder();
        folder.CopyFrom(Path.Combine(Repo.Standards, "national"), "national");
        var borrowed = Catalog.LoadDirectory(folder.Path).GetCatalogOrThrow().Revision.Standards;
        borrowed.Should().NotBe(Listing(folder.Path), "the embedded facts and division list were loaded too");

        File.Copy(Path.Combine(Repo.Standards, "facts.yaml"), Path.Combine(folder.Path, "facts.yaml"));
        var own = Catalog.LoadDirectory(folder.Path).GetCatalogOrThrow().Revision.Standards;

        borrowed.Should().NotBe(own, "the listing names the borrowed file (embedded)/facts.yaml, not facts.yaml");
    }

    [Fact]
    public void Replacing_the_division_list_in_code_changes_the_revision()
    {
        var divisions = new DivisionDirectory(Catalog.Default.Divisions.All.Where(d => d.Code != "110101"));

        Catalog.Default.WithDivisions(divisions).Revision.Standards.Should().NotBe(Catalog.Default.Revision.Standards);
    }

    [Fact]
    public void Eval_output_carries_the_catalog_revision_and_the_engine_version()
    {
        var r = RunWithInput("{}", "eval", "--county", "310104", "--on", "2024-06-01", "--resident", "-", "--item", "maternal-health");

        using var doc = JsonDocument.Parse(r.Out);
        var revision = doc.RootElement.GetProperty("revision");
        revision.GetProperty("standards").GetString().Should().Be(Catalog.Default.Revision.Standards).And.MatchRegex("^[0-9a-f]{64}$");
        revision.GetProperty("engine").GetString().Should().Be(StandardsRevision.EngineVersion).And.StartWith("0.");
    }
}
