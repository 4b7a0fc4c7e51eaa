using System.Globalization;
using StandardsKit.Analysis;
using StandardsKit.Diff;
using StandardsKit.Expressions;

namespace StandardsKit.Cli.Output;

/// <summary>Diff as terminal text (coloured when writing to a terminal) or as Markdown for a pull-request comment.</summary>
internal static class DiffText
{
    public static void Text(TextWriter w, StandardsDiff diff, bool colour, Language lang)
    {
        // Every value is escaped before colour codes are added, so only our own ESC sequences reach the terminal.
        string Red(string s) => colour ? $"\u001b[31m{E(s)}\u001b[0m" : E(s);
        string Green(string s) => colour ? $"\u001b[32m{E(s)}\u001b[0m" : E(s);
        void Write(string line) => w.WriteLine(line.AsSpan().TrimStart().StartsWith("::", StringComparison.Ordinal) ? "\\" + line : line);
        Write($"{string.Join(", ", diff.Old.Select(s => E(s.Standard)))} → {string.Join(", ", diff.New.Select(s => E(s.Standard)))}");
        Write(string.Join(", ", DiffSummary.Counts(diff).Where(c => c.Count > 0).Select(c => $"{Word(c.Name, lang)} {Number(c.Count)}")) is { Length: > 0 } s ? s : lang.T("无变化", "no changes"));
        foreach (var c in diff.Changes)
        {
            w.WriteLine();
            Write($"{E(c.Item)} {E(lang.Name(c.Name))} [{string.Join(", ", c.Kinds.Select(k => Word(DiffSummary.Name(k), lang)))}]");
            if (c.OldName is { } old)
            {
                Write($"  {lang.T("改名", "renamed")}: {Red(lang.Name(old))} → {Green(lang.Name(c.Name))}");
            }

            foreach (var l in c.Level)
            {
                var line = $"  {l.Quantity}{(l.When is null ? "" : lang.T($" 当 {l.When}", $" when {l.When}"))}: {Show(l.Old)} → {Show(l.New)} {lang.Unit(l.Unit)} ({Word(l.Direction.ToString().ToLowerInvariant(), lang)})"
                           + (l.Note is null ? "" : $" — {l.Note}");
                Write(l.Direction == Direction.Lowered || l.Direction == Direction.Removed ? Red(line) : Green(line));
                if (!l.OldSteps.IsEmpty)
                {
                    Write(lang.T("    原分段: ", "    old steps: ") + Steps(l.OldSteps));
                }

                if (!l.NewSteps.IsEmpty)
                {
                    Write(lang.T("    新分段: ", "    new steps: ") + Steps(l.NewSteps));
                }
            }

            if (c.Eligibility is { } e)
            {
                Write($"  {lang.T("适用范围", "eligibility")} {Word(e.Direction.ToString().ToLowerInvariant(), lang)}: {Red(Rule(e.Old, lang))} → {Green(Rule(e.New, lang))}");
                foreach (var r in e.Gained)
                {
                    Write(lang.T("    受益: ", "    gains: ") + E(FloorProver.Describe(r)));
                }

                foreach (var r in e.Lost)
                {
                    Write(lang.T("    受损: ", "    loses: ") + Red(FloorProver.Describe(r)));
                }

                if (e.Note is { } note)
                {
                    Write(lang.T("    注: ", "    note: ") + E(note));
                }
            }

            if (c.Rule is { } added)
            {
                Write(lang.T("  规则: ", "  rule: ") + E(added));
            }

            foreach (var q in c.Quantities)
            {
                Write(lang.T("  标准: ", "  level: ") + E(lang.Units(q)));
            }

            foreach (var f in c.Fields)
            {
                Write($"  {E(f.Field)}: {(colour ? Colourise(E(f.Diff)) : E(f.Diff))}");
            }
        }
    }

    public static void Markdown(TextWriter w, StandardsDiff diff, Language lang)
    {
        w.Line($"### {lang.T("标准对比", "Standards diff")}: {string.Join(", ", diff.Old.Select(s => Code(s.Standard)))} → {string.Join(", ", diff.New.Select(s => Code(s.Standard)))}");
        w.WriteLine();
        w.Line(lang.T("| 变化 | 项目数 |", "| change | items |"));
        w.Line("|---|---:|");
        foreach (var (name, count) in DiffSummary.Counts(diff))
        {
            w.Line($"| {Word(name, lang)} | {Number(count)} |");
        }

        foreach (var c in diff.Changes)
        {
            w.WriteLine();
            w.Line($"#### {Code(c.Item)} {Escape(lang.Name(c.Name))} — {string.Join(", ", c.Kinds.Select(k => Word(DiffSummary.Name(k), lang)))}");
            if (c.OldName is { } old)
            {
                w.Line(lang.T($"- 原名 {Escape(lang.Name(old))}", $"- renamed from {Escape(lang.Name(old))}"));
            }

            foreach (var l in c.Level)
            {
                w.Line($"- **{Escape(l.Quantity)}**{(l.When is null ? "" : lang.T($" 当 {Code(l.When)}", $" when {Code(l.When)}"))}: {Show(l.Old)} → {Show(l.New)} {Escape(lang.Unit(l.Unit))} (**{Word(l.Direction.ToString().ToLowerInvariant(), lang)}**)" +
                            (l.Note is null ? "" : $" — {Escape(l.Note)}") +
                            (l.OldSteps.IsEmpty && l.NewSteps.IsEmpty ? "" : lang.T($"; 分段: 原 {Steps(l.OldSteps)}; 新 {Steps(l.NewSteps)}", $"; steps: old {Steps(l.OldSteps)}; new {Steps(l.NewSteps)}")));
            }

            if (c.Eligibility is { } e)
            {
                w.Line($"- {lang.T("适用范围", "eligibility")} **{Word(e.Direction.ToString().ToLowerInvariant(), lang)}**: {RuleCode(e.Old, lang)} → {RuleCode(e.New, lang)}");
                foreach (var r in e.Gained)
                {
                    w.Line($"  - {lang.T("受益", "gains")}: {Code(FloorProver.Describe(r))}");
                }

                foreach (var r in e.Lost)
                {
                    w.Line($"  - {lang.T("受损", "loses")}: {Code(FloorProver.Describe(r))}");
                }

                if (e.Note is { } note)
                {
                    w.Line($"  - {lang.T("注", "note")}: {Escape(note)}");
                }
            }

            if (c.Rule is { } added)
            {
                w.Line($"- {lang.T("规则", "rule")}: {RuleCode(added, lang)}");
            }

            foreach (var q in c.Quantities)
            {
                w.Line($"- {lang.T("标准", "level")}: {Escape(lang.Units(q))}");
            }

            foreach (var f in c.Fields)
            {
                w.Line($"- {Escape(f.Field)}: {MarkdownDiff(f.Diff)}");
            }
        }
    }

    private static string Rule(string? rule, Language lang) => rule ?? lang.T("（沿用上级）", "(inherited from the parent)");

    private static string RuleCode(string? rule, Language lang) => rule is null ? lang.T("（沿用上级）", "(inherited from the parent)") : Code(rule);

    /// <summary>A change kind or direction token in Chinese for zh; the English text keeps the tokens --fail-on uses.</summary>
    private static string Word(string token, Language lang) => !lang.IsChinese ? token : token switch
    {
        "added" => "新增",
        "removed" => "取消",
        "renamed" => "改名",
        "moved" => "移动",
        "text" => "文字修改",
        "level" => "标准变化",
        "eligibility" => "适用范围变化",
        "funding" => "支出责任变化",
        "leadDepartment" => "牵头单位变化",
        "provenance" => "来源变化",
        "levelRaised" => "标准提高",
        "levelLowered" => "标准降低",
        "levelChanged" => "标准变化",
        "eligibilityWidened" => "适用范围扩大",
        "eligibilityNarrowed" => "适用范围缩小",
        "eligibilityChanged" => "适用范围改变",
        "textChanged" => "文字修改",
        "fundingChanged" => "支出责任变化",
        "leadDepartmentChanged" => "牵头单位变化",
        "provenanceChanged" => "来源变化",
        "raised" => "提高",
        "lowered" => "降低",
        "changed" => "改变",
        "widened" => "扩大",
        "narrowed" => "缩小",
        _ => token,
    };

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
