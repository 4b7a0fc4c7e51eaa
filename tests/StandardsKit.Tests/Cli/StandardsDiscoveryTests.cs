using StandardsKit.Tests.TestSupport;
using static StandardsKit.Tests.Cli.CliHarness;

namespace StandardsKit.Tests.Cli;

/// <summary>
/// Which standards a command uses (README, "Which standards a command uses"): --standards, else the tree of the
/// given paths, else the tree above the working directory, else the embedded default — and it says which.
/// </summary>
public sealed class StandardsDiscoveryTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly string repo;
    private readonly string standards;

    public StandardsDiscoveryTests()
    {
        // A checkout of a standards repository whose author raised Shanghai's 65–69 allowance from 75 to 100.
        repo = Path.Combine(folder.Path, "checkout");
        standards = folder.CopyFrom(Repo.Standards, Path.Combine("checkout", "standards"));
        var shanghai = Path.Combine(standards, "local", "310000-shanghai", "2021.yaml");
        var text = File.ReadAllText(shanghai);
        text.Should().Contain("- {when: age >= 65, value: 75}");
        File.WriteAllText(shanghai, text.Replace("- {when: age >= 65, value: 75}", "- {when: age >= 65, value: 100}", StringComparison.Ordinal));
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Test_in_a_checkout_uses_its_working_tree_fails_and_says_so()
    {
        var r = RunIn(repo, "test");

        r.ExitCode.Should().Be(1, r.Err);
        r.Standards.Should().StartWith($"standardskit: standards: {standards} (working tree)");
        r.OutLines.Should().Contain(l => l.StartsWith("FAIL on the 65th birthday the allowance is 75 yuan", StringComparison.Ordinal));
        r.OutLines[^1].Should().MatchRegex(@"^\d+ passed, 1 failed$");
    }

    [Fact]
    public void A_subfolder_of_the_tree_finds_the_same_root()
    {
        var r = RunIn(Path.Combine(standards, "local", "310000-shanghai"), "test");

        r.ExitCode.Should().Be(1);
        r.Standards.Should().StartWith($"standardskit: standards: {standards} (working tree)");
    }

    [Fact]
    public void Test_files_given_by_path_run_against_the_tree_they_belong_to()
    {
        var r = Run("test", Path.Combine(standards, "tests", "shanghai.yaml"));

        r.ExitCode.Should().Be(1, "the copy's Shanghai amount, not the embedded one, is tested");
        r.Standards.Should().StartWith($"standardskit: standards: {standards} (the tree the given paths belong to)");
        r.OutLines[^1].Should().MatchRegex(@"^\d+ passed, 1 failed$");
    }

    [Fact]
    public void Standards_option_overrides_the_working_tree()
    {
        var r = RunIn(repo, "--standards", Repo.Standards, "test");

        r.ExitCode.Should().Be(0, r.Out);
        r.Standards.Should().StartWith($"standardskit: standards: {Repo.Standards} (--standards)");
    }

    [Fact]
    public void Outside_any_tree_the_embedded_default_is_used_and_named()
    {
        using var elsewhere = new TempFolder();
        var r = RunIn(elsewhere.Path, "list", "--county", "310104", "--on", "2024-06-01");

        r.ExitCode.Should().Be(0, r.Err);
        r.Standards.Should().StartWith("standardskit: standards: embedded default (StandardsKit ");
    }

    [Theory]
    [InlineData("show", "sh-elderly-allowance", "--county", "310104", "--on", "2024-06-01")]
    [InlineData("report", "--county", "310104", "--on", "2024-06-01", "--format", "json")]
    public void Reading_commands_show_the_working_tree(params string[] args)
    {
        var r = RunIn(repo, args);

        r.ExitCode.Should().Be(0, r.Err);
        r.Standards.Should().StartWith($"standardskit: standards: {standards} (working tree)");
        r.Out.Should().Contain("100", "the raised amount comes from the working tree");
    }

    [Fact]
    public void Eval_uses_the_working_tree()
    {
        var resident = folder.Write("resident.json", """{"birthDate": "1958-01-01", "hukou": "310104"}""");
        var r = RunIn(repo, "eval", "--county", "310104", "--on", "2024-06-01", "--resident", resident, "--item", "sh-elderly-allowance");

        r.ExitCode.Should().Be(0, r.Err);
        r.Standards.Should().StartWith($"standardskit: standards: {standards} (working tree)");
        r.Out.Should().Contain("\"value\": 100");
    }

    [Fact]
    public void Validating_one_overlay_loads_the_tree_it_belongs_to()
    {
        // Alone, the Shanghai overlay "extends cn-national@2021, which is not loaded"; with its tree it is clean.
        var r = Run("validate", Path.Combine(standards, "local", "310000-shanghai", "2021.yaml"));

        r.ExitCode.Should().Be(0, r.Out);
        r.Out.Should().NotContain("not loaded");
        r.Standards.Should().StartWith($"standardskit: standards: {standards} (the tree the given paths belong to)");
    }

    [Fact]
    public void A_folder_outside_any_tree_is_a_tree_of_its_own()
    {
        using var lone = new TempFolder();
        File.Copy(Path.Combine(Repo.Standards, "national", "2023.yaml"), Path.Combine(lone.Path, "2023.yaml"));

        var r = RunIn(repo, "validate", lone.Path);

        r.ExitCode.Should().Be(0, r.Out);
        r.OutLines[^1].Should().EndWith("in 1 file");
        r.Standards.Should().StartWith($"standardskit: standards: {lone.Path} (the given paths, in no standards tree");
    }

    [Fact]
    public void The_tree_marker_is_facts_yaml_or_a_repository_holding_standards_facts_yaml()
    {
        StandardsKit.Cli.CatalogSource.TreeAbove(repo).Should().Be(standards);
        StandardsKit.Cli.CatalogSource.TreeAbove(Path.Combine(standards, "national")).Should().Be(standards);
        StandardsKit.Cli.CatalogSource.TreeOf(Path.Combine(standards, "national", "2023.yaml")).Should().Be(standards);
        StandardsKit.Cli.CatalogSource.TreeOf(repo).Should().BeNull("a path belongs to a tree only from inside it");
    }
}
