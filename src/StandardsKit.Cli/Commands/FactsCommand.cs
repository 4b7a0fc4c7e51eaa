using System.CommandLine;
using StandardsKit.Cli.Output;

namespace StandardsKit.Cli.Commands;

/// <summary><c>facts</c>: the resident facts the standards in use declare (facts.yaml), for writing residents, tests and rules.</summary>
internal static class FactsCommand
{
    public static Command Create(ConsoleIo io, Option<string?> standards)
    {
        var format = new Option<string>("--format") { Description = "text or json (schemas/facts-output.schema.json)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var lang = Language.CreateOption();
        var command = new Command("facts", "List the resident facts rules and residents may use: name, type, unit, allowed values, and what each means.") { format, lang };
        command.SetAction(parse =>
        {
            var catalog = CatalogSource.LoadOrFail(parse.GetValue(standards), io);
            if (parse.GetValue(format) == "json")
            {
                DiscoveryJson.Facts(io.Out, catalog.Facts);
            }
            else
            {
                DiscoveryText.Facts(io.Out, catalog.Facts, Language.Of(parse, lang));
            }

            return CliApp.Ok;
        });
        return command;
    }
}
