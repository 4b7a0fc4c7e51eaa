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
        var county = ListCommand.CountyOption("6-digit county-level code or a unique name (default 000000: the national standard alone)", required: false);
        var on = new Option<string?>("--on") { Description = "Date YYYY-MM-DD (" + Arguments.DefaultDateText + ")" };
        var format = new Option<string>("--format") { Description = "text or json (schemas/show-output.schema.json)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var lang = Language.CreateOption();
        var command = new Command("show", "Show one item as it applies in a county on a date: every layer's texts, rule, level and evidence.") { item, county, on, format, lang };
        command.SetAction(parse =>
        {
            var date = Arguments.Date(parse.GetValue(on), "--on");
            var catalog = CatalogSource.LoadOrFail(parse.GetValue(standards), io);
            var code = DivisionNames.Resolve(catalog.Divisions, parse.GetValue(county), "--county");
            NothingInForce.Refuse(catalog, code, date, "--on");
            var items = ListCommand.InForce(catalog, code, date);
            var id = parse.GetValue(item)!;
            var found = items.FirstOrDefault(i => i.Id == id)
                ?? throw new CliException($"item '{id}' is not in force in {code} on {ExpressionLimits.Iso(date)}" +
                    (Suggest(id, [.. items.Select(i => i.Id)]) is { } hint ? $" — did you mean '{hint}'?" : ""));
            if (parse.GetValue(format) == "json")
            {
                ItemsJson.Show(io.Out, code, date, found);
                return CliApp.Ok;
            }

            var w = io.Out;
            var l = Language.Of(parse, lang);
            var other = l.IsChinese ? found.Name.En : found.Name.Zh;
            w.Line($"{found.Id}: {l.Name(found.Name)}" + (other is { Length: > 0 } && other != l.Name(found.Name) ? $" ({other})" : ""));
            foreach (var layer in found.Layers)
            {
                var i = layer.Item;
                w.WriteLine();
                w.Line($"== {layer.Document.Key} ({layer.Document.Jurisdiction}) {l.Name(i.Name)} [{Show(i.Provenance)}]  {i.Span}");
                foreach (var name in ItemFieldNames.All)
                {
                    if (i.Fields.TryGetValue(name, out var field))
                    {
                        w.Line($"   {(l.IsChinese ? FieldNamesZh.GetValueOrDefault(name, name) : name)}: {l.Name(field.Text)} [{Show(field.Provenance)}]");
                    }
                }

                if (i.Eligibility is { } e)
                {
                    w.Line($"   {l.T("适用条件", "eligibility")}: {e.When} [{(e.Provenance is null ? l.T("证据沿用上级", "inherited evidence") : Show(e.Provenance))}]");
                }

                foreach (var q in i.Level?.Quantities ?? [])
                {
                    foreach (var tier in q.Tiers)
                    {
                        var values = string.Join(", ", tier.Values.Select(v => (v.From == DateOnly.MinValue ? "" : l.T($"自{ExpressionLimits.Iso(v.From)}起: ", $"from {ExpressionLimits.Iso(v.From)}: ")) + v.Value.ToString(CultureInfo.InvariantCulture)));
                        w.Line($"   {Named(q.Name, l)} ({l.Unit(q.Unit)}){(tier.When is null ? "" : l.T($" 当 {tier.When}", $" when {tier.When}"))}: {(q.AtLeast ? "≥ " : "")}{values}");
                    }
                }
            }

            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>In zh the UI label with the name authors write in the YAML: 产前检查（antenatalChecks）.</summary>
    private static string Named(string quantity, Language l) => l.Quantity(quantity) is var label && label != quantity ? $"{label}（{quantity}）" : quantity;

    private static string Show(Provenance p) =>
        // Evidence names are the vocabulary of --min-evidence and the schema, so they stay as written in either language.
        p.Evidence.Name() + (p.Sources.IsEmpty ? "" : " " + string.Join(",", p.Sources));

    /// <summary>The five fields by their names in the national standard's tables.</summary>
    private static readonly Dictionary<string, string> FieldNamesZh = new(StringComparer.Ordinal)
    {
        ["serviceObject"] = "服务对象",
        ["serviceContent"] = "服务内容",
        ["serviceStandard"] = "服务标准",
        ["funding"] = "支出责任",
        ["leadDepartment"] = "牵头负责单位",
    };

    /// <summary>Ids are long and kebab-cased, so a prefix or fragment says more than edit distance alone.</summary>
    private static string? Suggest(string id, List<string> ids) =>
        ids.FirstOrDefault(x => x.StartsWith(id, StringComparison.Ordinal))
        ?? Diagnostics.Suggestions.Closest(id, ids)
        ?? ids.FirstOrDefault(x => x.Contains(id, StringComparison.Ordinal));
}
