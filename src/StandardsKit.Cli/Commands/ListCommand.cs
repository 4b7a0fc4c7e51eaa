using StandardsKit.Expressions;
using StandardsKit.Cli.Output;
using System.CommandLine;
using System.Globalization;
using StandardsKit.Engine;

namespace StandardsKit.Cli.Commands;

internal static class ListCommand
{
    public static Command Create(ConsoleIo io, Option<string?> standards)
    {
        var county = CountyOption("6-digit county-level code or a unique name (default 000000: the national standard alone)", required: false);
        var on = new Option<string?>("--on") { Description = "Date YYYY-MM-DD (" + Arguments.DefaultDateText + ")" };
        var format = new Option<string>("--format") { Description = "text or json (schemas/list-output.schema.json)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var lang = Language.CreateOption();
        var command = new Command("list", "List the items in force for a county on a date, with the jurisdiction that defines each.") { county, on, format, lang };
        command.SetAction(parse =>
        {
            var date = Arguments.Date(parse.GetValue(on), "--on");
            var catalog = CatalogSource.LoadOrFail(parse.GetValue(standards), io);
            var code = DivisionNames.Resolve(catalog.Divisions, parse.GetValue(county), "--county");
            NothingInForce.Refuse(catalog, code, date, "--on");
            var items = InForce(catalog, code, date);
            if (parse.GetValue(format) == "json")
            {
                ItemsJson.List(io.Out, catalog, code, date, items);
                return CliApp.Ok;
            }

            var l = Language.Of(parse, lang);
            var place = code == "000000" ? l.T("全国（仅国家标准）", "national standard alone") : catalog.Divisions.Find(code)?.Name;
            io.Out.Line($"{code} {place} {l.T("于", "on")} {ExpressionLimits.Iso(date)}: " +
                             string.Join(" → ", catalog.ChainFor(code, date).Select(c => $"{c.Standard}@{c.Edition}")));
            foreach (var item in items)
            {
                var number = item.Number?.ToString(CultureInfo.InvariantCulture) ?? "-";
                var local = item.LocalName is { } n ? $" / {l.Name(n)}" : "";
                io.Out.Line($"{number,4}  {item.Id,-40} {l.Name(item.Name)}{local}  [{item.Jurisdiction}]");
            }

            io.Out.Line(l.T($"{items.Length} 项", $"{items.Length} items"));
            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>The <c>--county</c> option of list, show, report and eval: a code or a name, resolved by <see cref="DivisionNames"/>.</summary>
    internal static Option<string> CountyOption(string description, bool required) => required
        ? new Option<string>("--county") { Description = description, Required = true }
        : new Option<string>("--county") { Description = description, DefaultValueFactory = _ => "000000" };

    internal static System.Collections.Immutable.ImmutableArray<EffectiveItem> InForce(Catalog catalog, string county, DateOnly on)
    {
        try
        {
            return catalog.ItemsInForce(county, on);
        }
        catch (UnknownDivisionException e)
        {
            throw new CliException(e.Message);
        }
    }
}
