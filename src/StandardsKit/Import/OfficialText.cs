using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using StandardsKit.Model;

namespace StandardsKit.Import;

/// <summary>An item as read from the official text (the PDF run through <c>pdftotext</c>).</summary>
/// <param name="Number">The number in <c>（n）</c>.</param>
/// <param name="Name">The item name after the number.</param>
/// <param name="Area">The enclosing <c>一、…</c> heading.</param>
/// <param name="Category">The enclosing <c>n.…</c> heading.</param>
/// <param name="Fields">Field texts keyed by <see cref="ItemFieldNames"/>.</param>
/// <param name="Line">1-based line of the item heading in the text.</param>
public sealed record OfficialItem(int Number, string Name, string? Area, string? Category, ImmutableDictionary<string, string> Fields, int Line);

/// <summary>
/// Reads the official running-text layout: <c>一、&lt;area&gt;</c>, <c>n.&lt;category&gt;</c>, <c>（n）&lt;name&gt;</c>,
/// then <c>服务对象：</c> <c>服务内容：</c> <c>服务标准：</c> <c>支出责任：</c> <c>牵头负责单位：</c>, each running over as many
/// lines as the PDF wrapped it into.
/// </summary>
public static partial class OfficialText
{
    private static readonly (string Label, string Field)[] Labels =
    [
        ("服务对象", ItemFieldNames.ServiceObject),
        ("服务内容", ItemFieldNames.ServiceContent),
        ("服务标准", ItemFieldNames.ServiceStandard),
        ("支出责任", ItemFieldNames.Funding),
        ("牵头负责单位", ItemFieldNames.LeadDepartment),
    ];

    /// <summary>Parses the text; lines that belong to no item (title, page numbers, headers) are skipped.</summary>
    public static ImmutableArray<OfficialItem> Parse(string text)
    {
        var items = ImmutableArray.CreateBuilder<OfficialItem>();
        string? area = null, category = null;
        (int Number, string Name, int Line)? current = null;
        var fields = new Dictionary<string, StringBuilder>(StringComparer.Ordinal);
        string? field = null;

        void Flush()
        {
            if (current is { } c)
            {
                items.Add(new OfficialItem(c.Number, c.Name, area, category,
                    fields.ToImmutableDictionary(f => f.Key, f => f.Value.ToString().Trim(), StringComparer.Ordinal), c.Line));
            }

            current = null;
            fields.Clear();
            field = null;
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\f', '\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim().Replace('\u3000', ' ').Trim();
            if (line.Length == 0 || PageNumber().IsMatch(line))
            {
                continue;
            }

            if (AreaHeading().Match(line) is { Success: true } a)
            {
                Flush();
                area = a.Groups[1].Value.Trim();
                category = null;
                continue;
            }

            if (CategoryHeading().Match(line) is { Success: true } cat && field is null or ItemFieldNames.LeadDepartment)
            {
                Flush();
                category = cat.Groups[1].Value.Trim();
                continue;
            }

            if (ItemHeading().Match(line) is { Success: true } item)
            {
                Flush();
                // The name runs up to the first label on the line, if any (by search, not by a lazy pattern:
                // a lazy name followed by optional spaces backtracks quadratically on a long run of spaces).
                var rest = item.Groups[2].Value;
                var firstLabel = new[] { rest.IndexOf("服务对象：", StringComparison.Ordinal), rest.IndexOf("服务对象:", StringComparison.Ordinal) }
                    .Where(x => x >= 0).DefaultIfEmpty(rest.Length).Min();
                current = (int.Parse(item.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), rest[..firstLabel].Trim(), i + 1);
                line = rest[firstLabel..].Trim();
                if (line.Length == 0)
                {
                    continue;
                }
            }

            if (current is null)
            {
                continue;
            }

            // A line may hold several labelled fields when the PDF kept them on one line.
            foreach (var (label, body) in SplitLabels(line))
            {
                if (label is not null)
                {
                    field = Labels.First(l => l.Label == label).Field;
                    fields[field] = new StringBuilder();
                }

                if (field is not null)
                {
                    fields[field].Append(body);
                }
            }
        }

        Flush();
        return items.ToImmutable();
    }

    private static IEnumerable<(string? Label, string Body)> SplitLabels(string line)
    {
        var matches = LabelPattern().Matches(line);
        if (matches.Count == 0)
        {
            yield return (null, line);
            yield break;
        }

        if (matches[0].Index > 0)
        {
            yield return (null, line[..matches[0].Index]);
        }

        for (var m = 0; m < matches.Count; m++)
        {
            var start = matches[m].Index + matches[m].Length;
            var end = m + 1 < matches.Count ? matches[m + 1].Index : line.Length;
            yield return (matches[m].Groups[1].Value, line[start..end]);
        }
    }

    // Every pattern runs without backtracking, so a hostile line (200,000 spaces) costs linear time.
    [GeneratedRegex(@"^[-—–\s]*\d{1,3}[-—–\s]*$", RegexOptions.NonBacktracking)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^[一二三四五六七八九十]+、\s*(.+)$", RegexOptions.NonBacktracking)]
    private static partial Regex AreaHeading();

    [GeneratedRegex(@"^\d{1,2}\s*[\.．]\s*([^\d].*)$", RegexOptions.NonBacktracking)]
    private static partial Regex CategoryHeading();

    [GeneratedRegex(@"^[（(]\s*(\d{1,3})\s*[）)](.*)$", RegexOptions.NonBacktracking)]
    private static partial Regex ItemHeading();

    [GeneratedRegex("(服务对象|服务内容|服务标准|支出责任|牵头负责单位)[：:]", RegexOptions.NonBacktracking)]
    private static partial Regex LabelPattern();
}
