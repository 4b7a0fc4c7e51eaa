namespace StandardsKit.Tests.Hostile;

internal static partial class HostileCorpus
{
    /// <summary>A <c>test</c> case on <c>cases.yaml</c> (run against the embedded standards).</summary>
    // The test command prints the diagnostics of the files it loads on standard error, the results on standard output.
    private static HostileCase T(string id, Action<CaseFolder> arrange, int exit, ErrorOn on = ErrorOn.Err, string? error = null, bool positioned = true) => new()
    {
        Id = "test/" + id,
        Arrange = arrange,
        Args = ["test", "cases.yaml"],
        Exit = exit,
        ErrorOn = on,
        Error = error,
        Positioned = positioned,
    };

    private static IEnumerable<HostileCase> TestCommand()
    {
        yield return T("newline-in-test-name", f => f.Write("cases.yaml", TestsFile(Forgery)), 0, ErrorOn.None) with
        {
            Then = (_, r) => r.Stdout.Should().Contain("PASS x\\n::error file=forged.yaml,line=1::forged\\u001B[2J\\u202E"),
        };
        yield return T("esc-and-bidi-in-test-name", f => f.Write("cases.yaml", TestsFile("\"\\e]8;;http://x\\a link \\u202Edesrever\"")), 0, ErrorOn.None);
        yield return T("newline-in-failing-test", f => f.Write("cases.yaml", TestsFile(Forgery, expect: "eligible: false")), 1, ErrorOn.None) with
        {
            Then = (_, r) => r.Stdout.Should().Contain("FAIL x\\n::error"),
        };
        yield return T("fifo", f => f.Fifo("cases.yaml"), 1, error: "SK0009.*FIFO");
        yield return T("link-to-dev-zero", f => f.Link("cases.yaml", "/dev/zero"), 1, error: "SK0009.*device or kernel file");
        yield return T("sparse-gigabyte", f => f.Sparse("cases.yaml", 1L << 30), 1, error: "SK0004");
        yield return T("duplicate-keys", f => f.Write("cases.yaml", TestsFile("dup").Replace("    county: \"310104\"", "    county: \"310104\"\n    county: \"310104\"", StringComparison.Ordinal)), 1, error: @"cases\.yaml:4:5: error SK0003");
        yield return T("tag", f => f.Write("cases.yaml", TestsFile("tagged", resident: "!include /etc/passwd")), 1, error: "SK0008");
        yield return T("date-outside-the-range", f => f.Write("cases.yaml", TestsFile("far", on: "2400-01-01")), 1, error: "SK0212");
        yield return T("unknown-fact-in-resident", f => f.Write("cases.yaml", TestsFile("unknown", resident: "{agee: 70}")), 1, ErrorOn.None) with
        {
            Then = (_, r) => r.Stdout.Should().MatchRegex(@"cases\.yaml:\d+:\d+: unknown fact 'agee'"),
        };
        yield return T("unknown-item", f => f.Write("cases.yaml", TestsFile("missing item", item: "no-such-item")), 1, ErrorOn.None) with
        {
            Then = (_, r) => r.Stdout.Should().Contain("FAIL missing item"),
        };
        yield return T("megabyte-resident-value", f => f.Write("cases.yaml", TestsFile("long", resident: "{hukou: \"" + new string('1', 1_000_000) + "\"}")), 1, ErrorOn.None) with
        {
            Then = (_, r) => r.Stdout.Should().Contain("more characters"),
        };
        yield return T("three-thousand-cases", f => f.Write("cases.yaml", "tests:\n" + string.Concat(Enumerable.Range(0, 3000).Select(i => $$"""
              - name: case {{i}}
                county: "310104"
                on: 2024-06-01
                resident: {pregnant: true}
                expect:
                  - {item: maternal-health, eligible: true}

            """))), 0, ErrorOn.None) with
        {
            Then = (_, r) => r.Stdout.Should().EndWith("3000 passed, 0 failed\n"),
        };
        yield return T("missing-path", _ => { }, 2, ErrorOn.Err, "no such file or folder", positioned: false);
    }
}
