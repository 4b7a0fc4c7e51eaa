using System.Xml.Linq;
using CsCheck;
using StandardsKit.Cli.Output;
using StandardsKit.Diagnostics;
using StandardsKit.Engine;
using StandardsKit.Testing;
using StandardsKit.Tests.TestSupport;

namespace StandardsKit.Tests.Cli;

/// <summary>
/// Case names, files and failure text come from YAML: whatever they hold (control characters, lone surrogates,
/// characters XML 1.0 cannot carry, markup), the JUnit report stays well-formed with one testcase per case, and
/// text with nothing to escape comes through unchanged.
/// </summary>
public sealed class TestJUnitPropertyTests
{
    private static TimedResult Result(string name, string file, string failure) => new(
        new TestResult(
            new TestCase
            {
                Name = name,
                County = "310104",
                On = new DateOnly(2024, 6, 1),
                Resident = Resident.Empty,
                Expectations = [],
                Span = new SourceSpan(file, 1, 1),
            },
            failure.Length == 0 ? [] : [failure]),
        TimeSpan.FromMilliseconds(1));

    /// <summary>Any UTF-16 text, lone surrogates and C0/C1 controls included, with markup characters mixed in.</summary>
    private static readonly Gen<string> Text = Gen.OneOf(Gen.Char['\0', '\uFFFF'], Gen.Char["<>&\"'\n\r\t\u001B\uFFFE\uD800"]).Array[0, 12]
        .Select(chars => new string(chars));

    [Fact]
    public void Any_names_and_failures_make_well_formed_JUnit_with_one_testcase_per_case()
    {
        Gen.Select(Text, Text, Text).Array[1, 4].Sample(cases =>
        {
            var run = new TestRun([.. cases.Select(c => Result(c.Item1, c.Item2, c.Item3))], [], null, TimeSpan.FromSeconds(1));
            using var w = new StringWriter();

            TestJUnit.Write(w, run);

            var doc = XDocument.Parse(w.ToString());
            doc.Descendants("testcase").Should().HaveCount(cases.Length);
            doc.Root!.Elements("testsuite").Should().HaveCount(cases.Select(c => c.Item2).Distinct().Count(), "a suite per file");
            doc.Descendants("failure").Should().HaveCount(cases.Count(c => c.Item3.Length > 0));
            foreach (var (name, testcase) in cases.GroupBy(c => c.Item2).SelectMany(g => g).Select(c => c.Item1).Zip(doc.Descendants("testcase")))
            {
                if (name.All(ch => !char.IsSurrogate(ch) && !StandardsKit.Text.TerminalText.IsUnsafe(ch) && ch is not ('\uFFFE' or '\uFFFF')))
                {
                    testcase.Attribute("name")!.Value.Should().Be(name);
                }
            }
        }, iter: PropertyRuns.Of(200));
    }
}
