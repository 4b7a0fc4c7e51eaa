using StandardsKit.Engine;

namespace StandardsKit.Cli.Screening;

/// <summary>One resident read from an input: where it is, who it is, where and when to evaluate it.</summary>
/// <param name="Id">The row's <c>id</c>, or its line number when it has none.</param>
/// <param name="County">The row's <c>county</c>, or <c>--county</c>.</param>
/// <param name="On">The row's <c>on</c>, or <c>--on</c>.</param>
/// <param name="Resident">The facts.</param>
internal sealed record ScreenRow(string Id, string County, DateOnly On, Resident Resident);

/// <summary>A record as read, not yet decoded: decoding (typing the facts) runs on the worker threads.</summary>
internal abstract class InputRecord(string source, long line)
{
    /// <summary>The file (or <c>-</c>) the record came from.</summary>
    public string Source { get; } = source;

    /// <summary>The 1-based line (JSON Lines, CSV) or row (Parquet).</summary>
    public long Line { get; } = line;

    /// <summary>Decodes the record; throws <see cref="RowException"/> with what is wrong.</summary>
    public abstract ScreenRow Decode(RowDefaults defaults);
}

/// <summary>A row that cannot be screened; reported with its file and line while the run goes on.</summary>
internal sealed class RowException(string message) : Exception(message)
{
    /// <summary>The 1-based column in the line, when the problem has one (JSON syntax, a repeated key).</summary>
    public int? Column { get; init; }
}

/// <summary>What a row lacks comes from the command line: <c>--county</c>, <c>--on</c>, and the fact vocabulary.</summary>
internal sealed record RowDefaults(string? County, DateOnly On, Model.FactVocabulary Facts);
