using System.Globalization;
using StandardsKit.Analysis;
using StandardsKit.Diff;

namespace StandardsKit.Cli.Output;

/// <summary>Diff as terminal text (coloured when writing to a terminal) or as Markdown for a pull-request comment.</summary>
internal static class DiffText
{
    public static void Text(TextWriter w, StandardsDiff diff, bool colour)
    {
        string Red(string s) => colour ? $"\u001b[31m{s}\u001b[0m" : s;
        string Green(string s) => colour ? $"\u001b[32m{s}\u001b[0m" : s;
        w.WriteLine($"{string.Join(", ", diff.Old.Select(s => s.Standard))} → {string.Join(", ", diff.New.Select(s => s.Standard))}");
        w.WriteLine(string.Join(", ", DiffSummary.Counts(diff).Where(c => c.Count > 0).Select(c => $"{c.Name} {c.Count}")) is { Length: > 0 } s ? s : "no changes");
        foreach (var c in diff.Changes)
        {
            w.WriteLine();
            w.WriteLine($"{c.Item} {c.Name.Zh} [{string.Join(", ", c.Kinds.Select(DiffSummary.Name))}]");
            if (c.OldName is { } old)
            {
                w.WriteLine($"  renamed: {Red(old.Zh)} → {Green(c.Name.Zh)}");
            }

            foreach (var l in c.Level)
            {
                var line = $"  {l.Quantity}{(l.When is null ? "" : $" when {l.When}")}: {Show(l.Old)} → {Show(l.New)} {l.Unit} ({l.Direction.ToString().ToLowerInvariant()})"
                           + (l.Note is null ? "" : $" — {l.Note}");
                w.WriteLine(l.Direction == Direction.Lowered || l.Direction == Direction.Removed ? Red(line) : Green(line));
                if (!l.OldSteps.IsEmpty)
                {
                    w.WriteLine("    old steps: " + Steps(l.OldSteps));
                }

                if (!l.NewSteps.IsEmpty)
                {
                    w.WriteLine("    new steps: " + Steps(l.NewSteps));
                }
            }

            if (c.Eligibility is { } e)
            {
                w.WriteLine($"  eligibility {e.Direction.ToString().ToLowerInvariant()}: {Red(Rule(e.Old))} → {Green(Rule(e.New))}");
                foreach (var r in e.Gained)
                {
                    w.WriteLine("    gains: " + FloorProver.Describe(r));
                }

                foreach (var r in e.Lost)
                {
                    w.WriteLine("    loses: " + Red(FloorProver.Describe(r)));
                }

                if (e.Note is { } note)
                {
                    w.WriteLine("    note: " + note);
                }
            }

            if (c.Rule is { } added)
            {
                w.WriteLine("  rule: " + added);
            }

            foreach (var q in c.Quantities)
            {
                w.WriteLine("  level: " + q);
            }

            foreach (var f in c.Fields)
            {
                w.WriteLine($"  {f.Field}: {(colour ? Colourise(f.Diff) : f.Diff)}");
            }
        }
    }

    public static void Markdown(TextWriter w, StandardsDiff diff)
    {
        w.WriteLine($"### Standards diff: {string.Join(", ", diff.Old.Select(s => $"`{s.Standard}`"))} → {string.Join(", ", diff.New.Select(s => $"`{s.Standard}`"))}");
        w.WriteLine();
        w.WriteLine("| change | items |");
        w.WriteLine("|---|---:|");
        foreach (var (name, count) in DiffSummary.Counts(diff))
        {
            w.WriteLine($"| {name} | {count} |");
        }

        foreach (var c in diff.Changes)
        {
            w.WriteLine();
            w.WriteLine($"#### `{c.Item}` {Escape(c.Name.Zh)} — {string.Join(", ", c.Kinds.Select(DiffSummary.Name))}");
            if (c.OldName is { } old)
            {
                w.WriteLine($"- renamed from {Escape(old.Zh)}");
            }

            foreach (var l in c.Level)
            {
                w.WriteLine($"- **{l.Quantity}**{(l.When is null ? "" : $" when `{l.When}`")}: {Show(l.Old)} → {Show(l.New)} {l.Unit} (**{l.Direction.ToString().ToLowerInvariant()}**)" +
                            (l.Note is null ? "" : $" — {l.Note}") +
                            (l.OldSteps.IsEmpty && l.NewSteps.IsEmpty ? "" : $"; steps: old {Steps(l.OldSteps)}; new {Steps(l.NewSteps)}"));
            }

            if (c.Eligibility is { } e)
            {
                w.WriteLine($"- eligibility **{e.Direction.ToString().ToLowerInvariant()}**: {Code(e.Old)} → {Code(e.New)}");
                foreach (var r in e.Gained)
                {
                    w.WriteLine($"  - gains: `{FloorProver.Describe(r)}`");
                }

                foreach (var r in e.Lost)
                {
                    w.WriteLine($"  - loses: `{FloorProver.Describe(r)}`");
                }

                if (e.Note is { } note)
                {
                    w.WriteLine($"  - note: {Escape(note)}");
                }
            }

            if (c.Rule is { } added)
            {
                w.WriteLine($"- rule: {Code(added)}");
            }

            foreach (var q in c.Quantities)
            {
                w.WriteLine($"- level: {Escape(q)}");
            }

            foreach (var f in c.Fields)
            {
                w.WriteLine($"- {f.Field}: {Escape(f.Diff).Replace("[-", "~~", StringComparison.Ordinal).Replace("-]", "~~", StringComparison.Ordinal).Replace("{+", "**", StringComparison.Ordinal).Replace("+}", "**", StringComparison.Ordinal)}");
            }
        }
    }

    private static string Rule(string? rule) => rule ?? "(inherited from the parent)";

    private static string Code(string? rule) => rule is null ? "(inherited from the parent)" : $"`{rule}`";

    private static string Show(decimal? d) => d?.ToString(CultureInfo.InvariantCulture) ?? "—";

    private static string Steps(IEnumerable<Model.DatedValue> steps) =>
        string.Join(", ", steps.Select(s => $"{s.From:yyyy-MM-dd}: {s.Value.ToString(CultureInfo.InvariantCulture)}"));

    private static string Colourise(string diff) => diff
        .Replace("[-", "\u001b[31m", StringComparison.Ordinal).Replace("-]", "\u001b[0m", StringComparison.Ordinal)
        .Replace("{+", "\u001b[32m", StringComparison.Ordinal).Replace("+}", "\u001b[0m", StringComparison.Ordinal);

    private static string Escape(string s) => s.Replace("|", "\\|", StringComparison.Ordinal);
}
