using System.CommandLine;
using StandardsKit.Cli.Output;
using StandardsKit.Engine;
using StandardsKit.Input;
using StandardsKit.Json;

namespace StandardsKit.Cli.Commands;

internal static class EvalCommand
{
    public static Command Create(ConsoleIo io, Option<string?> standards)
    {
        var county = ListCommand.CountyOption("6-digit county-level code or a unique name, e.g. 310104 or 徐汇区", required: true);
        var on = new Option<string?>("--on") { Description = "Evaluation date YYYY-MM-DD (" + Arguments.DefaultDateText + ")" };
        var resident = new Option<string>("--resident") { Description = "JSON file of the resident's facts, or - for standard input", Required = true };
        var items = new Option<string[]>("--item") { Description = "Only this item id (repeatable)", AllowMultipleArgumentsPerToken = false };
        var format = new Option<string>("--format") { Description = "json (SPEC §6) or text", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "text");
        var lang = Language.CreateOption();
        var record = new Option<bool>("--record")
        {
            Description = "Write a decision record: the JSON result plus its input (county, date, resident), for 'standardskit replay'",
        };
        var command = new Command("eval", "Evaluate a resident in a county on a date: every item in force, eligible or not or undetermined, the level, why, and citations.")
        {
            county, on, resident, items, format, lang, record,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(record) && parse.GetValue(format) == "text")
            {
                throw new CliException("--record writes JSON; drop --format text");
            }

            var date = Arguments.Date(parse.GetValue(on), "--on");
            var residentPath = parse.GetValue(resident)!;
            var person = ReadResident(residentPath, io);
            var catalog = CatalogSource.LoadOrFail(parse.GetValue(standards), io);
            var code = DivisionNames.Resolve(catalog.Divisions, parse.GetValue(county), "--county");
            Evaluation evaluation;
            try
            {
                evaluation = catalog.Evaluate(person.Resident, code, date, parse.GetValue(items));
            }
            catch (ResidentException e)
            {
                // The facts are checked against the vocabulary here; the key of the fact at fault says where.
                var at = e.Fact is { } fact && person.Keys.TryGetValue(fact, out var key) ? (key.Line, key.Column) : (1, 1);
                throw new CliException(Where(residentPath, at.Item1, at.Item2) + e.Message);
            }
            catch (ArgumentException e)
            {
                throw new CliException(e.Message.Split(" (Parameter", 2)[0]);
            }

            NothingInForce.Refuse(catalog, evaluation, "--on");
            if (parse.GetValue(format) == "text")
            {
                EvaluationText.Write(io.Out, evaluation, parse.GetValue(lang)!);
            }
            else
            {
                var document = parse.GetValue(record)
                    ? EvaluationJson.ToRecord(evaluation, catalog.Revision, person.Resident, parse.GetValue(items))
                    : EvaluationJson.ToContract(evaluation, catalog.Revision);
                io.Out.WriteLine(EvaluationJson.Serialize(document));
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static ResidentJsonReader ReadResident(string path, ConsoleIo io)
    {
        byte[] json;
        try
        {
            json = path == "-"
                ? System.Text.Encoding.UTF8.GetBytes(BoundedRead.Text(io.In, InputLimits.MaxResidentBytes, "standard input"))
                : BoundedRead.File(path, InputLimits.MaxResidentBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"--resident {path}: {e.Message}");
        }

        try
        {
            return ResidentJsonReader.Read(json);
        }
        catch (ResidentException e)
        {
            throw new CliException(Where(path, e.Line ?? 1, e.Column ?? 1) + e.Message);
        }
    }

    /// <summary>"file:line:col: " for a resident file; standard input is named "-" as on the command line.</summary>
    private static string Where(string path, int line, int column) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(path == "-" ? "<stdin>" : path)}:{line}:{column}: ");
}
