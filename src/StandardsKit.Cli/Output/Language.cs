using System.CommandLine;
using StandardsKit.Model;

namespace StandardsKit.Cli.Output;

/// <summary>
/// The language of text output (<c>--lang zh|en</c>, default zh): headings, labels and units follow it; names
/// come from the data's <c>zh</c>/<c>en</c>. Quantity names, rules and fact names have no Chinese label in the
/// data and are printed as written (README, "Output language").
/// </summary>
internal sealed class Language
{
    public static readonly Language Chinese = new("zh");
    public static readonly Language English = new("en");

    private static readonly Dictionary<string, string> ChineseUnits = new(StringComparer.Ordinal)
    {
        ["CNY"] = "元",
        ["CNY/day"] = "元/天",
        ["CNY/month"] = "元/月",
        ["CNY/year"] = "元/年",
        ["mg/day"] = "毫克/天",
        ["days"] = "天",
        ["weeks"] = "周",
        ["months"] = "个月",
        ["years"] = "年",
        ["times"] = "次",
        ["times/year"] = "次/年",
    };

    private Language(string code) => Code = code;

    /// <summary>"zh" or "en", as <see cref="LocalizedText.In"/> takes it.</summary>
    public string Code { get; }

    public bool IsChinese => Code == "zh";

    /// <summary>The <c>--lang</c> option every text-printing command takes, with the same name, values and default.</summary>
    public static Option<string> CreateOption()
    {
        var option = new Option<string>("--lang") { Description = "zh or en, for text output (default zh)", DefaultValueFactory = _ => "zh" };
        option.AcceptOnlyFromAmong("zh", "en");
        return option;
    }

    public static Language Of(string? code) => code == "en" ? English : Chinese;

    /// <summary>Picks the Chinese or English label.</summary>
    public string T(string zh, string en) => IsChinese ? zh : en;

    /// <summary>A name from the data in this language (Chinese when the data has no English).</summary>
    public string Name(LocalizedText text) => text.In(Code);

    /// <summary>A unit as written in the data (<c>CNY/month</c>), in Chinese 元/月 for zh; units the table lacks stay as written.</summary>
    public string Unit(string unit) => IsChinese && ChineseUnits.TryGetValue(unit, out var zh) ? zh : unit;

    /// <summary>
    /// Localises the units in a level summary the analysis library writes ("antenatalChecks 9 times; allowance 75
    /// CNY/month"): each part ends with its unit.
    /// </summary>
    public string Units(string summary)
    {
        if (!IsChinese || summary.Length == 0)
        {
            return summary;
        }

        return string.Join("; ", summary.Split("; ").Select(part =>
        {
            var space = part.LastIndexOf(' ');
            return space > 0 && ChineseUnits.TryGetValue(part[(space + 1)..], out var zh) ? part[..space] + " " + zh : part;
        }));
    }
}
