using System.Globalization;
using System.Net;
using System.Text;

namespace StandardsKit.Cli.Output;

/// <summary>Inline SVG charts for the HTML report: drawn from numbers alone, no script, no network.</summary>
internal static class SvgChart
{
    /// <summary>The fill of data marks; tests look for it in the browser's screenshot.</summary>
    public const string MarkColour = "#1b9e77";

    public const string AccentColour = "#d95f02";

    public const string MutedColour = "#d9d9d9";

    /// <summary>Horizontal bars: each row's value over its total (the total as a pale bar behind it).</summary>
    public static string Bars(string id, string title, IReadOnlyList<(string Label, decimal Value, decimal Total)> rows)
    {
        const int rowHeight = 18, labelWidth = 170, barWidth = 420, top = 24;
        var height = top + rows.Count * rowHeight + 8;
        var max = Math.Max(1m, rows.Count == 0 ? 1 : rows.Max(r => Math.Max(r.Value, r.Total)));
        var b = Open(id, title, labelWidth + barWidth + 90, height);
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, value, total) = rows[i];
            var y = top + i * rowHeight;
            b.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 6}\" y=\"{y + 13}\" text-anchor=\"end\">{Html(label)}</text>");
            b.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + 2}\" width=\"{Scale(total, max, barWidth)}\" height=\"{rowHeight - 4}\" fill=\"{MutedColour}\"/>");
            if (value > 0)
            {
                b.Append(CultureInfo.InvariantCulture, $"<rect class=\"mark\" x=\"{labelWidth}\" y=\"{y + 2}\" width=\"{Math.Max(2, Scale(value, max, barWidth))}\" height=\"{rowHeight - 4}\" fill=\"{MarkColour}\"/>");
            }

            b.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + Scale(Math.Max(value, total), max, barWidth) + 6}\" y=\"{y + 13}\">{Num(value)} / {Num(total)}</text>");
        }

        return b.Append("</svg>").ToString();
    }

    /// <summary>Stacked horizontal bars (e.g. centre, local, unsplit) per row.</summary>
    public static string Stacked(string id, string title, IReadOnlyList<(string Label, decimal[] Parts)> rows, string[] legend, string[] colours)
    {
        const int rowHeight = 18, labelWidth = 170, barWidth = 420, top = 40;
        var height = top + rows.Count * rowHeight + 8;
        var max = Math.Max(1m, rows.Count == 0 ? 1 : rows.Max(r => r.Parts.Sum()));
        var b = Open(id, title, labelWidth + barWidth + 140, height);
        for (var k = 0; k < legend.Length; k++)
        {
            b.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth + k * 110}\" y=\"20\" width=\"10\" height=\"10\" fill=\"{colours[k]}\"/><text x=\"{labelWidth + k * 110 + 14}\" y=\"29\">{Html(legend[k])}</text>");
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var (label, parts) = rows[i];
            var y = top + i * rowHeight;
            b.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 6}\" y=\"{y + 13}\" text-anchor=\"end\">{Html(label)}</text>");
            decimal x = labelWidth;
            for (var k = 0; k < parts.Length; k++)
            {
                var width = Scale(parts[k], max, barWidth);
                if (width > 0)
                {
                    b.Append(CultureInfo.InvariantCulture, $"<rect class=\"mark\" x=\"{x}\" y=\"{y + 2}\" width=\"{width}\" height=\"{rowHeight - 4}\" fill=\"{colours[k]}\"/>");
                }

                x += width;
            }

            b.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 6}\" y=\"{y + 13}\">{Num(parts.Sum())}</text>");
        }

        return b.Append("</svg>").ToString();
    }

    /// <summary>
    /// A level across counties: the counties sorted by level, drawn as a step line (one step per distinct level),
    /// with the national floor as a dashed line.
    /// </summary>
    public static string Levels(string id, string title, IReadOnlyList<(decimal Level, int Counties)> levels, decimal? floor, string unit)
    {
        const int width = 560, height = 150, left = 56, right = 12, top = 24, bottom = 22;
        var n = levels.Sum(l => l.Counties);
        var max = Math.Max(floor ?? 0, levels.Count == 0 ? 0 : levels.Max(l => l.Level));
        max = max <= 0 ? 1 : max * 1.15m;
        decimal X(decimal rank) => left + (n == 0 ? 0 : rank / n * (width - left - right));
        decimal Y(decimal v) => top + (1 - v / max) * (height - top - bottom);
        var b = Open(id, title, width, height);
        b.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{height - bottom}\" x2=\"{width - right}\" y2=\"{height - bottom}\" stroke=\"#888\"/>");
        b.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 4}\" y=\"{Y(max / 1.15m) + 4:0.#}\" text-anchor=\"end\">{Num(max / 1.15m)}</text>");
        b.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 4}\" y=\"{height - bottom + 4}\" text-anchor=\"end\">0</text>");
        b.Append(CultureInfo.InvariantCulture, $"<text x=\"{width - right}\" y=\"{height - 6}\" text-anchor=\"end\">{n} counties, sorted by level ({Html(unit)})</text>");

        // Bars under the step line make every level visible, even one that a handful of counties have.
        decimal rank = 0;
        var points = new StringBuilder();
        foreach (var (level, counties) in levels)
        {
            var x0 = X(rank);
            var x1 = X(rank + counties);
            b.Append(CultureInfo.InvariantCulture, $"<rect class=\"mark\" x=\"{x0:0.##}\" y=\"{Y(level):0.##}\" width=\"{Math.Max(2, x1 - x0):0.##}\" height=\"{Y(0) - Y(level):0.##}\" fill=\"{MarkColour}\" fill-opacity=\"0.85\"/>");
            points.Append(CultureInfo.InvariantCulture, $"{x0:0.##},{Y(level):0.##} {x1:0.##},{Y(level):0.##} ");
            rank += counties;
        }

        b.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{points.ToString().Trim()}\" fill=\"none\" stroke=\"#0b5d46\" stroke-width=\"1.5\"/>");
        if (floor is { } f)
        {
            b.Append(CultureInfo.InvariantCulture, $"<line class=\"floor\" x1=\"{left}\" y1=\"{Y(f):0.##}\" x2=\"{width - right}\" y2=\"{Y(f):0.##}\" stroke=\"{AccentColour}\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>");
            b.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + 4}\" y=\"{Y(f) - 4:0.##}\" fill=\"{AccentColour}\">national floor {Num(f)}</text>");
        }

        return b.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string id, string title, int width, int height) =>
        new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg id=\"{Html(id)}\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{Html(title)}\">" +
            $"<title>{Html(title)}</title><text x=\"4\" y=\"14\" class=\"chart-title\">{Html(title)}</text>");

    private static decimal Scale(decimal value, decimal max, int width) => decimal.Round(value / max * width, 1);

    private static string Num(decimal value) => decimal.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public static string Html(string text) => WebUtility.HtmlEncode(text);
}
