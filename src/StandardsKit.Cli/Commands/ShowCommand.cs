using StandardsKit.Expressions;
using StandardsKit.Cli.Output;
using System.CommandLine;
using System.Globalization;
using StandardsKit.Model;

namespace StandardsKit.Cli.Commands;

internal static class ShowCommand
{
    public static Command Create(ConsoleIo io, Option<string?> standards)
    {
        var item = new Argument<string>("item") { Description = "Item id, e.g. maternal-health" };
        var county = new Option<string>("--county") { Description = "6-digit county-level code (default 000000: the national standard alone)", DefaultValueFactory = _ => "000000" };
        var on = new Option<string?>("--on") { Description = "Date YYYY-MM-DD (" + Arguments.DefaultDateText + ")" };
        var command = new Command("show", "Show one item as it applies in a county on a date: every layer's texts, rule, level and evidence.") { item, county, on };
        command.SetAction(parse =>
        {
            var code = Arguments.County(parse.GetValue(county));
            var date = Arguments.Date(parse.GetValue(on), "--on");
            var catalog = CatalogSource.LoadOrFail(parse.GetValue(standards), io);
            var items = ListCommand.InForce(catalog, code, date);
            var id = parse.GetValue(item)!;
            var found = items.FirstOrDefault(i => i.Id == id)
                ?? throw new CliException($"item '{id}' is not in force in {code} on {ExpressionLimits.Iso(date)}" +
                    (Suggest(id, [.. items.Select(i => i.Id)]) is { } hint ? $" — did you mean '{hint}'?" : ""));
            var w = io.Out;
            w.Line($"{found.Id}: {found.Name.Zh}" + (found.Name.En is { } en ? $" ({en})" : ""));
            foreach (var layer in found.Layers)
            {
                var i = layer.Item;
                w.WriteLine();
                w.Line($"== {layer.Document.Key} ({layer.Document.Jurisdiction}) {i.Name.Zh} [{Show(i.Provenance)}]  {i.Span}");
                foreach (var name in ItemFieldNames.All)
                {
                    if (i.Fields.TryGetValue(name, out var field))
                    {
                        w.Line($"   {name}: {field.Text.Zh} [{Show(field.Provenance)}]");
                    }
                }

                if (i.Eligibility is { } e)
                {
                    w.Line($"   eligibility: {e.When} [{(e.Provenance is null ? "inherited evidence" : Show(e.Provenance))}]");
                }

                foreach (var q in i.Level?.Quantities ?? [])
                {
                    foreach (var tier in q.Tiers)
                    {
                        var values = string.Join(", ", tier.Values.Select(v => (v.From == DateOnly.MinValue ? "" : $"from {ExpressionLimits.Iso(v.From)}: ") + v.Value.ToString(CultureInfo.InvariantCulture)));
                        w.Line($"   {q.Name} ({q.Unit}){(tier.When is null ? "" : $" when {tier.When}")}: {(q.AtLeast ? "≥ " : "")}{values}");
                    }
                }
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static string Show(Provenance p) =>
        p.Evidence.Name() + (p.Sources.IsEmpty ? "" : " " + string.Join(",", p.Sources));

    /// <summary>Ids are long and kebab-cased, so a prefix or fragment says more than edit distance alone.</summary>
    private static string? Suggest(string id, List<string> ids) =>
        ids.FirstOrDefault(x => x.StartsWith(id, StringComparison.Ordinal))
        ?? Diagnostics.Suggestions.Closest(id, ids)
        ?? ids.FirstOrDefault(x => x.Contains(id, StringComparison.Ordinal));
}
