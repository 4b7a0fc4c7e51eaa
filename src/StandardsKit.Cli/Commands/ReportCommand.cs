using System.CommandLine;
using StandardsKit.Analysis;
using StandardsKit.Cli.Output;
using StandardsKit.Engine;

namespace StandardsKit.Cli.Commands;

internal static class ReportCommand
{
    public static Command Create(ConsoleIo io, Option<string?> standards)
    {
        var county = new Option<string>("--county") { Description = "6-digit county-level code", Required = true };
        var on = new Option<string?>("--on") { Description = "Date YYYY-MM-DD (" + Arguments.DefaultDateText + ")" };
        var format = new Option<string>("--format") { Description = "text, markdown or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "markdown", "json");
        var lang = Language.CreateOption();
        var command = new Command("report", "Per item in force in a county: national level, local level, and whether it is at or above the national floor or local-only.")
        {
            county, on, format, lang,
        };
        command.SetAction(parse =>
        {
            var code = Arguments.County(parse.GetValue(county));
            var date = Arguments.Date(parse.GetValue(on), "--on");
            var catalog = CatalogSource.LoadOrFail(parse.GetValue(standards), io);
            System.Collections.Immutable.ImmutableArray<FloorReportRow> rows;
            try
            {
                rows = FloorReport.For(catalog, code, date);
            }
            catch (UnknownDivisionException e)
            {
                throw new CliException(e.Message);
            }

            FloorReportOutput.Write(io.Out, parse.GetValue(format)!, code, date, rows, Language.Of(parse.GetValue(lang)));
            return CliApp.Ok;
        });
        return command;
    }
}
