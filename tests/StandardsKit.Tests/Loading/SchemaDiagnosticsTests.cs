using StandardsKit.Tests.TestSupport;
using static StandardsKit.Tests.Loading.LoadingHarness;

namespace StandardsKit.Tests.Loading;

public class SchemaDiagnosticsTests
{
    [Fact]
    public void Valid_minimal_standard_loads_with_no_diagnostics()
    {
        var result = LoadOne(Yaml.National(Yaml.Item("maternal-health", "pregnant")), out _);

        result.Diagnostics.Should().BeEmpty();
        result.Succeeded.Should().BeTrue();
        result.Catalog!.Documents.Should().ContainSingle().Which.Key.Should().Be("test-national@2030");
    }

    [Fact]
    public void Unknown_property_is_reported_at_its_key_with_a_suggestion()
    {
        var text = Yaml.National(Yaml.Item("maternal-health", "pregnant").Replace("    eligibility:", "    eligibilty:"));

        var result = LoadOne(text, out var path);

        var d = result.Errors().Should().ContainSingle(e => e.Message == "unknown property 'eligibilty'").Which;
        d.Code.Should().Be("SK0002");
        d.Help.Should().Be("did you mean 'eligibility'?");
        var (line, column) = PositionOf(text, "eligibilty:");
        d.Span.Should().Be(new Diagnostics.SourceSpan(path, line, column));
    }

    [Fact]
    public void Unquoted_jurisdiction_code_is_told_to_quote_it()
    {
        var text = Yaml.National(Yaml.Item("maternal-health", "pregnant")).Replace("jurisdiction: \"000000\"", "jurisdiction: 310000");

        var result = LoadOne(text, out var path);

        var d = result.Errors().Should().ContainSingle().Which;
        d.Code.Should().Be("SK0002");
        d.Message.Should().Be("expected text but found '310000'");
        d.Help.Should().Be("quote it: \"310000\"");
        var (line, column) = PositionOf(text, "310000");
        d.Span.Should().Be(new Diagnostics.SourceSpan(path, line, column));
    }

    [Fact]
    public void A_source_without_an_address_and_a_reprint_source_are_accepted()
    {
        var text = Yaml.National(Yaml.Item("maternal-health", "pregnant"))
            .Replace("url: \"https://example.org/s1\", kind: official", "kind: reprint");

        LoadOne(text, out _).Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Missing_required_property_is_reported()
    {
        var text = Yaml.National(Yaml.Item("maternal-health", "pregnant")).Replace("effectiveFrom: 2030-01-01\n", "");

        var result = LoadOne(text, out _);

        var d = result.Errors().Should().ContainSingle().Which;
        d.Code.Should().Be("SK0002");
        d.Message.Should().Be("missing required property 'effectiveFrom'");
    }

    [Fact]
    public void Value_outside_a_vocabulary_lists_what_is_allowed()
    {
        var text = Yaml.National(Yaml.Item("maternal-health", "pregnant").Replace("evidence: policy", "evidence: verbatimm"));

        var result = LoadOne(text, out _);

        var d = result.Errors().Should().ContainSingle(e => e.Message.Contains("'verbatimm'")).Which;
        d.Code.Should().Be("SK0002");
        d.Help.Should().Contain("did you mean 'verbatim'?").And.Contain("allowed:");
    }

    [Fact]
    public void Impossible_calendar_date_is_reported()
    {
        var text = Yaml.National(Yaml.Item("maternal-health", "pregnant")).Replace("effectiveFrom: 2030-01-01", "effectiveFrom: 2030-02-30");

        var result = LoadOne(text, out _);

        var d = result.Errors().Should().ContainSingle().Which;
        d.Code.Should().Be("SK0212");
        d.Message.Should().Contain("2030-02-30");
    }

    [Fact]
    public void Every_schema_error_in_a_file_is_reported()
    {
        var text = Yaml.National(Yaml.Item("maternal-health", "pregnant"))
            .Replace("edition:", "editon:")
            .Replace("    eligibility:", "    eligibilty:")
            .Replace("number: 1\n    area", "numbr: 1\n    area");

        var result = LoadOne(text, out _);

        var unknown = result.Errors().Where(e => e.Message.StartsWith("unknown property", StringComparison.Ordinal)).ToList();
        unknown.Select(e => e.Message).Should().BeEquivalentTo(
            "unknown property 'editon'", "unknown property 'eligibilty'", "unknown property 'numbr'");
        unknown.Select(e => e.Span!.Line).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Unknown_fact_in_eligibility_is_reported_at_its_column_in_the_file()
    {
        var text = Yaml.National(Yaml.Item("maternal-health", "'pregnant and agee >= 18'"));

        var result = LoadOne(text, out var path);

        var d = result.Errors().Should().ContainSingle().Which;
        d.Code.Should().Be("SK0102");
        d.Help.Should().Be("did you mean 'age'?");
        var (line, column) = PositionOf(text, "agee");
        d.Span.Should().Be(new Diagnostics.SourceSpan(path, line, column));
    }

    [Fact]
    public void Unknown_fact_in_a_plain_scalar_is_reported_at_its_column()
    {
        var text = Yaml.National(Yaml.Item("maternal-health", "pregnnat"));

        var result = LoadOne(text, out var path);

        var d = result.Errors().Should().ContainSingle().Which;
        d.Code.Should().Be("SK0102");
        var (line, column) = PositionOf(text, "pregnnat");
        d.Span.Should().Be(new Diagnostics.SourceSpan(path, line, column));
    }

    [Fact]
    public void Expression_errors_in_tiers_are_reported_at_their_column()
    {
        var item = Yaml.Item("maternal-health", "pregnant") + """
                level:
                  quantities:
                    - name: allowance
                      unit: CNY/month
                      tiers:
                        - {when: "age >= 65", value: 75}
                        - {when: "sex == \"mal\"", value: 50}
                  provenance: {evidence: policy, sources: [S1]}
            """;
        var text = Yaml.National(item);

        var result = LoadOne(text, out var path);

        var d = result.Errors().Should().ContainSingle().Which;
        d.Code.Should().Be("SK0106");
        d.Help.Should().Be("did you mean 'male'?");
        var (line, column) = PositionOf(text, "\\\"mal\\\"");
        d.Span!.Line.Should().Be(line);
        d.Span.File.Should().Be(path);
        column.Should().BePositive();
    }

    [Fact]
    public void Schema_error_inside_a_national_item_is_reported_once_without_generic_NotAllOf_noise()
    {
        // The oneOf branch for national documents wraps items in allOf; its failure must not surface as an
        // extra "schema check failed (NotAllOf)" diagnostic with no help next to the specific one.
        var text = Yaml.National(Yaml.Item("maternal-health", "pregnant").Replace("evidence: policy", "evidence: verbatimm"));

        var result = LoadOne(text, out _);

        result.Errors().Should().NotContain(e => e.Message.StartsWith("schema check failed", StringComparison.Ordinal));
        result.Errors().Should().ContainSingle();
    }
}
