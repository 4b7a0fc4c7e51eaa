using System.Globalization;
using System.Text;
using StandardsKit.Engine;

namespace StandardsKit.Cli.Screening;

/// <summary>
/// Writes one row per resident and item: id, county, on, item, eligible, quantities, missingFacts. Rendering runs
/// on the workers (<see cref="Render"/>), writing in input order on one thread (<see cref="Write"/>).
/// </summary>
internal abstract class ResultWriter : IDisposable
{
    public static ResultWriter Create(ScreenFormat format, Stream output) => format switch
    {
        ScreenFormat.Jsonl => new JsonlResultWriter(output),
        ScreenFormat.Csv => new CsvResultWriter(output),
        _ => new ParquetResultWriter(output),
    };

    /// <summary>Renders a chunk of results; thread-safe.</summary>
    public abstract object Render(IReadOnlyList<ScreenedResident> residents);

    /// <summary>Writes a rendered chunk; called in input order from one thread.</summary>
    public abstract void Write(object rendered);

    /// <summary>Finishes the output (Parquet's footer).</summary>
    public abstract void Complete();

    public virtual void Dispose()
    {
    }

    /// <summary>Quantities as one text cell: <c>antenatalChecks=9 times; postpartumVisits=2 times</c>; <c>&gt;=</c> for
    /// "not lower than"; an undetermined amount as <c>allowance=460|590? CNY/month</c>.</summary>
    public static string QuantitiesText(DecisionLevel? level)
    {
        if (level is null || level.Quantities.IsEmpty)
        {
            return "";
        }

        var text = new StringBuilder();
        foreach (var q in level.Quantities)
        {
            if (text.Length > 0)
            {
                text.Append("; ");
            }

            text.Append(q.Name).Append(q.AtLeast ? ">=" : "=");
            if (q.Value is { } v)
            {
                text.Append(v.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(string.Join("|", q.PossibleValues.Select(p => p.ToString(CultureInfo.InvariantCulture)))).Append(q.MayBeAbsent ? "|none" : "").Append('?');
            }

            text.Append(' ').Append(q.Unit);
        }

        return text.ToString();
    }

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
