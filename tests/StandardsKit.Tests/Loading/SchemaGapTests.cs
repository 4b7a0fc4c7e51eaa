using StandardsKit.Tests.TestSupport;
using static StandardsKit.Tests.Loading.LoadingHarness;

namespace StandardsKit.Tests.Loading;

/// <summary>
/// What a second validator (ajv) and editors (yaml-language-server) enforce and we did not: each test here failed
/// before the gap was closed.
/// </summary>
public class SchemaGapTests
{
    private static string TestsFile(string resident = "{age: 30}", string expect = "{item: maternal-health, eligible: true}") => $$"""
        tests:
          - name: one case
            county: "310104"
            on: 2024-01-01
            resident: {{resident}}
            expect:
              - {{expect}}
        """ + "\n";

    private static string Quantity(string value) =>
        Yaml.National(Yaml.Item("maternal-health", "pregnant") + $"    level:\n      quantities:\n        - {{name: antenatalChecks, unit: times, value: {value}}}\n      provenance: {{evidence: policy, sources: [S1]}}\n");

    [Fact]
    public void A_resident_fact_name_the_schema_forbids_is_reported_at_its_key()
    {
        var text = TestsFile(resident: "{Hukou: urban}");

        var result = LoadOne(text, out var path);

        var d = result.Errors().Should().ContainSingle().Which;
        d.Code.Should().Be("SK0002");
        d.Message.Should().Be("'Hukou' is not an allowed name here");
        d.Help.Should().Contain("lower-case letter");
        var (line, column) = PositionOf(text, "Hukou");
        d.Span.Should().Be(new Diagnostics.SourceSpan(path, line, column));
    }

    [Fact]
    public void Both_failing_members_of_an_allOf_are_reported()
    {
        // nationalItem is allOf [item, national-only rules]: a bad evidence fails the first, kind: local the second.
        var text = Yaml.National(Yaml.Item("maternal-health", "pregnant")
            .Replace("kind: basic", "kind: local")
            .Replace("evidence: policy", "evidence: verbatimm"));

        var result = LoadOne(text, out _);

        result.Errors().Select(e => e.Message).Should().Contain(m => m.Contains("'verbatimm'"))
            .And.Contain(m => m.Contains("'local'"));
    }

    [Fact]
    public void A_pattern_does_not_match_before_a_trailing_newline()
    {
        var text = Yaml.National(Yaml.Item("maternal-health", "pregnant")).Replace("jurisdiction: \"000000\"", "jurisdiction: \"000000\\n\"");

        var result = LoadOne(text, out var path);

        var d = result.Errors().Should().ContainSingle().Which;
        d.Code.Should().Be("SK0002");
        d.Span.Should().Be(new Diagnostics.SourceSpan(path, PositionOf(text, "\"000000").Line, PositionOf(text, "\"000000").Column));
    }

    [Theory]
    [InlineData(@"^[0-9]{6}$", "000000\n", false)]
    [InlineData(@"^\d{6}$", "００００００", false)]
    [InlineData(@"^\w+$", "名字", false)]
    [InlineData(@"^a.b$", "a\rb", false)]
    [InlineData(@"^[\d.]+$", "1.5", true)]
    [InlineData(@"^[$]$", "$", true)]
    [InlineData(@"^a\$$", "a$", true)]
    public void Schema_patterns_keep_their_ECMA_meaning(string pattern, string value, bool matches)
    {
        // .NET's $ also matches before a final newline and its \d, \w take any script's digits and letters.
        System.Text.RegularExpressions.Regex.IsMatch(value, StandardsKit.Loading.Schema.EcmaPattern.ToDotNet(pattern)).Should().Be(matches);
    }

    [Theory]
    [InlineData("0x1", 1)]
    [InlineData("0o17", 15)]
    [InlineData("1.0", 1)]
    [InlineData("2e0", 2)]
    public void YAML_core_integers_and_whole_decimals_are_whole_numbers(string written, int number)
    {
        var text = Yaml.National(Yaml.Item("maternal-health", "pregnant", number: 1)).Replace("number: 1\n    area", $"number: {written}\n    area");

        var result = LoadOne(text, out _);

        result.Diagnostics.Should().BeEmpty();
        result.Catalog!.Documents.Single().Items.Single().Number.Should().Be(number);
    }

    [Theory]
    [InlineData("2147483648")]
    [InlineData("99999999999")]
    [InlineData("0xFFFFFFFFF")]
    [InlineData("3e10")]
    public void A_whole_number_beyond_32_bits_is_refused_not_read_as_nothing(string written)
    {
        // The item's number is read as an int; before, a larger one passed the schema and bound as no number at all.
        var text = Yaml.National(Yaml.Item("maternal-health", "pregnant", number: 1)).Replace("number: 1\n    area", $"number: {written}\n    area");

        var result = LoadOne(text, out _);

        result.Errors().Should().ContainSingle().Which.Message.Should().Contain("too large for a whole number");
    }

    [Theory]
    [InlineData("0x4B", 75)]
    [InlineData("0o113", 75)]
    [InlineData("7.5e1", 75)]
    public void YAML_core_numbers_bind_as_numbers_where_the_schema_wants_one(string written, int value)
    {
        var result = LoadOne(TestsFile(expect: $"{{item: maternal-health, level: {{antenatalChecks: {written}}}}}"), out _);

        result.Errors().Should().BeEmpty();
        result.Catalog!.Tests.Single().Expectations.Single().Level["antenatalChecks"].Should().Be(value);
    }

    [Theory]
    [InlineData(".inf")]
    [InlineData("-.Inf")]
    [InlineData(".NaN")]
    public void Infinity_and_not_a_number_are_refused_where_a_number_is_wanted(string written)
    {
        var text = Quantity(written);

        var result = LoadOne(text, out var path);

        var d = result.Errors().Should().ContainSingle().Which;
        d.Message.Should().Be($"'{written}' is not a finite number");
        d.Help.Should().Contain("write a number");
        var (line, column) = PositionOf(text, written + "}");
        d.Span.Should().Be(new Diagnostics.SourceSpan(path, line, column));
    }

    [Theory]
    [InlineData(".inf")]
    [InlineData(".nan")]
    [InlineData("0x1F")]
    public void A_YAML_number_where_text_is_wanted_is_told_to_quote_it(string written)
    {
        // Editors read these as numbers (YAML 1.2 core schema) and flag them; so must we.
        var text = Yaml.National(Yaml.Item("maternal-health", "pregnant")).Replace("title: {zh: 测试标准", $"title: {{zh: {written}");

        var d = LoadOne(text, out _).Errors().Should().ContainSingle().Which;

        d.Message.Should().Be($"expected text but found '{written}'");
        d.Help.Should().Be($"quote it: \"{written}\"");
    }

    [Fact]
    public void A_repeated_list_entry_says_which_and_how_to_fix_it()
    {
        var result = LoadOne(TestsFile(expect: "{item: maternal-health, eligible: null, missingFacts: [age, age]}"), out _);

        var d = result.Errors().Should().ContainSingle().Which;
        d.Message.Should().Be("'age' is listed more than once");
        d.Help.Should().Be("remove the repeated entry");
    }

    [Fact]
    public void A_value_of_none_of_several_types_names_the_types_allowed()
    {
        var result = LoadOne(TestsFile(expect: "{item: maternal-health, level: {antenatalChecks: nine}}"), out _);

        var d = result.Errors().Should().ContainSingle().Which;
        d.Message.Should().Be("expected a number or null but found 'nine'");
    }
}
