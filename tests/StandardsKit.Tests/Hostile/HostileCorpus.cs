using System.Text;

namespace StandardsKit.Tests.Hostile;

/// <summary>
/// The hostile-input corpus: one method per command (<c>HostileCorpus.Validate.cs</c>, <c>.Eval.cs</c>, …). To cover a
/// new command, add a partial file with a method returning its cases and list it in <see cref="All"/> (see README.md).
/// </summary>
internal static partial class HostileCorpus
{
    private static IReadOnlyList<HostileCase>? _all;

    /// <summary>Every case, built on first use (static fields of the partial files are initialised in no set order).</summary>
    public static IReadOnlyList<HostileCase> All => _all ??=
    [
        .. Validate(),
        .. Eval(),
        .. TestCommand(),
        .. Diff(),
        .. Import(),
        .. OtherCommands(),
        .. Screen(),
        .. Replay(),
        .. Equalization(),
        .. Serve(),
    ];

    // Shared inputs -------------------------------------------------------------------------------------------------

    /// <summary>An overlay of Shanghai on the national 2023 edition implementing maternal-health with the given rule and level.</summary>
    public static string Overlay(string rule, string level = "", string name = "项目") =>
        TestSupport.Yaml.MaternalHealthOverlay("cn-31", "310000", "cn-national@2023", "sh-mh", rule, level: level, name: name) + "\n";

    /// <summary>The reproducer: a rule of about 1.9 KB that no search refutes quickly (pigeonhole, 6 into 5) and a tier naming 24 dates.</summary>
    public static void Reproducer(CaseFolder f, string folder = "std")
    {
        const int pigeons = 6, holes = 5;
        static string V(int i, int j) => $"p{i}{j}";
        var facts = new StringBuilder(File.ReadAllText(Path.Combine(TestSupport.Repo.Standards, "facts.yaml")));
        for (var i = 1; i <= pigeons; i++)
        {
            for (var j = 1; j <= holes; j++)
            {
                facts.Append($"\n  - name: {V(i, j)}\n    type: bool\n    description: {{zh: 鸽{i}洞{j}, en: pigeon {i} in hole {j}}}\n    absent: none\n");
            }
        }

        var place = string.Join(" and ", Enumerable.Range(1, pigeons).Select(i => "(" + string.Join(" or ", Enumerable.Range(1, holes).Select(j => V(i, j))) + ")"));
        var apart = string.Join(" and ", from j in Enumerable.Range(1, holes) from i in Enumerable.Range(1, pigeons) from k in Enumerable.Range(i + 1, pigeons - i)
                                         select $"not ({V(i, j)} and {V(k, j)})");
        var dates = string.Join(" or ", Enumerable.Range(0, 24).Select(i => $"evaluationDate() == date(\"{2024 + (i / 12)}-{(i % 12) + 1:00}-01\")"));
        f.National(folder);
        f.Write(folder + "/facts.yaml", facts.ToString());
        f.Write(folder + "/overlay.yaml", Overlay($"pregnant and not ({place} and {apart})", $$"""
                level:
                  quantities:
                    - name: antenatalChecks
                      unit: times
                      tiers:
                        - {when: '{{dates}}', value: 6}
                        - {when: "true", value: 5}
                  provenance: {evidence: policy, sources: [X]}
            """));
    }

    /// <summary>A national standard (test-national@2030) whose single item has <paramref name="name"/> and <paramref name="kind"/>.</summary>
    public static string NationalWith(string name = "项目", string kind = "basic", string level = "", string id = "test-national", string edition = "2030",
        string effectiveFrom = "2030-01-01", string extraHeader = "") =>
        TestSupport.Yaml.National($$"""
              - id: item-one
                number: 1
                area: childcare
                category: pregnancy-care
                kind: {{kind}}
                name: {zh: {{name}}, en: Item}
                provenance: {evidence: secondary, sources: [S1]}
                eligibility:
                  when: pregnant
                  provenance: {evidence: policy, sources: [S1]}
            {{level}}
            """, id, edition, effectiveFrom, extraHeader);

    /// <summary>A tests file with one case on the national 2023 edition, named <paramref name="name"/>.</summary>
    public static string TestsFile(string name, string resident = "{pregnant: true}", string item = "maternal-health", string on = "2024-06-01", string expect = "eligible: true") => $$"""
        tests:
          - name: {{name}}
            county: "310104"
            on: {{on}}
            resident: {{resident}}
            expect:
              - {item: {{item}}, {{expect}}}
        """ + "\n";

    /// <summary>A double-quoted YAML scalar holding a newline, ESC, a bidi override and a forged workflow command.</summary>
    public const string Forgery = "\"x\\n::error file=forged.yaml,line=1::forged\\e[2J\\u202E\"";

    public static byte[] Utf8(string s) => new UTF8Encoding(false).GetBytes(s);
}
