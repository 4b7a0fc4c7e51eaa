using CsCheck;
using StandardsKit.Cli.Output;
using Xunit;

namespace StandardsKit.Tests.Cli;

/// <summary>The one CSV cell policy of every CSV the CLI writes: RFC 4180 quoting and no cell a spreadsheet runs as a formula.</summary>
public sealed class CsvCellTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("-", "'-")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("-3", "-3")]
    [InlineData("12", "12")]
    [InlineData("-1.", "'-1.")]
    [InlineData("-.5", "'-.5")]
    [InlineData("310104", "310104")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("", "")]
    [InlineData("孕产妇", "孕产妇")]
    public void A_cell_is_quoted_and_never_starts_a_formula(string value, string cell) => CsvCell.Of(value).Should().Be(cell);

    [Fact]
    public void Any_text_read_back_is_the_value_or_the_value_after_a_leading_quote()
    {
        Gen.String.Sample(value =>
        {
            var cell = CsvCell.Of(value);
            var unquoted = cell.StartsWith('"') ? cell[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : cell;
            (unquoted == value || unquoted == "'" + value).Should().BeTrue();
            (unquoted.Length > 0 && unquoted[0] is '=' or '+' or '@' or '\t' or '\r').Should().BeFalse($"'{cell}' would run as a formula");
        });
    }
}
