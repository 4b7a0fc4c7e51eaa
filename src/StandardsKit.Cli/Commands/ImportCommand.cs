using StandardsKit.Cli.Output;
using System.CommandLine;
using System.Text;
using StandardsKit.Import;
using StandardsKit.Input;

namespace StandardsKit.Cli.Commands;

internal static class ImportCommand
{
    public static Command Create(ConsoleIo io, Option<string?> standards)
    {
        var text = new Argument<string>("text") { Description = "The official text: the standard's PDF run through pdftotext (UTF-8)" };
        var edition = new Option<string>("--edition") { Description = "The edition file to check or fill, e.g. standards/national/2021.yaml", Required = true };
        var fill = new Option<bool>("--fill") { Description = "Add the fields the edition lacks, labelled verbatim; existing text is never overwritten" };
        var source = new Option<string?>("--source") { Description = "Source id (from the edition's sources) that the filled fields cite; required with --fill" };
        var all = new Option<bool>("--all") { Description = "Also list fields that match" };
        var command = new Command("import", "Check an edition's verbatim fields against the official text, reporting every difference; --fill adds missing fields. Exit 0 when nothing differs or is missing, 1 otherwise.")
        {
            text, edition, fill, source, all,
        };
        command.SetAction(parse =>
        {
            var editionPath = parse.GetValue(edition)!;
            var load = Catalog.LoadPaths([editionPath]);
            var document = load.Documents.FirstOrDefault()
                ?? throw new CliException($"{editionPath}: no standard document could be read: {load.Diagnostics.FirstOrDefault()}");
            var textPath = parse.GetValue(text)!;
            var official = ReadUtf8(textPath, InputLimits.MaxOfficialTextBytes);

            var items = OfficialText.Parse(official);
            if (items.IsEmpty)
            {
                throw new CliException($"{textPath}: no items found; expected lines such as '（1）农村免费孕前优生健康检查' followed by '服务对象：…'");
            }

            var findings = EditionImporter.Compare(document, items);
            // An excerpt leaves most edition items out; list them only on request, count them always.
            foreach (var f in findings.Where(f => parse.GetValue(all) || f.Kind is not (ImportFindingKind.Matches or ImportFindingKind.UnmatchedEditionItem)))
            {
                io.Out.Line(f.ToString());
            }

            var problems = findings.Count(f => f.Kind is ImportFindingKind.Differs or ImportFindingKind.Missing or ImportFindingKind.UnmatchedOfficialItem);
            io.Out.Line($"{items.Length} official items; {findings.Count(f => f.Kind == ImportFindingKind.Matches)} fields match, " +
                             $"{findings.Count(f => f.Kind == ImportFindingKind.Differs)} differ, {findings.Count(f => f.Kind == ImportFindingKind.Missing)} missing; " +
                             $"{findings.Count(f => f.Kind == ImportFindingKind.UnmatchedEditionItem)} edition items are not in this text (--all lists them)");

            if (parse.GetValue(fill) && findings.Any(f => f.Kind == ImportFindingKind.Missing))
            {
                var sourceId = parse.GetValue(source) ?? throw new CliException("--fill needs --source <id> naming the official text in the edition's sources");
                if (document.Source(sourceId) is null)
                {
                    throw new CliException($"--source {sourceId} is not in {editionPath}'s sources: {string.Join(", ", document.Sources.Select(s => s.Id))}");
                }

                string filled;
                try
                {
                    filled = EditionImporter.Fill(ReadUtf8(editionPath, InputLimits.MaxFileBytes), editionPath, findings, sourceId);
                }
                catch (InvalidOperationException e)
                {
                    throw new CliException(e.Message);
                }

                AtomicFile.Replace(editionPath, filled, check =>
                {
                    var loaded = Catalog.LoadPaths([check]);
                    return loaded.Documents.IsEmpty || loaded.Diagnostics.Any(d => d.Code is "SK0001" or "SK0002")
                        ? $"filling would break {editionPath}: {loaded.Diagnostics.FirstOrDefault()}; nothing was written"
                        : null;
                });

                io.Out.Line($"filled {findings.Count(f => f.Kind == ImportFindingKind.Missing)} fields in {editionPath}");
                return findings.Any(f => f.Kind == ImportFindingKind.Differs) ? CliApp.Findings : CliApp.Ok;
            }

            return problems > 0 ? CliApp.Findings : CliApp.Ok;
        });
        return command;
    }

    private static string ReadUtf8(string path, int maxBytes)
    {
        try
        {
            var bytes = BoundedRead.File(path, maxBytes);
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes.AsSpan(3) : bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new CliException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{path}: not valid UTF-8 at byte {e.Index}; save the text as UTF-8 (pdftotext -enc UTF-8)"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException(e.Message);
        }
    }
}
