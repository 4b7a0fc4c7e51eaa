using System.Globalization;
using StandardsKit.Divisions;
using StandardsKit.Expressions;
using StandardsKit.Model;

namespace StandardsKit.Cli.Output;

/// <summary>Text of <c>facts</c>, <c>standards</c> and <c>divisions find</c>, in the <c>--lang</c> language; every line through <see cref="SafeText"/>.</summary>
internal static class DiscoveryText
{
    public static void Facts(TextWriter w, FactVocabulary facts, Language l)
    {
        var width = facts.Facts.Select(f => f.Name.Length).DefaultIfEmpty(0).Max();
        foreach (var f in facts.Facts)
        {
            var type = DiscoveryJson.Type(f.Kind) + (f.Values.IsEmpty ? "" : ": " + string.Join(" | ", f.Values));
            var range = f.Min is null && f.Max is null ? "" : $" {Number(f.Min)}–{Number(f.Max)}";
            var unit = f.Unit is { } u ? $" ({l.Unit(u)}{(range.Length > 0 ? "," + range : "")})" : range.Length > 0 ? $" ({range.Trim()})" : "";
            var notes = new List<string>();
            if (f.Derived is { } derived)
            {
                notes.Add(l.T($"由 {derived} 推导", $"derived: {derived}"));
            }

            notes.Add(f.DefaultsToCounty ? l.T("缺省为所评估的县", "absent: the county evaluated")
                : f.AbsentMeansNone ? l.T("缺省即“无”", "absent means none")
                : l.T("缺省即未知", "absent means unknown"));
            w.Line($"{f.Name.PadRight(width)}  {type}{unit}  {l.Name(f.Description)}  [{string.Join("; ", notes)}]");
        }

        w.Line(l.T($"{facts.Facts.Length} 个事实", $"{facts.Facts.Length} facts"));
    }

    public static void Standards(TextWriter w, IReadOnlyList<StandardEditions> editions, Language l)
    {
        foreach (var e in editions)
        {
            var d = e.Document;
            var until = d.EffectiveUntil is { } end ? ExpressionLimits.Iso(end) : e.SupersededOn is { } next ? l.T($"{ExpressionLimits.Iso(next)} 起被取代", $"superseded {ExpressionLimits.Iso(next)}") : "";
            w.Line($"{d.Key}  [{d.Jurisdiction}]  {l.Name(d.Title)}");
            w.Line($"    {l.T("施行", "in force")}: {ExpressionLimits.Iso(d.EffectiveFrom)} –{(until.Length > 0 ? " " + until : "")}" +
                   (d.Extends is { } parent ? $"; {l.T("扩展", "extends")} {parent}" : "") +
                   (d.Supersedes is { } old ? $"; {l.T("取代", "supersedes")} {old}" : ""));
            w.Line($"    {l.T("项目", "items")} {d.Items.Length}, {l.T("来源", "sources")} {d.Sources.Length}; " +
                   $"{l.T("证据（项目）", "evidence (items)")}: {Counts(e.Evidence.Items)}; {l.T("证据（文本、规则、标准）", "evidence (texts, rules, levels)")}: {Counts(e.Evidence.Fields)}");
            w.Line($"    {d.Path}");
        }

        w.Line(l.T($"{editions.Count} 个版本", $"{editions.Count} editions"));
    }

    public static void Divisions(TextWriter w, IDivisionDirectory divisions, IReadOnlyList<Division> found, Language l)
    {
        foreach (var d in found)
        {
            var level = DivisionNames.Level(divisions, d);
            w.Line($"{d.Code}  {d.Name}  ({(l.IsChinese ? LevelZh(level) : level)})  {DivisionNames.PathText(divisions, d)}");
        }

        w.Line(l.T($"{found.Count} 个区划", $"{found.Count} divisions"));
    }

    private static string LevelZh(string level) => level switch { "province" => "省级", "prefecture" => "地级", _ => "县级" };

    private static string Counts(System.Collections.Immutable.ImmutableDictionary<Evidence, int> counts) =>
        counts.Count == 0 ? "—" : string.Join(", ", counts.OrderBy(p => p.Key).Select(p => $"{p.Key.Name()} {p.Value}"));

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
