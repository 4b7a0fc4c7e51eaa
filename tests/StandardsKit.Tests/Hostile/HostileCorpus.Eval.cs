namespace StandardsKit.Tests.Hostile;

internal static partial class HostileCorpus
{
    private static string[] EvalArgs => ["eval", "--county", "310104", "--on", "2024-06-01", "--resident"];

    /// <summary>An eval case whose resident is <c>r.json</c> holding <paramref name="json"/>.</summary>
    private static HostileCase E(string id, string json, string error, bool positioned = true) =>
        E(id, f => f.Write("r.json", json), "r.json", error, positioned);

    private static HostileCase E(string id, Action<CaseFolder> arrange, string resident, string error, bool positioned = false, int exit = 2, string[]? extra = null) => new()
    {
        Id = "eval/" + id,
        Arrange = arrange,
        Args = [.. EvalArgs, resident, .. extra ?? []],
        Exit = exit,
        ErrorOn = ErrorOn.Err,
        Error = error,
        Positioned = positioned,
    };

    private static IEnumerable<HostileCase> Eval()
    {
        // What the resident is
        yield return E("resident-dev-zero", _ => { }, "/dev/zero", "device or kernel file");
        yield return E("resident-link-to-dev-zero", f => f.Link("r.json", "/dev/zero"), "r.json", "a link to /dev/zero.*device or kernel file");
        yield return E("resident-link-to-proc", f => f.Link("r.json", "/proc/self/environ"), "r.json", "device or kernel file");
        yield return E("resident-fifo", f => f.Fifo("r.json"), "r.json", "FIFO");
        yield return E("resident-is-a-folder", f => f.Folder("r.json"), "r.json", "is a folder");
        yield return E("resident-missing", _ => { }, "missing.json", "no such file");
        yield return E("resident-sparse-100MB", f => f.Sparse("r.json", 100L * 1024 * 1024, "{"), "r.json", "104,857,600 bytes; the limit is 1,048,576");
        yield return E("resident-2MB-of-spaces", f => f.Write("r.json", "{" + new string(' ', 2 * 1024 * 1024) + "}"), "r.json", "the limit is 1,048,576");
        yield return E("stdin-dev-zero", _ => { }, "-", "standard input is longer than the limit") with { Stdin = "/dev/zero" };
        yield return E("stdin-duplicate-keys", f => f.Write("in.json", "{\"pregnant\": true,\n  \"pregnant\": false}"), "-", @"<stdin>:2:3: .*twice", positioned: true) with { Stdin = "in.json" };

        // Its JSON
        yield return E("duplicate-keys", "{\"pregnant\": true,\n  \"pregnant\": false}", @"r\.json:2:3: resident gives the key 'pregnant' twice \(first at line 1, column 2\)");
        yield return E("duplicate-keys-nested", "{\"pregnant\": true, \"x\": {\"a\": 1, \"a\": 2}}", "twice");
        yield return E("invalid-json", "{\"pregnant\": tru}", @"r\.json:1:\d+: resident is not valid JSON");
        yield return E("invalid-utf8", f => f.WriteBytes("r.json", [(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}']), "r.json", @"r\.json:1:3: .*UTF-8", positioned: true);
        yield return E("deep-nesting", new string('[', 10_000) + new string(']', 10_000), @"r\.json:1:\d+: resident is not valid JSON");
        yield return E("comments-are-not-json", "{// a comment\n\"pregnant\": true}", "not valid JSON");
        yield return E("trailing-comma", "{\"pregnant\": true,}", "not valid JSON");
        yield return E("empty-file", "", "r\\.json:1:1: resident is not valid JSON");
        yield return E("array-not-object", "[1, 2]", @"r\.json:1:1: resident must be a JSON object");
        yield return E("object-value", "{\n \"sex\": {\"value\": \"female\"}}", @"r\.json:2:2: fact 'sex' must be a plain value");
        yield return E("number-beyond-decimal", "{\"age\": 1e400}", @"r\.json:1:2: fact 'age': 1e400 is out of range");
        yield return E("unknown-fact", "{\"pregnant\": true,\n \"agee\": 70}", @"r\.json:2:2: unknown fact 'agee' — did you mean 'age'\?");
        yield return E("wrong-type", "{\"pregnant\": 1}", @"r\.json:1:2: fact 'pregnant' is 1; expected true or false");
        yield return E("birth-after-the-date", "{\"birthDate\": \"2030-01-01\"}", @"r\.json:1:2: birthDate .* is after the evaluation date");
        yield return E("date-outside-the-range", "{\"birthDate\": \"1700-01-01\"}", @"r\.json:1:2: .*outside the supported range");
        yield return E("nul-in-key", "{\"preg\\u0000nant\": true}", @"r\.json:1:2: unknown fact 'preg\\u0000nant'");
        yield return E("esc-in-value", "{\"sex\": \"fe\\u001b[2Jmale\"}", @"r\.json:1:2: fact 'sex' is ""fe\\u001B\[2Jmale""");
        yield return E("megabyte-string-value", "{\"hukou\": \"" + new string('1', 900_000) + "\"}", @"r\.json:1:2: fact 'hukou' is .*more characters");
        yield return E("ten-thousand-unknown-facts", "{" + string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"\"f{i}\": 1")) + "}", @"r\.json:1:\d+: unknown fact 'f\d+'");
        yield return new HostileCase
        {
            Id = "eval/hundred-thousand-set-values",
            Arrange = f => f.Write("r.json", "{\"militaryStatus\": [" + string.Join(",", Enumerable.Repeat("\"veteran\"", 100_000)) + "]}"),
            Args = [.. EvalArgs, "r.json", "--item", "maternal-health"],
            Exit = 0,
        };
        yield return new HostileCase
        {
            Id = "eval/resident-with-byte-order-mark",
            Arrange = f => f.Write("r.json", "\uFEFF{\"pregnant\": true}"),
            Args = [.. EvalArgs, "r.json", "--item", "maternal-health"],
            Exit = 0,
        };

        // The other options
        yield return E("county-not-a-code", f => f.Write("r.json", "{}"), "r.json", "not a 6-digit county code") with { Args = ["eval", "--county", "31010x", "--resident", "r.json"] };
        yield return E("county-unknown", f => f.Write("r.json", "{}"), "r.json", "unknown county code '999999'") with { Args = ["eval", "--county", "999999", "--on", "2024-06-01", "--resident", "r.json"] };
        yield return E("county-megabyte", f => f.Write("r.json", "{}"), "r.json", @"--county '1{40}… \(1,000,000 characters\)' is not a 6-digit county code") with { Args = ["eval", "--county", new string('1', 1_000_000), "--resident", "r.json"] };
        yield return E("date-far-future", f => f.Write("r.json", "{}"), "r.json", "outside the supported range") with { Args = ["eval", "--county", "310104", "--on", "9999-12-31", "--resident", "r.json"] };
        yield return E("date-garbage", f => f.Write("r.json", "{}"), "r.json", "is not a date") with { Args = ["eval", "--county", "310104", "--on", "2024-13-45", "--resident", "r.json"] };
        yield return E("item-unknown", f => f.Write("r.json", "{}"), "r.json", "item 'no-such-item' is not in force", extra: ["--item", "no-such-item"]);
        yield return E("standards-missing", f => f.Write("r.json", "{}"), "r.json", "no such file or folder", extra: ["--standards", "nowhere"]);
        yield return E("standards-with-a-fifo", f =>
        {
            f.Write("r.json", "{}");
            f.National("std");
            f.Fifo("std/x.yaml");
        }, "r.json", "SK0009.*FIFO", exit: 1, extra: ["--standards", "std"]);
        yield return new HostileCase
        {
            Id = "eval/reproducer-standards-evaluate-without-proving",
            Arrange = f =>
            {
                Reproducer(f);
                f.Write("r.json", "{\"pregnant\": true}");
            },
            Args = [.. EvalArgs, "r.json", "--standards", "std", "--item", "maternal-health"],
            Exit = 0,
            Then = (_, r) => r.Stdout.Should().Contain("\"eligible\": true"),
        };
        yield return new HostileCase
        {
            Id = "eval/text-output-escapes-names",
            Arrange = f =>
            {
                f.National("std");
                f.Write("std/overlay.yaml", Overlay("pregnant", name: "名\\n::error::forged\\e[2J\\u202E"));
                f.Write("r.json", "{\"pregnant\": true}");
            },
            Args = [.. EvalArgs, "r.json", "--standards", "std", "--item", "maternal-health", "--format", "text"],
            Exit = 0,
            Then = (_, r) => r.Stdout.Should().Contain("名\\n::error::forged\\u001B[2J\\u202E"),
        };
    }
}
