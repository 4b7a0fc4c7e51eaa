using System.CommandLine;
using StandardsKit.Cli.Output;

namespace StandardsKit.Cli.Commands;

/// <summary><c>standards</c>: every edition loaded, when it is in force, what it extends or supersedes, and on what evidence.</summary>
internal static class StandardsCommand
{
    public static Command Create(ConsoleIo io, Option<string?> standards)
    {
        var format = new Option<string>("--format") { Description = "text or json (schemas/standards-output.schema.json)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var lang = Language.CreateOption();
        var command = new Command("standards", "List the standards in use: ids, editions, jurisdictions, dates in force, parents (extends, supersedes), item and source counts, evidence.") { format, lang };
        command.SetAction(parse =>
        {
            var catalog = CatalogSource.LoadOrFail(parse.GetValue(standards), io);
            var editions = StandardEditions.Of(catalog);
            if (parse.GetValue(format) == "json")
            {
                DiscoveryJson.Standards(io.Out, editions);
            }
            else
            {
                DiscoveryText.Standards(io.Out, editions, Language.Of(parse, lang));
            }

            return CliApp.Ok;
        });
        return command;
    }
}
