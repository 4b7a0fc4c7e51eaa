using System.Globalization;
using StandardsKit.Cli.Output;

namespace StandardsKit.Cli.Screening;

/// <summary>Counts per item (eligible, not, undetermined), in the order items first appear, and the run's totals.</summary>
internal sealed class ScreenSummary
{
    private readonly Dictionary<string, long[]> _byItem = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public long Residents { get; private set; }

    public long Decisions { get; private set; }

    public long Errors { get; private set; }

    public void Add(ScreenSummary chunk)
    {
        Residents += chunk.Residents;
        Decisions += chunk.Decisions;
        Errors += chunk.Errors;
        foreach (var item in chunk._order)
        {
            var counts = Counts(item);
            var add = chunk._byItem[item];
            for (var i = 0; i < 3; i++)
            {
                counts[i] += add[i];
            }
        }
    }

    public void Add(Engine.Evaluation evaluation)
    {
        Residents++;
        foreach (var d in evaluation.Decisions)
        {
            Decisions++;
            Counts(d.Item)[d.Eligible switch { true => 0, false => 1, null => 2 }]++;
        }
    }

    public void AddError() => Errors++;

    public void Write(TextWriter w, TimeSpan elapsed, Language l)
    {
        var seconds = Math.Max(elapsed.TotalSeconds, 1e-9);
        w.WriteLine(l.IsChinese
            ? string.Create(CultureInfo.InvariantCulture,
                $"已筛查 {Residents:N0} 名居民（{Errors:N0} 行有错误）：{Decisions:N0} 项判定，用时 {elapsed.TotalSeconds:0.0} 秒（每秒 {Decisions / seconds:N0} 项）")
            : string.Create(CultureInfo.InvariantCulture,
                $"screened {Residents:N0} residents ({Errors:N0} rows with errors): {Decisions:N0} decisions in {elapsed.TotalSeconds:0.0} s ({Decisions / seconds:N0} decisions/s)"));
        if (_order.Count == 0)
        {
            return;
        }

        var width = Math.Max(4, _order.Max(i => i.Length));
        w.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{l.T("项目", "item").PadRight(width)}  {l.T("符合条件", "eligible"),12}  {l.T("不符合条件", "not eligible"),12}  {l.T("无法确定", "undetermined"),12}"));
        foreach (var item in _order)
        {
            var c = _byItem[item];
            w.Line(string.Create(CultureInfo.InvariantCulture, $"{item.PadRight(width)}  {c[0],12:N0}  {c[1],12:N0}  {c[2],12:N0}"));
        }
    }

    private long[] Counts(string item)
    {
        if (!_byItem.TryGetValue(item, out var counts))
        {
            counts = new long[3];
            _byItem[item] = counts;
            _order.Add(item);
        }

        return counts;
    }
}
