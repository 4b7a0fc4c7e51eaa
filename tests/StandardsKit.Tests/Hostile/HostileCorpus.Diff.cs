namespace StandardsKit.Tests.Hostile;

internal static partial class HostileCorpus
{
    private static HostileCase D(string id, Action<CaseFolder> arrange, string[] sides, int exit, string? error, bool positioned = false, params string[] extra) => new()
    {
        Id = "diff/" + id,
        Arrange = arrange,
        Args = ["diff", .. extra, "--", .. sides],
        Exit = exit,
        ErrorOn = error is null ? ErrorOn.None : ErrorOn.Err,
        Error = error,
        Positioned = positioned,
    };

    /// <summary>A git repository in the working folder with <c>std/national/2023.yaml</c> committed on <c>main</c>.</summary>
    private static void Repository(CaseFolder f)
    {
        f.Git("init", "-q", "-b", "main", ".");
        f.National("std");
        f.Git("add", "std");
        f.Git("commit", "-q", "-m", "national");
    }

    /// <summary>Commits a hand-built tree (entries nested under <paramref name="names"/>, innermost last) as branch <c>hostile</c>.</summary>
    private static void HostileTree(CaseFolder f, string file, params string[] names)
    {
        var blob = f.GitWithInput(File.ReadAllText(f.Full("std/national/2023.yaml")), "hash-object", "-w", "--stdin");
        var tree = f.GitWithInput($"100644 blob {blob}\t{file}\n", "mktree");
        foreach (var name in names.Reverse())
        {
            tree = f.GitWithInput($"040000 tree {tree}\t{name}\n", "mktree");
        }

        var commit = f.Git("commit-tree", "-m", "hostile", tree);
        f.Git("update-ref", "refs/heads/hostile", commit);
    }

    private static IEnumerable<HostileCase> Diff()
    {
        // Git trees and revisions
        yield return D("dot-dot-tree-entries", f =>
        {
            Repository(f);
            HostileTree(f, "escaped.yaml", "std", "..", "..", "..", "..", "..");
        }, ["hostile:std", "main:std"], 2, "hostile: the git tree holds the path 'std/../../../../../escaped.yaml', whose component '..' could lead outside the tree");
        yield return D("dot-git-tree-entry", f =>
        {
            Repository(f);
            HostileTree(f, "hooks.yaml", "std", ".git");
        }, ["hostile:std", "main:std"], 2, "component '.git'");
        yield return D("dot-tree-entry", f =>
        {
            Repository(f);
            HostileTree(f, "x.yaml", "std", ".");
        }, ["hostile:std", "main:std"], 2, "component '.'");
        yield return D("revision-that-looks-like-an-option", Repository, ["--output=written-by-git.txt:std", "main:std"], 2, "git ls-tree failed") with
        {
            Then = (f, _) => File.Exists(f.Full("written-by-git.txt")).Should().BeFalse("a revision is never read as an option"),
        };
        yield return D("revision-dash-c", Repository, ["-ccore.pager=touch pwned:std", "main:std"], 2, "git ls-tree failed");
        yield return D("revision-unknown", Repository, ["no-such-branch:std", "main:std"], 2, "git ls-tree failed");
        yield return D("not-a-repository", f => f.National("std"), ["main:std", "std"], 2, "git ls-tree failed");
        yield return D("path-outside-the-repository", Repository, ["main:../..", "main:std"], 2, "git ls-tree failed");
        yield return D("symlink-entry-to-etc", f =>
        {
            Repository(f);
            f.Link("std/passwd.yaml", "/etc/passwd");
            f.Git("add", "std/passwd.yaml");
            f.Git("commit", "-q", "-m", "link");
            f.Git("rm", "-q", "-r", "--cached", "std/national");
            f.Git("commit", "-q", "-m", "only the link");
        }, ["main:std", "main~1:std"], 2, "main:std has no \\*\\.yaml files");
        yield return D("blob-over-the-limit", f =>
        {
            Repository(f);
            f.Write("big/x.yaml", "# " + new string('x', 9 * 1024 * 1024) + "\n");
            f.Git("add", "big");
            f.Git("commit", "-q", "-m", "big");
        }, ["main:big", "main:std"], 1, @"main:big/x\.yaml:1:1: error SK0004", positioned: true);
        yield return D("git-sides-still-compare", f =>
        {
            Repository(f);
            f.Write("std/national/2023.yaml", File.ReadAllText(f.Full("std/national/2023.yaml")).Replace("value: 5}", "value: 4}", StringComparison.Ordinal));
            f.Git("commit", "-q", "-a", "-m", "lower");
        }, ["main~1:std", "main:std"], 1, "diff found lowered changes", extra: ["--fail-on", "lowered"]);

        // Files and folders
        yield return D("control-characters-in-names-text", f =>
        {
            f.Write("a/x.yaml", NationalWith(name: "\"旧\""));
            f.Write("b/x.yaml", NationalWith(name: Forgery));
        }, ["a", "b"], 0, null) with { Then = (_, r) => r.Stdout.Should().Contain("改名: 旧 → x\\n::error") };
        yield return D("control-characters-in-names-markdown", f =>
        {
            f.Write("a/x.yaml", NationalWith(name: "\"旧\""));
            f.Write("b/x.yaml", NationalWith(name: "\"<img src=x onerror=alert(1)> ![t](http://track/x.png) | a\\nb\""));
        }, ["a", "b"], 0, null, false, "--format", "markdown") with
        {
            Then = (_, r) =>
            {
                r.Stdout.Should().Contain("&lt;img src=x onerror=alert(1)&gt; !\\[t](http://track/x.png) \\| a\\nb");
                r.Stdout.Should().NotContain("<img");
            },
        };
        yield return D("control-characters-in-names-json", f =>
        {
            f.Write("a/x.yaml", NationalWith(name: "\"旧\""));
            f.Write("b/x.yaml", NationalWith(name: Forgery));
        }, ["a", "b"], 0, null, false, "--format", "json") with
        {
            Json = true,
            Then = (_, r) => System.Text.Json.JsonDocument.Parse(r.Stdout).RootElement.GetProperty("changes")[0].GetProperty("name").GetProperty("zh").GetString()
                .Should().StartWith("x\n::error"),
        };
        yield return D("folder-side-with-a-fifo", f =>
        {
            f.National("a");
            f.National("b");
            f.Fifo("b/x.yaml");
        }, ["a", "b"], 0, "SK0009.*FIFO", positioned: true);
        yield return D("side-is-dev-zero", f => f.National("a"), ["a", "/dev/zero"], 1, "SK0009");
        yield return D("side-with-duplicate-keys", f =>
        {
            f.National("a");
            f.Write("b/x.yaml", "a: 1\na: 2\n");
        }, ["a", "b"], 1, @"b/x\.yaml:2:1: error SK0003", positioned: true);
        yield return D("side-unknown-edition", _ => { }, ["cn-national@1999", "cn-national@2023"], 2, "no standard cn-national@1999");
        yield return D("side-nonsense", _ => { }, ["nonsense", "cn-national@2023"], 2, "is not a file, a folder");
        yield return D("fail-on-unknown-kind", _ => { }, ["cn-national@2021", "cn-national@2023"], 2, "--fail-on 'everything' is not a change kind", extra: ["--fail-on", "everything"]);
        yield return D("rules-no-search-can-compare", f =>
        {
            Reproducer(f, "a");
            Reproducer(f, "b");
            f.Write("b/overlay.yaml", File.ReadAllText(f.Full("b/overlay.yaml")).Replace("pregnant and not", "pregnant and dibao and not", StringComparison.Ordinal));
        }, ["a", "b"], 0, null) with
        {
            Then = (_, r) => r.Stdout.Should().Contain("适用范围"),
        };
    }
}
