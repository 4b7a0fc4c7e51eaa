using System.CommandLine;
using System.Text;
using StandardsKit.Analysis;
using StandardsKit.Cli.Output;
using StandardsKit.Engine;
using StandardsKit.Input;

namespace StandardsKit.Cli.Commands;

internal static class EqualizationCommand
{
    private const long MaxPopulationBytes = 512L * 1024 * 1024;

    public static Command Create(ConsoleIo io, Option<string?> standards)
    {
        var on = new Option<string?>("--on") { Description = "Date YYYY-MM-DD (default: today)" };
        var province = new Option<string?>("--province") { Description = "Only the county-level units inside this division: a code (510000, or a prefecture) or a unique name (四川省)" };
        var items = new Option<string[]>("--item") { Description = "Only this item id (repeatable)", AllowMultipleArgumentsPerToken = false };
        var population = new Option<string?>("--population") { Description = "Weighted residents per county (JSON Lines or .csv with county, weight and facts): adds the annual cost and who pays it" };
        var top = new Option<int>("--top") { Description = "How many of the largest gaps to rank", DefaultValueFactory = _ => 20 };
        var format = new Option<string>("--format") { Description = "text, markdown, json, csv or html", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "markdown", "json", "csv", "html");
        var lang = Language.CreateOption();
        var command = new Command("equalization", "Every county-level unit × item in force: the level against the national floor, status, lag, coverage of residents without local hukou; distributions, province roll-ups, the largest gaps; with --population, the annual cost split between centre and local budgets.")
        {
            on, province, items, population, top, format, lang,
        };
        command.SetAction(parse =>
        {
            var date = Arguments.Date(parse.GetValue(on), "--on");
            if (parse.GetValue(top) is < 0 or > 10_000)
            {
                throw new CliException($"--top {parse.GetValue(top)} is out of range; give 0 to 10000");
            }

            var catalog = CatalogSource.LoadOrFail(parse.GetValue(standards), io);
            var within = parse.GetValue(province) is { } p ? DivisionNames.Resolve(catalog.Divisions, p, "--province") : null;
            IReadOnlyList<PopulationRecord>? people = parse.GetValue(population) is { } path ? ReadPopulation(path, catalog) : null;
            EqualizationReport report;
            try
            {
                report = Equalization.Run(catalog, date, new EqualizationOptions
                {
                    Within = within,
                    Items = parse.GetValue(items) ?? [],
                    GapCount = parse.GetValue(top),
                    Population = people,
                });
            }
            catch (ArgumentException e)
            {
                var message = e.Message.Split(" (Parameter", 2)[0];
                // "line N: what" from the population file: positioned at the line's start, file:line:col like every other error.
                var colon = message.IndexOf(':', StringComparison.Ordinal);
                throw new CliException(message.StartsWith("line ", StringComparison.Ordinal) && colon > 5
                    ? $"{parse.GetValue(population)}:{message[5..colon]}:1{message[colon..]}"
                    : message);
            }

            switch (parse.GetValue(format))
            {
                case "json":
                    EqualizationJson.Write(io.Out, report);
                    break;
                case "csv":
                    EqualizationCsv.Write(io.Out, report);
                    break;
                case "html":
                    EqualizationHtml.Write(io.Out, report, Language.Of(parse, lang));
                    break;
                default:
                    EqualizationText.Write(io.Out, report, markdown: parse.GetValue(format) == "markdown", Language.Of(parse, lang));
                    break;
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static System.Collections.Immutable.ImmutableArray<PopulationRecord> ReadPopulation(string path, Catalog catalog)
    {
        try
        {
            // A regular file only: a FIFO, /dev/zero or a folder is refused before it is opened, and a file that
            // grows past the limit while it is read ends the read.
            using var stream = BoundedRead.Open(path, MaxPopulationBytes);
            using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true));
            return PopulationFile.Read(reader, path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase), catalog.Facts);
        }
        catch (FormatException e)
        {
            throw new CliException($"{path}:{e.Message}");
        }
        catch (FileNotFoundException)
        {
            throw new CliException($"--population {path}: no such file");
        }
        catch (InputRefusedException e)
        {
            throw new CliException($"--population {e.Message}" + (e.OverLimit ? "; split the file" : ""));
        }
        catch (DecoderFallbackException)
        {
            throw new CliException($"{path}: the file is not valid UTF-8; save it as UTF-8");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"--population {path}: {e.Message}");
        }
    }
}
