using System.CommandLine;
using StandardsKit.Cli.Output;

namespace StandardsKit.Cli.Commands;

/// <summary><c>divisions find TEXT</c>: divisions by name or code, with the path above each, so a county can be named.</summary>
internal static class DivisionsCommand
{
    public static Command Create(ConsoleIo io, Option<string?> standards)
    {
        var text = new Argument<string>("text") { Description = "Part of a name (徐汇, 朝阳区, 北京市朝阳) or the start of a code (3101)" };
        var format = new Option<string>("--format") { Description = "text or json (schemas/divisions-output.schema.json)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var lang = Language.CreateOption();
        var find = new Command("find", "Find divisions whose name contains TEXT or whose code starts with it; exit 1 when none does.") { text, format, lang };
        find.SetAction(parse =>
        {
            var needle = parse.GetValue(text)!;
            if (needle.Trim().Length == 0 || needle.Any(char.IsControl))
            {
                throw new CliException("divisions find needs a name or code to look for, e.g. divisions find 徐汇");
            }

            var catalog = CatalogSource.LoadOrFail(parse.GetValue(standards), io);
            var found = DivisionNames.Find(catalog.Divisions, needle);
            if (parse.GetValue(format) == "json")
            {
                DiscoveryJson.Divisions(io.Out, catalog.Divisions, needle, found);
            }
            else
            {
                DiscoveryText.Divisions(io.Out, catalog.Divisions, found, Language.Of(parse, lang));
            }

            if (found.Count == 0)
            {
                io.Error.Line($"standardskit: no division's name or code matches '{Arguments.Shorten(needle)}'");
                return CliApp.Findings;
            }

            return CliApp.Ok;
        });
        return new Command("divisions", "Look up administrative divisions (GB/T 2260) of the standards in use.") { find };
    }
}
