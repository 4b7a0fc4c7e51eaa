using System.CommandLine;
using StandardsKit.Cli.Output;
using StandardsKit.Cli.Screening;
using StandardsKit.Input;

namespace StandardsKit.Cli.Commands;

/// <summary>
/// <c>screen [FILE…]</c>: batch screening of JSON Lines, CSV or Parquet residents (or standard input) into one row per
/// resident and item, streamed with bounded memory on every core, in input order. The stdin→stdout form is what
/// Spark's RDD.pipe and Hadoop Streaming call (samples/scale-out/).
/// </summary>
internal static class ScreenCommand
{
    public static Command Create(ConsoleIo io, Option<string?> standards)
    {
        var files = new Argument<string[]>("files") { Description = "Residents: .jsonl, .csv or .parquet files; none or - for standard input", Arity = ArgumentArity.ZeroOrMore };
        var county = new Option<string?>("--county") { Description = "County for rows without a 'county' column: a code or a unique name" };
        var on = new Option<string?>("--on") { Description = "Date YYYY-MM-DD for rows without an 'on' column (default: today)" };
        var inputFormat = new Option<string?>("--input-format") { Description = "jsonl, csv or parquet (default: from the file extension; jsonl for standard input)" };
        var format = new Option<string?>("--format") { Description = "Output: jsonl, csv or parquet (default: from --output's extension, else jsonl)" };
        var output = new Option<string?>("--output", "-o") { Description = "Output file (default: standard output)" };
        var items = new Option<string[]>("--item") { Description = "Only this item id (repeatable)" };
        var failFast = new Option<bool>("--fail-fast") { Description = "Stop at the first row with an error (default: report it and go on)" };
        var threads = new Option<int>("--threads") { Description = "Worker threads (default: one per core)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var lang = Language.CreateOption();
        var command = new Command("screen", "Screen many residents: JSON Lines, CSV or Parquet in; one row per resident and item (id, county, on, item, eligible, quantities, missingFacts) out; a summary per item on stderr.")
        {
            files, county, on, inputFormat, format, output, items, failFast, threads, lang,
        };
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(files) is { Length: > 0 } given ? given : ["-"];
            var date = Arguments.Date(parse.GetValue(on), "--on");
            var outPath = parse.GetValue(output);
            var outFormat = parse.GetValue(format) is { } f ? ScreenFormats.Parse(f)
                : outPath is not null && ScreenFormats.FromPath(outPath) is { } byName ? byName : ScreenFormat.Jsonl;
            var forcedInput = parse.GetValue(inputFormat) is { } i ? ScreenFormats.Parse(i) : (ScreenFormat?)null;
            if (parse.GetValue(threads) is < 1 or > 256)
            {
                throw new CliException("--threads must be between 1 and 256");
            }

            if (outFormat == ScreenFormat.Parquet && outPath is null && !Console.IsOutputRedirected && io.Out == Console.Out)
            {
                throw new CliException("Parquet is binary: write it with --output FILE or redirect standard output");
            }

            foreach (var path in paths.Where(p => p != "-"))
            {
                Open(path, io).Dispose(); // refused up front (missing, a folder, a FIFO, a device), before anything is written

                if (forcedInput is null && ScreenFormats.FromPath(path) is null)
                {
                    throw new CliException($"{path}: say its format with --input-format jsonl|csv|parquet (the extension does not)");
                }
            }

            var catalog = CatalogSource.LoadOrFail(parse.GetValue(standards), io);
            var code = parse.GetValue(county) is { } c ? DivisionNames.Resolve(catalog.Divisions, c, "--county") : null;
            var filter = parse.GetValue(items) is { Length: > 0 } wanted ? wanted : null;
            var progress = !Console.IsErrorRedirected && io.Error == Console.Error ? io.Error : null;
            var settings = new ScreenSettings(new RowDefaults(code, date, catalog.Facts) { Divisions = catalog.Divisions }, filter, parse.GetValue(threads), parse.GetValue(failFast), progress);

            // The output file appears only whole, when the run ends without an error (rows with errors are findings, not errors).
            using var target = outPath is null ? null : AtomicOutput.Create(outPath);
            var sink = target?.Stream ?? (io.Out == Console.Out ? Console.OpenStandardOutput() : new TextWriterStream(io.Out));
            ScreenSummary summary;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using (var writer = ResultWriter.Create(outFormat, sink))
            {
                summary = new ScreenPipeline(catalog, settings, writer, io.Error).Run(Records(paths, forcedInput, io, catalog));
            }

            sink.Flush();
            target?.Commit();
            summary.Write(io.Error, clock.Elapsed, Language.Of(parse, lang));
            return summary.Errors == 0 ? CliApp.Ok : CliApp.Findings;
        });
        return command;
    }

    /// <summary>Every record of every input, in order; each file is opened only when its turn comes.</summary>
    private static IEnumerable<InputRecord> Records(string[] paths, ScreenFormat? forced, ConsoleIo io, Catalog catalog)
    {
        foreach (var path in paths)
        {
            var format = forced ?? (path == "-" ? ScreenFormat.Jsonl : ScreenFormats.FromPath(path)!.Value);
            using (var stream = Open(path, io))
            {
                var records = format switch
                {
                    ScreenFormat.Jsonl => JsonlSource.Read(stream, path),
                    ScreenFormat.Csv => CsvSource.Read(stream, path, catalog.Facts),
                    _ => ParquetSource.Read(stream, path, catalog.Facts),
                };
                foreach (var record in records)
                {
                    yield return record;
                }
            }
        }
    }

    /// <summary>A regular file only (a FIFO or /dev/zero is refused before it is opened), of any size, as it is streamed; or standard input.</summary>
    private static Stream Open(string path, ConsoleIo io)
    {
        try
        {
            return path == "-" ? StandardInput(io) : BoundedRead.Open(path, long.MaxValue);
        }
        catch (FileNotFoundException)
        {
            throw new CliException($"{path}: no such file");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException(e.Message.StartsWith(path, StringComparison.Ordinal) ? e.Message : $"{path}: {e.Message}");
        }
    }

    private static Stream StandardInput(ConsoleIo io) => io.In == Console.In ? Console.OpenStandardInput() : new TextReaderStream(io.In);
}
