using System.Globalization;
using System.Text;
using CsCheck;
using StandardsKit.Tests.TestSupport;
using static StandardsKit.Tests.Loading.LoadingHarness;

namespace StandardsKit.Tests.Loading;

/// <summary>
/// An expression error points at the exact line and column in the file, whatever YAML style holds the expression:
/// wrapped over several lines (plain, quoted, literal, folded) or written with escapes.
/// </summary>
public class ExpressionPositionTests
{
    private const string Bad = "zzbad";

    [Theory]
    [InlineData("\"sex == \\\"male\\\" and zzbad\"")]
    [InlineData("\"pregn\\u0061nt and \\x28dibao or orphan) and zzbad\"")]
    [InlineData(">-\n        pregnant and\n        zzbad >= 18")]
    [InlineData(">\n        pregnant and\n\n        dibao and zzbad\n")]
    [InlineData("|\n        pregnant and\n        zzbad")]
    [InlineData("pregnant and\n        dibao and zzbad")]
    [InlineData("\"pregnant and\n        sex == \\\"male\\\" and zzbad\"")]
    [InlineData("\"pregnant and \\\n        zzbad\"")]
    [InlineData("'pregnant and\n        zzbad'")]
    public void An_unknown_fact_is_reported_where_it_is_written(string when)
    {
        var text = Yaml.National(Yaml.Item("maternal-health", when));

        var d = LoadOne(text, out var path).Errors().Should().ContainSingle().Which;

        d.Code.Should().Be("SK0102");
        var (line, column) = PositionOf(text, Bad);
        d.Span.Should().Be(new Diagnostics.SourceSpan(path, line, column));
    }

    [Fact]
    public void A_quote_doubled_in_a_single_quoted_expression_is_reported_at_its_first_quote()
    {
        var text = Yaml.National(Yaml.Item("maternal-health", "'pregnant and\n        ''x'''"));

        var d = LoadOne(text, out var path).Errors().Should().ContainSingle().Which;

        var (line, column) = PositionOf(text, "''x");
        d.Span.Should().Be(new Diagnostics.SourceSpan(path, line, column));
    }

    private static readonly string[] Words = ["pregnant", "dibao", "age >= 18", "sex == \"male\"", "not orphan", "(dibao or orphan)"];

    private enum Style { Plain, Single, Double, Literal, Folded }

    /// <summary>
    /// Any wrapping and escaping of a generated expression: the unknown fact in it is reported at its own line and
    /// column. Words are joined by " and "; the spaces between them may become line breaks (and, in double quotes,
    /// escaped line breaks); any character other than the unknown fact's may be escaped in double quotes.
    /// </summary>
    [Fact]
    public void Property_an_unknown_fact_is_reported_where_it_is_written_in_any_style()
    {
        var gen =
            from before in Gen.OneOfConst(Words).List[0, 4]
            from after in Gen.OneOfConst(Words).List[0, 2]
            from style in Gen.Enum<Style>()
            from breaks in Gen.Int[0, 3].Array[12]
            from escapes in Gen.Int[0, 5].Array[80]
            select (before, after, style, breaks, escapes);

        gen.Sample(t =>
        {
            var expression = string.Join(" and ", [.. t.before, Bad, .. t.after]);
            var when = Render(expression, t.style, t.breaks, t.escapes);
            var text = Yaml.National(Yaml.Item("maternal-health", when));

            var errors = LoadOne(text, out var path).Errors().ToList();

            var (line, column) = PositionOf(text, Bad);
            return errors.Count == 1 && errors[0].Code == "SK0102" && errors[0].Span == new Diagnostics.SourceSpan(path, line, column);
        }, iter: PropertyRuns.Of(150), print: t => Render(string.Join(" and ", [.. t.before, Bad, .. t.after]), t.style, t.breaks, t.escapes));
    }

    /// <summary>The expression as the value of <c>when:</c> (indented as <see cref="Yaml.Item"/> writes it).</summary>
    private static string Render(string expression, Style style, int[] breaks, int[] escapes)
    {
        const string Indent = "\n        ";
        var words = expression.Split(' ');
        var text = new StringBuilder();
        var start = style switch { Style.Single => "'", Style.Double => "\"", Style.Literal => "|-" + Indent, Style.Folded => ">-" + Indent, _ => "" };
        text.Append(start);
        for (var i = 0; i < words.Length; i++)
        {
            if (i > 0)
            {
                // A literal block keeps its line breaks: they are whitespace to the expression too.
                var wrap = breaks[i % breaks.Length];
                text.Append(wrap switch
                {
                    1 => Indent,
                    2 when style is Style.Double => " \\" + Indent,
                    3 when style is not Style.Literal and not Style.Folded => " " + Indent,
                    _ => " ",
                });
            }

            text.Append(style == Style.Double && words[i] != Bad ? Escape(words[i], escapes, i) : words[i]);
        }

        return text.Append(style switch { Style.Single => "'", Style.Double => "\"", _ => "" }).ToString();
    }

    private static string Escape(string word, int[] escapes, int seed)
    {
        var text = new StringBuilder();
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            text.Append(escapes[(seed * 7 + i) % escapes.Length] switch
            {
                _ when c == '"' => "\\\"",
                1 => string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}"),
                2 => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                3 => string.Create(CultureInfo.InvariantCulture, $"\\U{(int)c:X8}"),
                _ => c.ToString(),
            });
        }

        return text.ToString();
    }
}
