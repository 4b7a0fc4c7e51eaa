using System.Text;

namespace StandardsKit.Cli.Screening;

/// <summary>CSV out (RFC 4180, UTF-8, LF): <c>id,county,on,item,eligible,quantities,missingFacts</c>; eligible empty when undetermined, missing facts <c>a|b</c>; an id a spreadsheet would run as a formula starts with <c>'</c>.</summary>
internal sealed class CsvResultWriter : ResultWriter
{
    private static readonly UTF8Encoding Utf8 = new(false);
    private readonly Stream _output;

    public CsvResultWriter(Stream output)
    {
        _output = output;
        _output.Write("id,county,on,item,eligible,quantities,missingFacts\n"u8);
    }

    public override object Render(IReadOnlyList<ScreenedResident> residents)
    {
        var text = new StringBuilder(residents.Count * 2048);
        foreach (var (row, evaluation) in residents)
        {
            var prefix = Field(row.Id) + "," + Field(row.County) + "," + Iso(row.On) + ",";
            foreach (var d in evaluation.Decisions)
            {
                text.Append(prefix).Append(Field(d.Item)).Append(',')
                    .Append(d.Eligible switch { true => "true", false => "false", null => "" }).Append(',')
                    .Append(Field(QuantitiesText(d.Level))).Append(',')
                    .Append(Field(string.Join("|", d.MissingFacts))).Append('\n');
            }
        }

        return Utf8.GetBytes(text.ToString());
    }

    public override void Write(object rendered) => _output.Write((byte[])rendered);

    public override void Complete() => _output.Flush();

    /// <summary>A cell: RFC 4180 quoting and the formula-injection policy of <see cref="Output.CsvCell"/>.</summary>
    private static string Field(string value) => Output.CsvCell.Of(value);
}
