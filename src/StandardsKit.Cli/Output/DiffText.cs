using System.Globalization;
using StandardsKit.Analysis;
using StandardsKit.Diff;
using StandardsKit.Expressions;

namespace StandardsKit.Cli.Output;

/// <summary>Diff as terminal text (coloured when writing to a terminal) or as Markdown for a pull-request comment.</summary>
internal static class DiffText
{
    public static void Text(TextWriter w, StandardsDiff diff, bool colour)
    {
        // Every value is escaped before colour codes are added, so only our own ESC sequences reach the terminal.
        string Red(string s) => colour ? $"\u001b[31m{E(s)}\u001b[0m" : E(s);
        string Green(string s) => colour ? $"\u001b[32m{E(s)}\u001b[0m" : E(s);
        void Write(string line) => w.WriteLine(line.AsSpan().TrimStart().StartsWith("::", StringComparison.Ordinal) ? "\\" + line : line);
        Write($"{string.Join(", ", diff.Old.Select(s => E(s.Standard)))} → {string.Join(", ", diff.New.Select(s => E(s.Standard)))}");
        Write(string.Join(", ", DiffSummary.Counts(diff).Where(c => c.Count > 0).Select(c => $"{c.Name} {Number(c.Count)}")) is { Length: > 0 } s ? s : "no changes");
        foreach (var c in diff.Changes)
        {
            w.WriteLine();
            Write($"{E(c.Item)} {E(c.Name.Zh)} [{string.Join(", ", c.Kinds.Select(DiffSummary.Name))}]");
            if (c.OldName is { } old)
            {
                Write($"  renamed: {Red(old.Zh)} → {Green(c.Name.Zh)}");
            }

            foreach (var l in c.Level)
            {
                var line = $"  {l.Quantity}{(l.When is null ? "" : $" when {l.When}")}: {Show(l.Old)} → {Show(l.New)} {l.Unit} ({l.Direction.ToString().ToLowerInvariant()})"
                           + (l.Note is null ? "" : $" — {l.Note}");
                Write(l.Direction == Direction.Lowered || l.Direction == Direction.Removed ? Red(line) : Green(line));
                if (!l.OldSteps.IsEmpty)
                {
                    Write("    old steps: " + Steps(l.OldSteps));
                }

                if (!l.NewSteps.IsEmpty)
                {
                    Write("    new steps: " + Steps(l.NewSteps));
                }
            }

            if (c.Eligibility is { } e)
            {
                Write($"  eligibility {e.Direction.ToString().ToLowerInvariant()}: {Red(Rule(e.Old))} → {Green(Rule(e.New))}");
                foreach (var r in e.Gained)
                {
                    Write("    gains: " + E(FloorProver.Describe(r)));
                }

                foreach (var r in e.Lost)
                {
                    Write("    loses: " + Red(FloorProver.Describe(r)));
                }

                if (e.Note is { } note)
                {
                    Write("    note: " + E(note));
                }
            }

            if (c.Rule is { } added)
            {
                Write("  rule: " + E(added));
            }

            foreach (var q in c.Quantities)
            {
                Write("  level: " + E(q));
            }

            foreach (var f in c.Fields)
            {
                Write($"  {E(f.Field)}: {(colour ? Colourise(E(f.Diff)) : E(f.Diff))}");
            }
        }
    }

    public static void Markdown(TextWriter w, StandardsDiff diff)
    {
        w.Line($"### Standards diff: {string.Join(", ", diff.Old.Select(s => Code(s.Standard)))} → {string.Join(", ", diff.New.Select(s => Code(s.Standard)))}");
        w.WriteLine();
        w.Line("| change | items |");
        w.Line("|---|---:|");
        foreach (var (name, count) in DiffSummary.Counts(diff))
        {
            w.Line($"| {name} | {Number(count)} |");
        }

        foreach (var c in diff.Changes)
        {
            w.WriteLine();
            w.Line($"#### {Code(c.Item)} {Escape(c.Name.Zh)} — {string.Join(", ", c.Kinds.Select(DiffSummary.Name))}");
            if (c.OldName is { } old)
            {
                w.Line($"- renamed from {Escape(old.Zh)}");
            }

            foreach (var l in c.Level)
            {
                w.Line($"- **{Escape(l.Quantity)}**{(l.When is null ? "" : $" when {Code(l.When)}")}: {Show(l.Old)} → {Show(l.New)} {Escape(l.Unit)} (**{l.Direction.ToString().ToLowerInvariant()}**)" +
                            (l.Note is null ? "" : $" — {Escape(l.Note)}") +
                            (l.OldSteps.IsEmpty && l.NewSteps.IsEmpty ? "" : $"; steps: old {Steps(l.OldSteps)}; new {Steps(l.NewSteps)}"));
            }

            if (c.Eligibility is { } e)
            {
                w.Line($"- eligibility **{e.Direction.ToString().ToLowerInvariant()}**: {RuleCode(e.Old)} → {RuleCode(e.New)}");
                foreach (var r in e.Gained)
                {
                    w.Line($"  - gains: {Code(FloorProver.Describe(r))}");
                }

                foreach (var r in e.Lost)
                {
                    w.Line($"  - loses: {Code(FloorProver.Describe(r))}");
                }

                if (e.Note is { } note)
                {
                    w.Line($"  - note: {Escape(note)}");
                }
            }

            if (c.Rule is { } added)
            {
                w.Line($"- rule: {RuleCode(added)}");
            }

            foreach (var q in c.Quantities)
            {
                w.Line($"- level: {Escape(q)}");
            }

            foreach (var f in c.Fields)
            {
                w.Line($"- {Escape(f.Field)}: {MarkdownDiff(f.Diff)}");
            }
        }
    }

    private static string Rule(string? rule) => rule ?? "(inherited from the parent)";

    private static string RuleCode(string? rule) => rule is null ? "(inherited from the parent)" : Code(rule);

    /// <summary>A Markdown code span that the text cannot close early: the fence is longer than any run of backticks in it.</summary>
    private static string Code(string text)
    {
        var longest = 0;
        var run = 0;
        foreach (var ch in text)
        {
            run = ch == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', longest + 1);
        var pad = longest > 0 ? " " : "";
        return fence + pad + text.Replace("|", "\\|", StringComparison.Ordinal) + pad + fence;
    }

    private static string Show(decimal? d) => d?.ToString(CultureInfo.InvariantCulture) ?? "—";

    private static string Steps(IEnumerable<Model.DatedValue> steps) =>
        string.Join(", ", steps.Select(s => $"{ExpressionLimits.Iso(s.From)}: {s.Value.ToString(CultureInfo.InvariantCulture)}"));

    private static string Colourise(string diff) => diff
        .Replace("[-", "\u001b[31m", StringComparison.Ordinal).Replace("-]", "\u001b[0m", StringComparison.Ordinal)
        .Replace("{+", "\u001b[32m", StringComparison.Ordinal).Replace("+}", "\u001b[0m", StringComparison.Ordinal);

    /// <summary>Markdown-escaped text for a pull-request comment: table pipes, HTML and images stay literal.</summary>
    private static string Escape(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal).Replace("![", "!\\[", StringComparison.Ordinal);

    /// <summary>An inline diff as Markdown: the markers become strike-through and bold after the text is escaped.</summary>
    private static string MarkdownDiff(string diff) => Escape(diff
            .Replace("[-", "\uE000", StringComparison.Ordinal).Replace("-]", "\uE001", StringComparison.Ordinal)
            .Replace("{+", "\uE002", StringComparison.Ordinal).Replace("+}", "\uE003", StringComparison.Ordinal))
        .Replace("\uE000", "~~", StringComparison.Ordinal).Replace("\uE001", "~~", StringComparison.Ordinal)
        .Replace("\uE002", "**", StringComparison.Ordinal).Replace("\uE003", "**", StringComparison.Ordinal);

    private static string E(string? s) => SafeText.Escape(s);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
