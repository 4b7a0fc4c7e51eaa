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
        var county = new Option<string>("--county") { Description = "6-digit county-level code (default 000000: the national standard alone)", DefaultValueFactory = _ => "000000" };
        var on = new Option<string?>("--on") { Description = "Date YYYY-MM-DD (" + Arguments.DefaultDateText + ")" };
        var command = new Command("list", "List the items in force for a county on a date, with the jurisdiction that defines each.") { county, on };
        command.SetAction(parse =>
        {
            var code = Arguments.County(parse.GetValue(county));
            var date = Arguments.Date(parse.GetValue(on), "--on");
            var catalog = CatalogSource.LoadOrFail(parse.GetValue(standards), io);
            var items = InForce(catalog, code, date);
            io.Out.Line($"{code} {(code == "000000" ? "全国 (national standard alone)" : catalog.Divisions.Find(code)?.Name)} on {ExpressionLimits.Iso(date)}: " +
                             string.Join(" → ", catalog.ChainFor(code, date).Select(c => $"{c.Standard}@{c.Edition}")));
            foreach (var item in items)
            {
                var number = item.Number?.ToString(CultureInfo.InvariantCulture) ?? "-";
                var local = item.LocalName is { } l ? $" / {l.Zh}" : "";
                io.Out.Line($"{number,4}  {item.Id,-40} {item.Name.Zh}{local}  [{item.Jurisdiction}]");
            }

            io.Out.Line($"{items.Length} items");
            return CliApp.Ok;
        });
        return command;
    }

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
