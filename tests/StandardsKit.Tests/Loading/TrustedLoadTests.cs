using StandardsKit.Diagnostics;
using StandardsKit.Loading;
using StandardsKit.Loading.Yaml;
using StandardsKit.Tests.TestSupport;
using StandardsKit.Testing;

namespace StandardsKit.Tests.Loading;

/// <summary>
/// A load that only evaluates (the CLI's evaluation commands on a checkout, <see cref="Catalog.Default"/>) takes
/// files byte-identical to the embedded ones as schema-checked, and binds such test files on first use. It must hold
/// exactly what a fully checked load holds, and trust nothing but the schema of unchanged bytes.
/// </summary>
public sealed class TrustedLoadTests
{
    // The CLI's snapshot, as a CLI process has it: with it, trusted test files are left unparsed until asked for.
    public TrustedLoadTests() => StandardsKit.Cli.StandardsSnapshot.Register();

    [Fact]
    public void Embedded_test_files_are_exactly_the_embedded_files_under_tests()
    {
        // The trusted load recognises a test file by the embedded path its bytes come from, without parsing it.
        var files = StandardsSources.Embedded();
        files.Should().Contain(f => EmbeddedContent.IsTests(f.RelativePath)).And.Contain(f => !EmbeddedContent.IsTests(f.RelativePath));
        foreach (var file in files)
        {
            var bytes = file.Read(int.MaxValue);
            var root = YamlReader.Read(file.Path, bytes, new DiagnosticBag()).Should().BeOfType<YamlMapping>().Subject;
            (CatalogLoader.KindOf(root) == SchemaKind.Tests).Should().Be(EmbeddedContent.IsTests(file.RelativePath), file.RelativePath);
            var known = EmbeddedContent.PathOf(RevisionHash.Sha256(bytes));
            known.Should().NotBeNull(file.RelativePath);
            EmbeddedContent.IsTests(known!).Should().Be(EmbeddedContent.IsTests(file.RelativePath));
        }

        EmbeddedContent.PathOf(RevisionHash.Sha256("facts: []\n"u8)).Should().BeNull();
    }

    [Fact]
    public void A_checkout_identical_to_the_embedded_standards_loads_exactly_as_a_checked_load_does()
    {
        using var temp = new TempFolder();
        var tree = temp.CopyFrom(Repo.Standards, "standards");

        var full = Catalog.LoadDirectory(tree);
        var trusted = Catalog.LoadDirectoryToEvaluate(tree);

        full.Succeeded.Should().BeTrue();
        trusted.Succeeded.Should().BeTrue();
        trusted.Documents.Should().NotBeEmpty().And.Equal(full.Documents);
        trusted.Diagnostics.Select(d => d.ToString()).Should().Equal(full.Diagnostics.Select(d => d.ToString()));
        trusted.Catalog!.Revision.Should().Be(full.Catalog!.Revision);

        // Test cases bound on first use come out in the same order, at the checkout's paths, not the embedded ones.
        Describe(trusted.Catalog.Tests).Should().NotBeEmpty().And.Equal(Describe(full.Catalog.Tests));
        Describe(trusted.Tests).Should().Equal(Describe(full.Tests));
        trusted.Catalog.Tests.Should().OnlyContain(t => t.Span.File.StartsWith(tree, StringComparison.Ordinal));
    }

    [Fact]
    public void An_edited_file_is_schema_checked_under_trust()
    {
        using var temp = new TempFolder();
        var tree = temp.CopyFrom(Repo.Standards, "standards");
        var shanghai = Path.Combine(tree, "local", "310000-shanghai", "2021.yaml");
        File.AppendAllText(shanghai, "unexpectedTopLevelKey: 1\n");

        var trusted = Catalog.LoadDirectoryToEvaluate(tree);

        trusted.Succeeded.Should().BeFalse();
        trusted.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.Schema && d.Span!.File == shanghai && d.Message.Contains("unexpectedTopLevelKey", StringComparison.Ordinal));
    }

    [Fact]
    public void Unchanged_bytes_are_still_checked_against_an_edited_vocabulary()
    {
        // Trust covers the schema, which depends on nothing but the bytes; references depend on the other files.
        using var temp = new TempFolder();
        var tree = temp.CopyFrom(Repo.Standards, "standards");
        var facts = Path.Combine(tree, "facts.yaml");
        File.WriteAllText(facts, File.ReadAllText(facts).Replace("  - name: pregnant\n", "  - name: expecting\n", StringComparison.Ordinal));

        var trusted = Catalog.LoadDirectoryToEvaluate(tree);

        trusted.Succeeded.Should().BeFalse();
        var national = Path.Combine(tree, "national", "2023.yaml");
        trusted.Diagnostics.Should().Contain(d => d.Severity == Severity.Error && d.Span!.File == national && d.Message.Contains("pregnant", StringComparison.Ordinal));
    }

    [Fact]
    public void An_edited_test_file_is_bound_at_load_and_its_errors_reported()
    {
        using var temp = new TempFolder();
        var tree = temp.CopyFrom(Repo.Standards, "standards");
        var cases = Path.Combine(tree, "tests", "shanghai.yaml");
        File.WriteAllText(cases, "tests:\n  - name: broken\n    county: \"310104\"\n    on: not-a-date\n    resident: {}\n    expect: []\n");

        var trusted = Catalog.LoadDirectoryToEvaluate(tree);
        var full = Catalog.LoadDirectory(tree);

        full.Diagnostics.Should().Contain(d => d.Severity == Severity.Error && d.Span!.File == cases);
        trusted.Diagnostics.Select(d => d.ToString()).Should().Equal(full.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void The_default_catalog_binds_the_same_test_cases_as_the_checked_embedded_load()
    {
        var checkedLoad = Catalog.LoadEmbedded();
        Describe(Catalog.Default.Tests).Should().NotBeEmpty().And.Equal(Describe(checkedLoad.Tests));
        Catalog.Default.Revision.Should().Be(checkedLoad.Catalog!.Revision);
    }

    [Fact]
    public void Files_taken_on_trust_take_their_nodes_from_the_load_budget_as_parsing_would()
    {
        // Whether a file fits the load's node budget depends on the other files, so trust must not skip the charge:
        // with exactly the nodes the tree has, both loads succeed; with one fewer, both stop at the limit.
        using var temp = new TempFolder();
        var tree = temp.CopyFrom(Repo.Standards, "standards");
        var files = StandardsSources.FromPath(tree);
        var snapshot = YamlSnapshot.Current!;
        var total = files.Sum(f => snapshot.NodeCount(RevisionHash.Sha256(f.Read(int.MaxValue)))!.Value);

        CatalogLoadResult Load(bool trusted, int nodes) =>
            CatalogLoader.Load(StandardsSources.FromPath(tree), fallBackToEmbeddedVocabulary: true, trusted, new LoadBudget(nodes));

        var lastFile = files[^1].Path;
        foreach (var trusted in new[] { false, true })
        {
            Load(trusted, total).Succeeded.Should().BeTrue($"trusted: {trusted}");
            var over = Load(trusted, total - 1);
            over.Succeeded.Should().BeFalse($"trusted: {trusted}");

            // In file order every file but the last fits, and the last stops at its last node, on every run.
            over.Diagnostics.Where(d => d.Code == DiagnosticCodes.InputLimit).Should().ContainSingle($"trusted: {trusted}")
                .Which.Span!.File.Should().Be(lastFile);
            for (var run = 0; run < 3; run++)
            {
                Load(trusted, total - 1).Diagnostics.Select(d => d.ToString()).Should().Equal(over.Diagnostics.Select(d => d.ToString()));
            }
        }
    }

    [Fact]
    public void Over_the_node_budget_the_same_files_fail_at_the_same_place_on_every_run()
    {
        // Many files over a small budget: which stop used to depend on how the parallel parse was scheduled.
        using var temp = new TempFolder();
        var national = File.ReadAllText(Path.Combine(Repo.Standards, "national", "2023.yaml"));
        for (var i = 0; i < 24; i++)
        {
            temp.Write($"copies/copy-{i:D2}.yaml", national);
        }

        var first = CatalogLoader.Load(StandardsSources.FromPath(temp.Path), fallBackToEmbeddedVocabulary: true, budget: new LoadBudget(40_000));
        var limits = first.Diagnostics.Where(d => d.Code == DiagnosticCodes.InputLimit).ToList();
        limits.Should().NotBeEmpty();
        limits[0].Span!.File.Should().EndWith("copy-09.yaml", "about 4,400 nodes a file: nine fit in 40,000, the tenth stops");
        for (var run = 0; run < 5; run++)
        {
            CatalogLoader.Load(StandardsSources.FromPath(temp.Path), fallBackToEmbeddedVocabulary: true, budget: new LoadBudget(40_000))
                .Diagnostics.Select(d => d.ToString()).Should().Equal(first.Diagnostics.Select(d => d.ToString()));
        }
    }

    private static List<string> Describe(IEnumerable<TestCase> cases) =>
        [.. cases.Select(t => string.Join(" | ", t.Name, t.County, t.On.ToString("O", System.Globalization.CultureInfo.InvariantCulture), t.Span,
            string.Join(",", t.Expectations.Select(e => $"{e.Item}:{e.Eligible}:{e.Span}")), string.Join(",", t.Resident.Facts.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={Show(f.Value)}"))))];

    private static string? Show(object value) => value is not string and IEnumerable<string> list
        ? string.Join("+", list)
        : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
}
