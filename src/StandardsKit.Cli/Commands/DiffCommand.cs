using System.CommandLine;
using StandardsKit.Cli.Output;
using StandardsKit.Diff;

namespace StandardsKit.Cli.Commands;

internal static class DiffCommand
{
    private static readonly string[] FailKinds = ["added", "removed", "renamed", "moved", "lowered", "raised", "narrowed", "widened", "changed", "text"];

    public static Command Create(ConsoleIo io, Option<string?> standards)
    {
        var oldSide = new Argument<string>("old") { Description = "Old side: a file, a folder, id@edition (e.g. cn-national@2021) or REV:path in git (e.g. origin/main:standards)" };
        var newSide = new Argument<string>("new") { Description = "New side, in the same forms" };
        var format = new Option<string>("--format") { Description = "text, markdown (pull-request comment) or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "markdown", "json");
        var failOn = new Option<string?>("--fail-on") { Description = "Exit 1 when any of these changes is found, e.g. lowered,narrowed,removed" };
        var lang = Language.CreateOption();
        var command = new Command("diff", "Compare two revisions of standards by meaning: items added, removed, renamed; levels raised or lowered; eligibility widened or narrowed with example residents; text changes.")
        {
            oldSide, newSide, format, failOn, lang,
        };
        command.SetAction(parse =>
        {
            var gates = ParseGates(parse.GetValue(failOn));
            string[] sides = [parse.GetValue(oldSide)!, parse.GetValue(newSide)!];
            var choice = CatalogSource.Choose(parse.GetValue(standards), sides.Where(s => File.Exists(s) || Directory.Exists(s)), io);
            var before = DiffSides.Load(sides[0], choice, io);
            var after = DiffSides.Load(sides[1], choice, io);
            // Inherited rules of a side that lacks its parent are read from the standards in use.
            var context = choice.Directory is null ? Catalog.Default.Documents : CatalogSource.Load(choice).Documents;
            var diff = SemanticDiff.Compare(before.Documents, after.Documents, before.Facts, after.Facts, context, before.Attributes, after.Attributes);
            switch (parse.GetValue(format))
            {
                case "json":
                    DiffJson.Write(io.Out, diff);
                    break;
                case "markdown":
                    DiffText.Markdown(io.Out, diff, Language.Of(parse.GetValue(lang)));
                    break;
                default:
                    DiffText.Text(io.Out, diff, colour: ReferenceEquals(io.Out, Console.Out) && !Console.IsOutputRedirected, Language.Of(parse.GetValue(lang)));
                    break;
            }

            var hits = gates.Where(g => Hit(diff, g)).ToList();
            if (hits.Count > 0)
            {
                io.Error.Line($"standardskit: diff found {string.Join(", ", hits)} changes (--fail-on)");
                return CliApp.Findings;
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static List<string> ParseGates(string? text)
    {
        var gates = (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        foreach (var g in gates.Where(g => !FailKinds.Contains(g)))
        {
            throw new CliException($"--fail-on '{g}' is not a change kind; use {string.Join(", ", FailKinds)}");
        }

        return gates;
    }

    private static bool Hit(StandardsDiff diff, string gate) => gate switch
    {
        "added" => diff.Count(ChangeKind.Added) > 0,
        "removed" => diff.Count(ChangeKind.Removed) > 0 || diff.CountLevel(Direction.Removed) > 0,
        "renamed" => diff.Count(ChangeKind.Renamed) > 0,
        "moved" => diff.Count(ChangeKind.Moved) > 0,
        "lowered" => diff.CountLevel(Direction.Lowered) > 0,
        "raised" => diff.CountLevel(Direction.Raised) > 0,
        "narrowed" => diff.CountEligibility(EligibilityDirection.Narrowed) > 0 || diff.CountEligibility(EligibilityDirection.Changed) > 0,
        "widened" => diff.CountEligibility(EligibilityDirection.Widened) > 0,
        "changed" => diff.Changes.Length > 0,
        _ => diff.Count(ChangeKind.Text) > 0,
    };
}
