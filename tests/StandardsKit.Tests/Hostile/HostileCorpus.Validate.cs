using System.Text;

namespace StandardsKit.Tests.Hostile;

internal static partial class HostileCorpus
{
    /// <summary>A case validating folder <c>in/</c>, which holds <c>x.yaml</c> with <paramref name="content"/>.</summary>
    private static HostileCase V(string id, string content, string code, bool positioned = true, int exit = 1) => V(id, f => f.Write("in/x.yaml", content), code, positioned, exit);

    private static HostileCase V(string id, byte[] content, string code, bool positioned = true) => V(id, f => f.WriteBytes("in/x.yaml", content), code, positioned);

    private static HostileCase V(string id, Action<CaseFolder> arrange, string code, bool positioned = true, int exit = 1, string[]? args = null) => new()
    {
        Id = "validate/" + id,
        Arrange = arrange,
        Args = args ?? ["validate", "in"],
        Exit = exit,
        ErrorOn = ErrorOn.Out,
        Error = code,
        Positioned = positioned,
    };

    private static IEnumerable<HostileCase> Validate()
    {
        // YAML syntax and encoding
        yield return V("empty-file", "", "SK0001.*empty");
        yield return V("only-comments", "# nothing but a comment\n", "SK0001");
        yield return V("invalid-utf8", [(byte)'a', (byte)':', (byte)' ', 0xFF, 0xFE, (byte)'\n'], "SK0005");
        yield return V("utf16-with-bom", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("a: 1\n")).ToArray(), "SK0005");
        yield return V("nul-bytes", "a: b\0\0c\n", "SK0001");
        yield return V("tab-indentation", "a:\n\tb: 1\n", "SK0001");
        yield return V("unclosed-quote", "a: \"abc\nb: 1\n", "SK0001");
        yield return V("unclosed-flow-mapping", "a: {b: 1\n", "SK0001");
        yield return V("two-documents", "a: 1\n---\nb: 2\n", "SK0001.*one YAML document");
        yield return V("top-level-scalar", "just text\n", "SK0007");
        yield return V("top-level-sequence", "- a\n- b\n", "SK0007");
        yield return V("bad-unicode-escape", "a: \"\\UFFFFFFFF\"\n", "SK0001");
        yield return V("lone-surrogate-escape", "id: \"\\uD800\"\n", "SK000[12]");
        yield return V("complex-key", "? [a, b]\n: 1\n", "SK0001");
        yield return V("long-simple-key", new string('k', 1_000_000) + ": 1\n", "SK000[12]");
        yield return V("crlf-duplicate-key", "a: 1\r\na: 2\r\n", "SK0003");
        yield return V("bom-duplicate-key", "\uFEFFa: 1\na: 2\n", @"x\.yaml:2:1: error SK0003");

        // Resource limits
        yield return V("billion-laughs", """
            a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
            b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
            c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
            d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
            e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
            f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
            g: [*f, *f, *f, *f, *f, *f, *f, *f, *f]
            """, "SK0004.*anchors");
        yield return V("merge-key", "base: &b {x: 1}\nother:\n  <<: *b\n", "SK0004");
        yield return V("deep-flow-nesting", "a: " + new string('[', 100_000) + new string(']', 100_000) + "\n", "SK000[14]");
        yield return V("deep-block-nesting", string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', i * 2) + "a:\n")) + new string(' ', 400) + "1\n", "SK0004.*deeper");
        yield return V("million-nodes", "a: [" + string.Concat(Enumerable.Repeat("0,", 1_000_001)) + "0]\n", "SK0004.*1,000,000");
        yield return V("nine-megabytes", f => f.Write("in/x.yaml", "# " + new string('x', 9 * 1024 * 1024) + "\n"), "SK0004.*8,388,608");
        yield return V("sparse-gigabyte", f => f.Sparse("in/x.yaml", 1L << 30), "SK0004.*1,073,741,824");
        yield return V("total-nodes-across-files", f =>
        {
            var big = "- [" + string.Concat(Enumerable.Repeat("0,", 800_000)) + "0]\n";
            foreach (var n in new[] { "a", "b", "c" })
            {
                f.Write($"in/{n}.yaml", big);
            }
        }, "in/c.yaml:.*SK0004.*together");
        yield return V("total-bytes-across-files", f =>
        {
            for (var i = 0; i < 9; i++)
            {
                f.Sparse($"in/f{i}.yaml", 7_800_000, "# ");
            }
        }, "in/f8.yaml:.*SK0004.*together");
        yield return V("folders-too-deep", f => f.Write("in/" + string.Join('/', Enumerable.Range(0, 40).Select(i => "d" + i)) + "/x.yaml", "a: 1\n"), "SK0004.*deeper than 32");

        // Special files and links
        yield return V("fifo-named-yaml", f => f.Fifo("in/x.yaml"), "SK0009.*FIFO");
        yield return V("link-to-dev-zero", f => f.Link("in/x.yaml", "/dev/zero"), "SK0009.*outside");
        yield return V("dev-zero-named", f => { }, "SK0009.*device or kernel file", args: ["validate", "/dev/zero"]);
        yield return V("link-to-proc-status", f => f.Link("in/x.yaml", "/proc/self/status"), "SK0009");
        yield return V("proc-status-named", f => { }, "SK0009.*device or kernel file", args: ["validate", "/proc/self/status"]);
        yield return V("link-to-file-outside", f =>
        {
            f.Write("outside.yaml", "a: 1\n");
            f.Link("in/x.yaml", "../outside.yaml");
        }, "SK0009.*outside the standards folder");
        yield return V("link-to-folder-outside", f =>
        {
            f.Write("elsewhere/a.yaml", "a: 1\n");
            f.Link("in/else", "../elsewhere");
        }, "SK0009.*outside the standards folder");
        yield return V("link-to-etc", f => f.Link("in/etc.yaml", "/etc/passwd"), "SK0009.*outside");
        yield return V("folder-loop-loads-once", f =>
        {
            f.Write("in/sub/x.yaml", "a: 1\na: 2\n");
            f.Link("in/sub/loop", "..");
        }, "SK0003") with { Then = (_, r) => r.Stdout.Split("SK0003").Length.Should().Be(2, "the file is loaded once, not once per path through the loop") };
        yield return V("links-inside-tree-load-once", f =>
        {
            f.Write("in/a/x.yaml", "a: 1\na: 2\n");
            f.Link("in/b", "a");
            f.Link("in/c.yaml", "a/x.yaml");
        }, "SK0003") with { Then = (_, r) => r.Stdout.Split("SK0003").Length.Should().Be(2, "a file reached through links is loaded once") };
        yield return V("link-loop", f =>
        {
            f.Link("in/p.yaml", "q.yaml");
            f.Link("in/q.yaml", "p.yaml");
        }, "SK0009");
        yield return V("broken-link", f => f.Link("in/x.yaml", "missing.yaml"), "SK000[69]");
        yield return V("folder-named-yaml", f => f.Folder("in/x.yaml"), "no \\*\\.yaml files", positioned: false, exit: 2) with { ErrorOn = ErrorOn.Err };

        // Quietly accepted before
        yield return V("tag-include", "a: !include /etc/passwd\n", @"x\.yaml:1:4: error SK0008.*!include");
        yield return V("tag-binary", "a: !!binary aGVsbG8=\n", "SK0008");
        yield return V("tag-python-object", "a: !!python/object/apply:os.system [ls]\n", "SK0008");
        yield return V("tag-on-mapping", "a: !custom {b: 1}\n", "SK0008");
        yield return V("duplicate-key", "a: 1\na: 2\n", @"x\.yaml:2:1: error SK0003");
        yield return V("duplicate-key-quoted", "a: 1\n\"a\": 2\n", "SK0003");
        yield return V("division-cycle", "source: {attribution: x}\ndivisions:\n  - {code: \"110100\", name: a, parent: \"110101\"}\n  - {code: \"110101\", name: b, parent: \"110100\"}\n", "SK0216.*cycle");
        yield return V("division-self-parent", "source: {attribution: x}\ndivisions:\n  - {code: \"110100\", name: a, parent: \"110100\"}\n", "SK0216.*own parent");
        yield return V("division-listed-twice", "source: {attribution: x}\ndivisions:\n  - {code: \"110000\", name: a}\n  - {code: \"110000\", name: b}\n", "SK0205.*twice");
        yield return V("negative-amount", NationalWith(level: """
                level:
                  quantities:
                    - {name: allowance, unit: CNY/month, value: -5}
                  provenance: {evidence: policy, sources: [S1]}
            """), "SK0002.*-5");
        yield return V("negative-dated-amount", NationalWith(level: """
                level:
                  quantities:
                    - {name: allowance, unit: CNY/month, values: {2030-01-01: 5, 2031-01-01: -1}}
                  provenance: {evidence: policy, sources: [S1]}
            """), "SK0002.*-1");

        // Control characters and forged workflow commands in the output
        yield return V("newline-in-value", NationalWith(kind: Forgery), "SK0002");
        yield return V("esc-in-value", NationalWith(kind: "\"basic\\e[31m\\e]0;title\\a\""), "SK0002");
        yield return V("c1-and-bidi-in-value", NationalWith(kind: "\"basic\\u009B2J\\u202E\\u2066\\u2028\""), "SK0002");
        yield return V("github-format-forgery", f => f.Write("in/x.yaml", NationalWith(kind: Forgery)), "x", args: ["validate", "--format", "github", "in"]) with
        {
            ErrorOn = ErrorOn.None,
            WorkflowCommands = true,
            Then = (_, r) => r.Stdout.Split('\n').Count(l => l.StartsWith("::", StringComparison.Ordinal)).Should().Be(1, "one diagnostic, one annotation"),
        };
        yield return V("json-format-keeps-the-value", f => f.Write("in/x.yaml", NationalWith(kind: Forgery)), "x", args: ["validate", "--format", "json", "in"]) with
        {
            ErrorOn = ErrorOn.None,
            Json = true,
            Then = (_, r) => System.Text.Json.JsonDocument.Parse(r.Stdout).RootElement.GetProperty("diagnostics")[0].GetProperty("message").GetString()
                .Should().Contain("\n::error", "JSON carries the value itself, escaped by JSON"),
        };
        yield return V("newline-in-file-name", f => f.Write("in/a\nb.yaml", "a: 1\na: 2\n"), @"a\\nb\.yaml:2:1: error SK0003");
        yield return V("esc-in-file-name", f => f.Write("in/\u001b[31mred.yaml", "a: 1\na: 2\n"), @"\\u001B\[31mred\.yaml:2:1: error SK0003");
        yield return V("workflow-command-file-name", f => f.Write("::error::x.yaml", "a: 1\na: 2\n"), @"^\\::error::x\.yaml:2:1: error SK0003", args: ["validate", "::error::x.yaml"]);
        yield return V("five-megabyte-scalar", "id: " + new string('x', 5 * 1024 * 1024) + "\n", "SK0002");
        yield return V("thousands-of-schema-errors", string.Concat(Enumerable.Range(0, 5000).Select(i => $"k{i}: 1\n")), "SK0002") with
        {
            Then = (_, r) => r.Stdout.Split('\n').Length.Should().BeLessThan(120, "schema errors are capped per file"),
        };

        // Expressions
        yield return V("expression-longer-than-the-limit", NationalWith().Replace("when: pregnant", "when: " + string.Join(" or ", Enumerable.Repeat("pregnant", 20_000)), StringComparison.Ordinal), "SK0(002|105)");
        yield return V("expression-deep-parentheses", NationalWith().Replace("when: pregnant", "when: '" + new string('(', 900) + "pregnant" + new string(')', 900) + "'", StringComparison.Ordinal), "SK0105");
        yield return V("expression-not-chain", NationalWith().Replace("when: pregnant", "when: " + string.Concat(Enumerable.Repeat("not ", 400)) + "pregnant", StringComparison.Ordinal), "SK0105");
        yield return V("expression-unknown-fact", NationalWith().Replace("when: pregnant", "when: agee >= 65", StringComparison.Ordinal), @"x\.yaml:\d+:\d+: error SK0102.*agee");
        yield return V("expression-huge-number", NationalWith().Replace("when: pregnant", "when: age > 99999999999999999999999999999999999", StringComparison.Ordinal), "SK01(01|08)");
        yield return V("expression-date-far-away", NationalWith().Replace("when: pregnant", "when: 'birthDate < date(\"99999-01-01\")'", StringComparison.Ordinal), "SK01(01|07)");
        yield return V("expression-long-list", NationalWith().Replace("when: pregnant", "when: 'hukou in [" + string.Join(", ", Enumerable.Repeat("\"110101\"", 70)) + "]'", StringComparison.Ordinal), "SK0105");
        yield return V("expression-control-character-in-string", NationalWith().Replace("when: pregnant", "when: \"sex == 'fe\\emale'\"", StringComparison.Ordinal), "SK01");
        yield return V("expression-product-of-facts-overflow", NationalWith().Replace("when: pregnant", "when: age * 1000000000000000 * 1000000000000000 > 0", StringComparison.Ordinal), "SK0108");

        // References and dates
        yield return V("cyclic-extends", f =>
        {
            f.Write("in/national.yaml", TestSupport.Yaml.National(TestSupport.Yaml.Item("n-one", "pregnant")));
            f.Write("in/a.yaml", TestSupport.Yaml.Local("loc-a", "310000", "  []", extends: "loc-b@2030").Replace("items:\n  []", "items: []", StringComparison.Ordinal));
            f.Write("in/b.yaml", TestSupport.Yaml.Local("loc-b", "310000", "  []", extends: "loc-a@2030").Replace("items:\n  []", "items: []", StringComparison.Ordinal));
        }, "SK02(03|09)");
        yield return V("overlapping-editions", f =>
        {
            f.Write("in/a.yaml", NationalWith(edition: "2030", extraHeader: "effectiveUntil: 2031-12-31"));
            f.Write("in/b.yaml", NationalWith(edition: "2031", effectiveFrom: "2030-06-01"));
        }, "SK0206");
        yield return V("until-before-from", NationalWith(extraHeader: "effectiveUntil: 2029-01-01"), "SK0212.*before");
        yield return V("impossible-date", NationalWith(effectiveFrom: "2023-02-30"), "SK0212");
        yield return V("date-past-the-range", NationalWith(effectiveFrom: "2400-01-01"), "SK0212.*supported range");
        yield return V("unknown-jurisdiction", f =>
        {
            f.Write("in/national.yaml", NationalWith());
            f.Write("in/local.yaml", TestSupport.Yaml.Local("loc", "999999", "  []").Replace("items:\n  []", "items: []", StringComparison.Ordinal));
        }, "SK0208");
        yield return V("too-many-facts", "facts:\n" + string.Concat(Enumerable.Range(0, 200).Select(i => $"  - {{name: f{i}, type: bool, description: {{zh: 事实, en: fact}}, absent: unknown}}\n")), "SK0211");

        // Analyses stay bounded
        yield return new HostileCase
        {
            Id = "validate/reproducer-rule-with-24-dates",
            Arrange = f => Reproducer(f),
            Args = ["validate", "--standards", "std", "std"],
            Exit = 0,
            Then = (_, r) =>
            {
                // Ends unsupported with the reason, the same on every machine: budgets are counted, never timed.
                r.Stdout.Should().Contain("floor proofs: 0 proved, 0 violated, 48 unsupported");
                r.Stdout.Should().MatchRegex(@"warning SK0304: .* is unsupported: the work budget of 200000 search steps ran out");
                r.Stdout.Should().Contain("not searched: the work budget ran out on this item's interval from 2024-01-01");
            },
        };
        yield return V("floor-violation-still-found", f =>
        {
            f.National("std");
            // The national rule is 'pregnant or postpartum' (issue 11): the overlay keeps it, so only the level is below.
            f.Write("std/overlay.yaml", Overlay("pregnant or postpartum", """
                    level:
                      quantities:
                        - {name: antenatalChecks, unit: times, value: 3}
                      provenance: {evidence: policy, sources: [X]}
                """));
        }, "SK0301.*below the floor", args: ["validate", "--standards", "std", "std"]);

        // Usage
        yield return V("missing-path", f => { }, "no such file or folder", positioned: false, exit: 2, args: ["validate", "no-such-folder"]) with { ErrorOn = ErrorOn.Err };
        yield return V("folder-without-yaml", f => f.Write("in/readme.txt", "hello"), "no \\*\\.yaml files", positioned: false, exit: 2) with { ErrorOn = ErrorOn.Err };
        yield return V("standards-is-dev-zero", f => { }, "SK0009", args: ["validate", "--standards", "/dev/zero"]);
        yield return V("unknown-format", f => { }, "'xml' not recognized. Must be one of: 'text' 'json' 'github'", positioned: false, exit: 2, args: ["validate", "--format", "xml", "in"]) with { ErrorOn = ErrorOn.Err };
    }
}
