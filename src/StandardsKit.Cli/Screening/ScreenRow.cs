using StandardsKit.Engine;
using StandardsKit.Screening;

namespace StandardsKit.Cli.Screening;

/// <summary>One resident read from an input: where it is, who it is, where and when to evaluate it.</summary>
/// <param name="Id">The row's <c>id</c>, or its line number when it has none.</param>
/// <param name="County">The row's <c>county</c>, or <c>--county</c>.</param>
/// <param name="On">The row's <c>on</c>, or <c>--on</c>.</param>
/// <param name="Resident">The facts, when read the reference way (<see cref="InputRecord.Decode"/>); null when they
/// were filled straight into a row (<see cref="InputRecord.TryFill"/>).</param>
internal sealed record ScreenRow(string Id, string County, DateOnly On, Resident? Resident);

/// <summary>A record as read, not yet decoded: decoding (typing the facts) runs on the worker threads.</summary>
internal abstract class InputRecord(string source, long line)
{
    /// <summary>The file (or <c>-</c>) the record came from.</summary>
    public string Source { get; } = source;

    /// <summary>The 1-based line (JSON Lines, CSV) or row (Parquet).</summary>
    public long Line { get; } = line;

    /// <summary>Decodes the record into a <see cref="Resident"/>: the reference reading; throws <see cref="RowException"/> with what is wrong.</summary>
    public abstract ScreenRow Decode(RowDefaults defaults);

    /// <summary>
    /// The fast path: fills <paramref name="row"/> straight from the record, with no <see cref="Resident"/>. False (or a
    /// <see cref="ResidentException"/>) when the record holds anything the fill does not take, a bad row among them:
    /// then <see cref="Decode"/> reads it and reports what is wrong, exactly as before.
    /// </summary>
    public bool TryFill(RowDefaults defaults, RowFill fill, ref ResidentRow row, out ScreenRow header)
    {
        header = null!;
        fill.Begin(ref row);
        if (!Fill(fill, ref row, out var id, out var county, out var on))
        {
            return false;
        }

        // The reference's own defaults and checks; one that throws sends the row to Decode, which reports it.
        header = new ScreenRow(id ?? Line.ToString(System.Globalization.CultureInfo.InvariantCulture),
            FactValues.County(county, defaults), FactValues.Date(on, defaults.On), null);
        return true;
    }

    /// <summary>
    /// Where the cell of <paramref name="fact"/> starts (line, 1-based column), once <see cref="Decode"/> has read the
    /// record, so that a fact the engine refuses is reported at its cell; null when the format has no such place.
    /// </summary>
    public virtual (long Line, int Column)? PositionOf(string fact) => null;

    /// <summary>Fills the facts and reads the reserved cells as <see cref="Decode"/> does; false to leave the record to it.</summary>
    protected abstract bool Fill(RowFill fill, ref ResidentRow row, out string? id, out string? county, out string? on);
}

/// <summary>A row that cannot be screened; reported with its file and line while the run goes on.</summary>
internal sealed class RowException(string message) : Exception(message)
{
    /// <summary>The 1-based column in the line, when the problem has one (JSON syntax, a repeated key, a bad cell).</summary>
    public int? Column { get; init; }

    /// <summary>The line, when it is not the record's first (a CSV record whose quoted field spans lines).</summary>
    public long? Line { get; init; }
}

/// <summary>What a row lacks comes from the command line: <c>--county</c>, <c>--on</c>, and the fact vocabulary.</summary>
internal sealed record RowDefaults(string? County, DateOnly On, Model.FactVocabulary Facts)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);

    /// <summary>The division list that resolves a <c>county</c> cell written as a name (徐汇区) rather than a code; null: codes only.</summary>
    public Divisions.IDivisionDirectory? Divisions { get; init; }

    /// <summary>The code a name in a <c>county</c> cell stands for, resolved once per distinct name as <c>--county</c> resolves it.</summary>
    /// <exception cref="RowException">The name is ambiguous or unknown (with the candidates).</exception>
    public string CountyCode(string text)
    {
        if (Divisions is null || (text.Length == 6 && text.All(char.IsAsciiDigit)))
        {
            return text;
        }

        try
        {
            return _names.GetOrAdd(text, static (name, divisions) => DivisionNames.Resolve(divisions, name, "county"), Divisions);
        }
        catch (CliException e)
        {
            throw new RowException("column " + e.Message);
        }
    }
}
