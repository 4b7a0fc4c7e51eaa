namespace StandardsKit.Cli.Screening;

/// <summary>The file formats <c>screen</c> reads and writes.</summary>
internal enum ScreenFormat
{
    Jsonl,
    Csv,
    Parquet,
}

internal static class ScreenFormats
{
    public static ScreenFormat Parse(string name) => name switch
    {
        "jsonl" or "ndjson" or "json" => ScreenFormat.Jsonl,
        "csv" => ScreenFormat.Csv,
        "parquet" => ScreenFormat.Parquet,
        _ => throw new CliException($"unknown format '{name}'; use jsonl, csv or parquet"),
    };

    /// <summary>The format a file name says (its extension), or null.</summary>
    public static ScreenFormat? FromPath(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jsonl" or ".ndjson" or ".json" => ScreenFormat.Jsonl,
        ".csv" => ScreenFormat.Csv,
        ".parquet" => ScreenFormat.Parquet,
        _ => null,
    };
}
