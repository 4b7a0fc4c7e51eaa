using System.Globalization;
using StandardsKit.Tests.Cli;
using StandardsKit.Tests.Hostile;
using StandardsKit.Tests.TestSupport;
using Xunit;

namespace StandardsKit.Tests.Culture;

/// <summary>
/// Library and CLI messages use invariant formatting (ISO dates, plain numbers) whatever the culture: every
/// representative command prints, under Thai (Buddhist calendar: 2567 for 2024), German (1.234,5) and Saudi
/// Arabic (Hijri calendar, U+061C in the minus sign) cultures, exactly what it prints under the invariant culture.
/// The shipped tool also runs with InvariantGlobalization; this test covers embedders, whose culture is theirs.
/// </summary>
public sealed class CultureInvarianceTests : IDisposable
{
    private static readonly string[] Cultures = ["th-TH", "de-DE", "ar-SA"];

    private readonly TempFolder _temp = new();

    public CultureInvarianceTests()
    {
        var f = new CaseFolder(_temp.Path);
        Directory.CreateDirectory(f.Work);
        f.National("std", both: true);
        // Decimal amounts below the floor, dated values and a rule with a date: numbers and dates in every message.
        f.Write("std/overlay.yaml", HostileCorpus.Overlay("pregnant and birthDate < date(\"2000-01-01\")", """
                level:
                  quantities:
                    - {name: antenatalChecks, unit: times, values: {2024-01-01: 4.5, 2024-03-01: 7.25}}
                  provenance: {evidence: policy, sources: [X]}
            """));
        f.Write("bad/dates.yaml", HostileCorpus.NationalWith(extraHeader: "effectiveUntil: 2029-01-01"));
        f.Write("bad/many.yaml", string.Concat(Enumerable.Range(0, 1500).Select(i => $"k{i}: 1\n")));
        f.Sparse("bad/big.yaml", 9L * 1024 * 1024);
        f.Write("r.json", """{"pregnant": true, "birthDate": "1990-05-01", "age": 33.5}""");
        f.Write("adult.json", """{"pregnant": true, "birthDate": "1990-05-01"}""");
        f.Write("cases.yaml", HostileCorpus.TestsFile("decimal expectation", resident: "{pregnant: true, birthDate: 1990-05-01}", expect: "level: {antenatalChecks: 4.75}"));
        Work = f.Work;
    }

    private string Work { get; }

    public static TheoryData<string> CultureNames => [.. Cultures];

    private string[][] Commands =>
    [
        ["validate", "--standards", P("std"), P("std")],
        ["validate", P("bad")],
        ["validate", "--format", "json", P("bad")],
        ["eval", "--standards", P("std"), "--county", "310104", "--on", "2024-06-01", "--resident", P("adult.json"), "--format", "text"],
        ["eval", "--standards", P("std"), "--county", "310104", "--on", "2024-06-01", "--resident", P("adult.json")],
        ["eval", "--standards", P("std"), "--county", "310104", "--on", "2024-06-01", "--resident", P("r.json")],
        ["list", "--standards", P("std"), "--county", "310104", "--on", "2024-02-29"],
        ["show", "maternal-health", "--standards", P("std"), "--county", "310104", "--on", "2024-06-01"],
        ["report", "--standards", P("std"), "--county", "310104", "--on", "2024-06-01"],
        ["test", "--standards", P("std"), P("cases.yaml")],
        ["diff", "cn-national@2021", "cn-national@2023"],
        ["eval", "--county", "310104", "--on", "2024-06-01", "--resident", P("adult.json"), "--item", "no-such-item"],
        ["eval", "--county", "310104", "--on", "2400-01-01", "--resident", P("adult.json")],
    ];

    [Fact]
    public void Every_command_prints_the_same_under_thai_german_and_arabic_cultures_as_under_the_invariant_culture()
    {
        foreach (var args in Commands)
        {
            var expected = In(CultureInfo.InvariantCulture, args);
            foreach (var name in Cultures)
            {
                In(CultureInfo.GetCultureInfo(name), args).Should().Be(expected, $"'{string.Join(' ', args)}' must not depend on the culture ({name})");
            }
        }
    }

    [Theory]
    [MemberData(nameof(CultureNames))]
    public void The_cultures_really_format_differently_so_the_comparison_can_fail(string name)
    {
        // If these were equal, the test above would prove nothing.
        var culture = CultureInfo.GetCultureInfo(name);
        var date = new DateOnly(2024, 1, 15);
        var sensitive = string.Format(culture, "{0:yyyy-MM-dd} {1:N0} {2} {3}", date, 52052006, 4.5m, -3);
        sensitive.Should().NotBe(string.Format(CultureInfo.InvariantCulture, "{0:yyyy-MM-dd} {1:N0} {2} {3}", date, 52052006, 4.5m, -3));
    }

    public void Dispose() => _temp.Dispose();

    private string P(string relative) => Path.Combine(Work, relative);

    private static string In(CultureInfo culture, string[] args)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            var r = CliHarness.Run(args);
            return $"exit {r.ExitCode}\n{r.Out}\n--- stderr\n{r.Err}";
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }
}
