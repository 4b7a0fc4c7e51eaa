using System.CommandLine;
using StandardsKit.Model;

namespace StandardsKit.Cli.Output;

/// <summary>
/// The language of text output (<c>--lang zh|en</c>, default zh): headings, labels and units follow it; names
/// come from the data's <c>zh</c>/<c>en</c>; units and quantity names take the UI labels of <see cref="ChineseLabels"/>
/// in zh. Rules and fact names are printed as written (README, "Output language").
/// </summary>
internal sealed class Language
{
    public static readonly Language Chinese = new("zh");
    public static readonly Language English = new("en");

    private Language(string code) => Code = code;

    /// <summary>"zh" or "en", as <see cref="LocalizedText.In"/> takes it.</summary>
    public string Code { get; }

    public bool IsChinese => Code == "zh";

    /// <summary>The language of an (optional) <c>--lang</c> value: zh unless it says en.</summary>
    public static Language Of(ParseResult parse, Option<string> option) => Of(parse.GetValue(option));

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
    public string Unit(string unit) => IsChinese && ChineseLabels.Units.TryGetValue(unit, out var zh) ? zh : unit;

    /// <summary>A quantity name (<c>antenatalChecks</c>), in zh its UI label (产前检查); names the table lacks stay as written.</summary>
    public string Quantity(string name) => IsChinese && ChineseLabels.Quantities.TryGetValue(name, out var zh) ? zh : name;

    /// <summary>
    /// Localises the quantity names and units in a level summary the analysis library writes ("antenatalChecks 9 times; allowance 75
    /// CNY/month"): each part starts with its quantity; units are words of their own.
    /// </summary>
    public string Units(string summary)
    {
        if (!IsChinese || summary.Length == 0)
        {
            return summary;
        }

        return string.Join("; ", summary.Split("; ").Select(part =>
        {
            // "antenatalChecks 9 > 5 times", "award 700 CNY where the parent sets no amount": the quantity first, units anywhere.
            var words = part.Split(' ');
            for (var i = 0; i < words.Length; i++)
            {
                words[i] = ChineseLabels.Units.TryGetValue(words[i], out var unit) ? unit : i == 0 ? Quantity(words[i]) : words[i];
            }

            return string.Join(' ', words);
        }));
    }
}
