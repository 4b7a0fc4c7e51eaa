using System.Diagnostics;
using System.Text;
using static StandardsKit.Tests.Loading.LoadingHarness;

namespace StandardsKit.Tests.Loading;

public class YamlReaderTests
{
    [Fact]
    public void Yaml_syntax_error_is_reported_at_its_line_and_column()
    {
        var text = """
            id: test-national
            jurisdiction: "000000"
            title: {zh: 测试, en: "unterminated}
            edition: "2030"
            """;

        var result = LoadOne(text, out var path);

        result.Succeeded.Should().BeFalse();
        var d = result.Errors().Should().ContainSingle().Which;
        d.Code.Should().Be("SK0001");
        d.Span!.File.Should().Be(path);
        d.Span.Line.Should().BeInRange(3, 5);
        d.Help.Should().Contain("indentation");
        d.Message.Should().NotContain("Idx:", "YamlDotNet's position prefix is stripped; the span carries it");
    }

    [Fact]
    public void Bad_indentation_is_a_syntax_error_not_an_exception()
    {
        var text = "id: a\n  jurisdiction: b\n wrong: [\n";

        var result = LoadOne(text, out _);

        result.Errors().Should().ContainSingle().Which.Code.Should().Be("SK0001");
    }

    [Fact]
    public void Duplicate_key_is_reported_at_the_second_key_naming_the_first_line()
    {
        var text = """
            id: test-national
            jurisdiction: "000000"
            id: other
            """;

        var result = LoadOne(text, out _);

        var d = result.Errors().Should().ContainSingle(e => e.Code == "SK0003").Which;
        d.Span!.Line.Should().Be(3);
        d.Span.Column.Should().Be(1);
        d.Message.Should().Be("duplicate key 'id' (first at line 1)");
    }

    [Fact]
    public void Anchors_are_rejected()
    {
        var text = """
            id: test-national
            title: &t {zh: 测试}
            """;

        var result = LoadOne(text, out _);

        var d = result.Errors().Should().ContainSingle().Which;
        d.Code.Should().Be("SK0004");
        d.Message.Should().Contain("anchors (&t)");
        d.Span!.Line.Should().Be(2);
    }

    [Fact]
    public void Aliases_are_rejected()
    {
        // An alias to an anchor-less name still must not be expanded.
        var text = "id: test\ntitle: *t\n";

        var result = LoadOne(text, out _);

        var d = result.Errors().Should().ContainSingle().Which;
        d.Code.Should().BeOneOf("SK0004", "SK0001");
        result.Succeeded.Should().BeFalse();
    }

    [Fact]
    public void Billion_laughs_alias_bomb_returns_a_diagnostic_quickly()
    {
        var sb = new StringBuilder("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var i = 1; i <= 9; i++)
        {
            var refs = string.Join(",", Enumerable.Repeat($"*a{i - 1}", 9));
            sb.Append($"a{i}: &a{i} [{refs}]\n");
        }

        var watch = Stopwatch.StartNew();
        var result = LoadOne(sb.ToString(), out _);
        watch.Stop();

        result.Succeeded.Should().BeFalse();
        result.Errors().Should().ContainSingle().Which.Code.Should().Be("SK0004");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Ten_thousand_nested_brackets_give_a_diagnostic_not_a_crash()
    {
        var text = "id: " + new string('[', 10_000) + new string(']', 10_000) + "\n";

        var result = LoadOne(text, out _);

        result.Succeeded.Should().BeFalse();
        var d = result.Errors().Should().ContainSingle().Which;
        d.Code.Should().BeOneOf("SK0004", "SK0001");
    }

    [Fact]
    public void Nesting_deeper_than_64_levels_is_an_input_limit()
    {
        var text = "id: " + new string('[', 70) + new string(']', 70) + "\n";

        var result = LoadOne(text, out _);

        var d = result.Errors().Should().ContainSingle().Which;
        d.Code.Should().Be("SK0004");
        d.Message.Should().Contain("64");
    }

    [Fact]
    public void Invalid_utf8_is_an_encoding_error_at_the_bad_byte()
    {
        using var folder = new TestSupport.TempFolder();
        var bytes = Encoding.UTF8.GetBytes("id: test\ntitle: ab").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\n")).ToArray();
        folder.WriteBytes("bad.yaml", bytes);

        var result = Catalog.LoadDirectory(folder.Path);

        var d = result.Errors().Should().ContainSingle().Which;
        d.Code.Should().Be("SK0005");
        d.Span!.Line.Should().Be(2);
        d.Span.Column.Should().Be(10);
        d.Help.Should().Contain("UTF-8");
    }

    [Fact]
    public void Utf8_byte_order_mark_is_accepted()
    {
        using var folder = new TestSupport.TempFolder();
        var text = TestSupport.Yaml.National(TestSupport.Yaml.Item("maternal-health", "pregnant"));
        folder.WriteBytes("bom.yaml", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]);

        var result = Catalog.LoadDirectory(folder.Path);

        result.Succeeded.Should().BeTrue(string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void Empty_file_is_reported_as_empty()
    {
        var result = LoadOne("", out var path);

        var d = result.Errors().Should().ContainSingle().Which;
        d.Code.Should().Be("SK0001");
        d.Message.Should().Be("file is empty");
        d.Span.Should().Be(new Diagnostics.SourceSpan(path, 1, 1));
    }

    [Fact]
    public void Comment_only_file_is_reported_as_empty()
    {
        var result = LoadOne("# nothing here\n", out _);

        result.Errors().Should().ContainSingle().Which.Message.Should().Be("file is empty");
    }

    [Fact]
    public void Two_documents_in_one_file_are_rejected()
    {
        var result = LoadOne("id: a\n---\nid: b\n", out _);

        var d = result.Errors().Should().ContainSingle().Which;
        d.Code.Should().Be("SK0001");
        d.Message.Should().Contain("one YAML document");
    }

    [Fact]
    public void Top_level_that_is_not_a_mapping_is_rejected()
    {
        var result = LoadOne("- a\n- b\n", out _);

        result.Errors().Should().ContainSingle().Which.Code.Should().Be("SK0007");
    }
}
