using StandardsKit.Tests.TestSupport;

namespace StandardsKit.Tests.Hostile;

internal static partial class HostileCorpus
{
    private static string Excerpt => File.ReadAllText(Path.Combine(Repo.Root, "tests", "StandardsKit.Tests", "Fixtures", "official-2021-excerpt.txt"));

    /// <summary>An import case: <c>official.txt</c> against a copy of the 2021 edition at <c>ed/2021.yaml</c>.</summary>
    private static HostileCase I(string id, Action<CaseFolder> arrange, int exit, string? error, string text = "official.txt", string edition = "ed/2021.yaml", params string[] extra) => new()
    {
        Id = "import/" + id,
        Arrange = f =>
        {
            f.Write("ed/2021.yaml", File.ReadAllText(Path.Combine(Repo.Standards, "national", "2021.yaml")));
            arrange(f);
        },
        Args = ["import", text, "--edition", edition, .. extra],
        Exit = exit,
        ErrorOn = error is null ? ErrorOn.None : ErrorOn.Err,
        Error = error,
    };

    /// <summary>The 2021 edition without the serviceContent field of veteran-employment-services, so --fill has work to do.</summary>
    private static string EditionMissingAField()
    {
        var lines = File.ReadAllLines(Path.Combine(Repo.Standards, "national", "2021.yaml")).ToList();
        var start = lines.FindIndex(l => l.Contains("id: veteran-employment-services", StringComparison.Ordinal));
        var removed = lines.FindIndex(start, l => l.TrimStart().StartsWith("serviceContent:", StringComparison.Ordinal));
        var indent = lines[removed].Length - lines[removed].TrimStart().Length;
        var end = lines.FindIndex(removed + 1, l => l.Length - l.TrimStart().Length <= indent);
        lines.RemoveRange(removed, end - removed);
        return string.Join("\n", lines) + "\n";
    }

    private static IEnumerable<HostileCase> Import()
    {
        // Linear-time parsing
        yield return I("line-of-200000-spaces", f => f.Write("official.txt", "（1）" + new string(' ', 200_000) + "x\n"), 1, null) with
        {
            Then = (_, r) => r.Stdout.Should().Contain("official item not in the edition: x"),
        };
        yield return I("labels-after-200000-spaces", f => f.Write("official.txt", "（1）农村免费孕前优生健康检查" + new string(' ', 200_000) + "服务对象：甲" + new string(' ', 200_000) + "服务内容：乙\n"), 1, null);
        yield return I("page-number-lookalike", f => f.Write("official.txt", new string('-', 100_000) + " " + new string('—', 100_000) + "x\n（1）a\n"), 1, null);
        yield return I("million-brackets", f => f.Write("official.txt", new string('（', 1_000_000) + "\n"), 2, "no items found");
        yield return I("twenty-thousand-items", f => f.Write("official.txt", string.Concat(Enumerable.Range(1, 20_000).Select(i => $"（{i % 999 + 1}）项目{i}\n服务对象：居民\n"))), 1, null);
        yield return I("long-differing-field", f =>
        {
            f.Write("official.txt", Excerpt.Replace("提供退役军人专场招聘活动服务。", "提供退役军人专场招聘活动服务。" + new string('甲', 200_000), StringComparison.Ordinal));
        }, 1, null) with
        {
            Then = (_, r) => r.Stdout.Should().Contain("differs: veteran-employment-services serviceContent"),
        };
        yield return I("only-newlines", f => f.Write("official.txt", new string('\n', 5 * 1024 * 1024)), 2, "no items found");

        // What the official text is
        yield return I("text-dev-zero", _ => { }, 2, "device or kernel file", text: "/dev/zero");
        yield return I("text-fifo", f => f.Fifo("official.txt"), 2, "FIFO");
        yield return I("text-sparse-20MB", f => f.Sparse("official.txt", 20L * 1024 * 1024), 2, "the limit is 16,777,216");
        yield return I("text-invalid-utf8", f => f.WriteBytes("official.txt", [0xE4, 0xB8, (byte)'\n']), 2, "not valid UTF-8");
        yield return I("text-missing", _ => { }, 2, "no such file", text: "nowhere.txt");
        yield return I("text-control-characters-in-names", f => f.Write("official.txt", "（1）项目\u001b[2J\u202E名\n服务对象：居民\u001b]0;x\u0007\n"), 1, null) with
        {
            Then = (_, r) => r.Stdout.Should().Contain("项目\\u001B[2J\\u202E名"),
        };

        // What the edition is
        yield return I("edition-dev-zero", f => f.Write("official.txt", Excerpt), 2, "SK0009", edition: "/dev/zero");
        yield return I("edition-fifo", f =>
        {
            f.Write("official.txt", Excerpt);
            f.Fifo("ed/fifo.yaml");
        }, 2, "SK0009.*FIFO", edition: "ed/fifo.yaml");
        yield return I("edition-missing", f => f.Write("official.txt", Excerpt), 2, "no such file or folder", edition: "ed/none.yaml");
        yield return I("edition-duplicate-keys", f =>
        {
            f.Write("official.txt", Excerpt);
            f.Write("ed/dup.yaml", "a: 1\na: 2\n");
        }, 2, "SK0003", edition: "ed/dup.yaml");

        // --fill writes only what it must, atomically
        yield return I("fill-through-a-symlink", f =>
        {
            f.Write("official.txt", Excerpt);
            f.Write("ed/real-2021.yaml", EditionMissingAField());
            f.Link("ed/link.yaml", "real-2021.yaml");
        }, 0, null, edition: "ed/link.yaml", extra: ["--fill", "--source", "S2"]) with
        {
            MayWrite = ["ed/real-2021.yaml"],
            Then = (f, _) =>
            {
                new FileInfo(f.Full("ed/link.yaml")).LinkTarget.Should().Be("real-2021.yaml", "the edition stays a symbolic link");
                File.ReadAllText(f.Full("ed/real-2021.yaml")).Should().Contain("Filled by standardskit import");
            },
        };
        yield return I("fill-leaves-a-stranger's-temporary-file", f =>
        {
            f.Write("official.txt", Excerpt);
            f.Write("ed/2021.yaml", EditionMissingAField());
            f.Write("ed/2021.yaml.import-tmp", "someone else's work\n");
        }, 0, null, extra: ["--fill", "--source", "S2"]) with
        {
            MayWrite = ["ed/2021.yaml"],
            Then = (f, _) => File.ReadAllText(f.Full("ed/2021.yaml.import-tmp")).Should().Be("someone else's work\n"),
        };
        yield return I("fill-escapes-control-characters", f =>
        {
            f.Write("official.txt", Excerpt.Replace("提供退役军人专场招聘活动服务。", "提供退役军人专场招聘活动服务。\u001b[2J", StringComparison.Ordinal));
            f.Write("ed/2021.yaml", EditionMissingAField());
        }, 0, null, extra: ["--fill", "--source", "S2"]) with
        {
            MayWrite = ["ed/2021.yaml"],
            Then = (f, _) =>
            {
                File.ReadAllText(f.Full("ed/2021.yaml")).Should().Contain("招聘活动服务。\\u001B[2J").And.NotContain("\u001b");
                Catalog.LoadPaths([f.Full("ed/2021.yaml")]).Documents.Should().ContainSingle("the filled edition still loads");
            },
        };
        yield return I("fill-unknown-source", f =>
        {
            f.Write("official.txt", Excerpt);
            f.Write("ed/2021.yaml", EditionMissingAField());
        }, 2, "--source NOPE is not in", extra: ["--fill", "--source", "NOPE"]);
        yield return I("fill-without-source", f =>
        {
            f.Write("official.txt", Excerpt);
            f.Write("ed/2021.yaml", EditionMissingAField());
        }, 2, "--fill needs --source", extra: ["--fill"]);
    }
}
