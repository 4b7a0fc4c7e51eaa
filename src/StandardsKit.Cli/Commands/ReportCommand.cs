using System.CommandLine;
using StandardsKit.Analysis;
using StandardsKit.Cli.Output;
using StandardsKit.Engine;

namespace StandardsKit.Cli.Commands;

internal static class ReportCommand
{
    public static Command Create(ConsoleIo io, Option<string?> standards)
    {
        var county = ListCommand.CountyOption("6-digit county-level code or a unique name, e.g. 310104 or 徐汇区", required: true);
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
            var date = Arguments.Date(parse.GetValue(on), "--on");
            var catalog = CatalogSource.LoadOrFail(parse.GetValue(standards), io);
            var code = DivisionNames.Resolve(catalog.Divisions, parse.GetValue(county), "--county");
            NothingInForce.Refuse(catalog, code, date, "--on");
            System.Collections.Immutable.ImmutableArray<FloorReportRow> rows;
            try
            {
                rows = FloorReport.For(catalog, code, date);
            }
            catch (UnknownDivisionException e)
            {
                throw new CliException(e.Message);
            }

            if (parse.GetValue(format) == "json")
            {
                ItemsJson.Report(io.Out, code, date, rows, ListCommand.InForce(catalog, code, date));
                return CliApp.Ok;
            }

            FloorReportOutput.Write(io.Out, parse.GetValue(format)!, code, date, rows, Language.Of(parse, lang));
            return CliApp.Ok;
        });
        return command;
    }
}
