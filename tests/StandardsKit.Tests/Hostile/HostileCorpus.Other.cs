namespace StandardsKit.Tests.Hostile;

internal static partial class HostileCorpus
{
    /// <summary>Standards whose overlay and local-only item have names with a newline, a forged annotation, ESC and a bidi override.</summary>
    private static void ForgedNames(CaseFolder f)
    {
        const string forged = "名\\n::error::forged\\e[2J\\u202E";
        f.National("std");
        f.Write("std/overlay.yaml", Overlay("pregnant", $$$"""
                level:
                  quantities:
                    - {name: antenatalChecks, unit: times, value: 9}
                  provenance: {evidence: policy, sources: [X]}
              - id: sh-forged
                kind: local
                area: childcare
                category: pregnancy-care
                name: {zh: "{{{forged}}}", en: "forged\\nname"}
                provenance: {evidence: secondary, sources: [X]}
                eligibility: {when: pregnant, provenance: {evidence: secondary, sources: [X]}}
                level:
                  text: {zh: "{{{forged}}}"}
                  quantities:
                    - {name: visits, unit: times, value: 1}
                  provenance: {evidence: policy, sources: [X]}
            """, name: forged));
    }

    private static IEnumerable<HostileCase> OtherCommands()
    {
        yield return new HostileCase { Id = "cli/unknown-command", Args = ["frobnicate"], Exit = 2, ErrorOn = ErrorOn.Err, Error = "Required command was not provided|Unrecognized command or argument 'frobnicate'" };
        yield return new HostileCase { Id = "cli/megabyte-argument", Args = ["list", "--county", new string('9', 1_000_000)], Exit = 2, ErrorOn = ErrorOn.Err, Error = @"--county '9{40}… \(1,000,000 characters\)' is not a 6-digit county code" };
        yield return new HostileCase { Id = "list/standards-is-dev-zero", Args = ["list", "--standards", "/dev/zero"], Exit = 1, ErrorOn = ErrorOn.Err, Error = "SK0009" };
        foreach (var (command, args) in new[]
                 {
                     ("list", new[] { "list", "--county", "310104", "--on", "2024-06-01" }),
                     ("show", new[] { "show", "sh-forged", "--county", "310104", "--on", "2024-06-01" }),
                     ("report", new[] { "report", "--county", "310104", "--on", "2024-06-01" }),
                     ("report-markdown", new[] { "report", "--county", "310104", "--on", "2024-06-01", "--format", "markdown" }),
                 })
        {
            yield return new HostileCase
            {
                Id = $"{command.Split('-')[0]}/names-with-control-characters{(command.Contains('-', StringComparison.Ordinal) ? "-markdown" : "")}",
                Arrange = ForgedNames,
                Args = [.. args, "--standards", "std"],
                Exit = 0,
                Then = (_, r) => r.Stdout.Should().Contain("名\\n::error::forged\\u001B[2J\\u202E"),
            };
        }
    }
}
