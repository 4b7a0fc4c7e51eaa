using System.Text;
using StandardsKit.Cli;
using StandardsKit.Diagnostics;
using StandardsKit.Loading;
using StandardsKit.Loading.Yaml;

namespace StandardsKit.Tests.Loading;

/// <summary>
/// The CLI embeds the parsed YAML of the embedded standards (tools/snapshot) and takes trees from it for exactly the
/// bytes they were read from. A tree from the snapshot must be the tree the reader gives, node for node, position
/// for position, at the path of the file being loaded.
/// </summary>
public sealed class YamlSnapshotTests
{
    [Fact]
    public void The_snapshot_built_into_the_cli_gives_every_embedded_file_the_tree_the_reader_gives()
    {
        var snapshot = ReadCliSnapshot();
        var files = StandardsSources.Embedded();
        snapshot.Count.Should().Be(files.Count, "every embedded file reads without a finding, so every one is in the snapshot");

        foreach (var file in files)
        {
            var bytes = file.Read(int.MaxValue);
            var path = "elsewhere/" + file.RelativePath;
            var expected = YamlReader.Read(path, bytes, new DiagnosticBag());
            var actual = snapshot.Read(RevisionHash.Sha256(bytes), path, bytes);
            Describe(actual!).Should().Equal(Describe(expected!), file.RelativePath);
        }
    }

    [Fact]
    public void A_snapshot_holds_trees_only_for_the_bytes_they_were_read_from()
    {
        var bytes = Encoding.UTF8.GetBytes("id: a\nitems:\n  - {x: \"1\", y: 'two'}\n  - |\n    block\n");
        var snapshot = Write(("original.yaml", bytes));

        var same = snapshot.Read(RevisionHash.Sha256(bytes), "copy.yaml", bytes);
        Describe(same!).Should().Equal(Describe(YamlReader.Read("copy.yaml", bytes, new DiagnosticBag())!));

        var edited = Encoding.UTF8.GetBytes("id: b\n");
        snapshot.Read(RevisionHash.Sha256(edited), "copy.yaml", edited).Should().BeNull();
    }

    [Fact]
    public void Bytes_that_are_not_a_snapshot_of_this_version_are_refused()
    {
        var bytes = Encoding.UTF8.GetBytes("id: a\n");
        using var stream = new MemoryStream();
        YamlSnapshot.Write(stream, [(RevisionHash.Sha256(bytes), YamlReader.Read("a.yaml", bytes, new DiagnosticBag())!)]);
        var data = stream.ToArray();

        YamlSnapshot.Load(data).Should().NotBeNull();
        YamlSnapshot.Load([]).Should().BeNull();
        YamlSnapshot.Load("not a snapshot"u8.ToArray()).Should().BeNull();
        var otherVersion = (byte[])data.Clone();
        otherVersion[4]++;
        YamlSnapshot.Load(otherVersion).Should().BeNull();
    }

    [Fact]
    public void A_trusted_load_through_the_snapshot_equals_a_checked_load()
    {
        StandardsSnapshot.Register();
        YamlSnapshot.Current.Should().NotBeNull();

        using var temp = new TestSupport.TempFolder();
        var tree = temp.CopyFrom(TestSupport.Repo.Standards, "standards");
        var full = Catalog.LoadDirectory(tree);
        var trusted = Catalog.LoadDirectoryToEvaluate(tree);

        trusted.Documents.Should().NotBeEmpty().And.Equal(full.Documents);
        trusted.Diagnostics.Select(d => d.ToString()).Should().Equal(full.Diagnostics.Select(d => d.ToString()));
        trusted.Catalog!.Revision.Should().Be(full.Catalog!.Revision);
    }

    private static YamlSnapshot ReadCliSnapshot()
    {
        using var stream = typeof(StandardsSnapshot).Assembly.GetManifestResourceStream("standards.snapshot");
        stream.Should().NotBeNull("the CLI's build writes and embeds the snapshot (tools/snapshot)");
        var data = new byte[stream!.Length];
        stream.ReadExactly(data);
        return YamlSnapshot.Load(data) ?? throw new InvalidOperationException("the CLI's snapshot does not load");
    }

    private static YamlSnapshot Write(params (string Path, byte[] Bytes)[] files)
    {
        using var stream = new MemoryStream();
        YamlSnapshot.Write(stream, [.. files.Select(f => (RevisionHash.Sha256(f.Bytes), YamlReader.Read(f.Path, f.Bytes, new DiagnosticBag())!))]);
        return YamlSnapshot.Load(stream.ToArray())!;
    }

    /// <summary>Every node as one line: kind, position, value, style, and the text its source points at.</summary>
    private static List<string> Describe(YamlNode root)
    {
        var lines = new List<string>();
        Walk(root, "");
        return lines;

        void Walk(YamlNode node, string at)
        {
            switch (node)
            {
                case YamlScalar s:
                    var source = s.Source is { } src ? $"{src.Start}-{src.End}:{src.Text[src.Start..src.End]}:{src.Text.Length}" : "none";
                    lines.Add($"{at} scalar {s.Span} [{s.Value}] {s.Style} {source}");
                    break;
                case YamlSequence q:
                    lines.Add($"{at} sequence {q.Span} {q.Items.Count}");
                    for (var i = 0; i < q.Items.Count; i++)
                    {
                        Walk(q.Items[i], $"{at}[{i}]");
                    }

                    break;
                case YamlMapping m:
                    lines.Add($"{at} mapping {m.Span} {m.Entries.Count}");
                    foreach (var (key, value) in m.Entries)
                    {
                        Walk(key, at + ".key");
                        Walk(value, $"{at}.{key.Value}");
                    }

                    break;
            }
        }
    }
}
