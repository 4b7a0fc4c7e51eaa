using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using StandardsKit.Cli.Output;
using StandardsKit.Diagnostics;
using StandardsKit.Testing;

namespace StandardsKit.Cli.Commands;

internal static class TestCommand
{
    public static Command Create(ConsoleIo io, Option<string?> standards)
    {
        var paths = new Argument<string[]>("paths") { Description = "Test files or folders (default: the tests that come with the standards)", Arity = ArgumentArity.ZeroOrMore };
        var format = new Option<string>("--format") { Description = "text, junit (JUnit XML for CI test reports) or json (schemas/test-output.schema.json)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "junit", "json");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file, whole or not at all (default: standard output)" };
        var coverage = new Option<bool>("--coverage") { Description = "Report, per jurisdiction and item, which outcomes, tiers, dated values and editions the cases exercise" };
        var minCoverage = new Option<string?>("--min-coverage") { Description = "Exit 1 when coverage is below this percentage (0-100); implies --coverage" };
        var command = new Command("test", "Run YAML test cases; ends with 'N passed, N failed' (on standard error when the report is JUnit, JSON or a file). Exit 1 when any fails or nothing loads, 2 when there is no case.")
        {
            paths, format, output, coverage, minCoverage,
        };
        command.SetAction(parse =>
        {
            var minimum = MinCoverage(parse.GetValue(minCoverage));
            var measure = parse.GetValue(coverage) || minimum is not null;
            var given = parse.GetValue(paths) ?? [];
            var run = Run(parse.GetValue(standards), given, measure, io);
            var chosen = parse.GetValue(format)!;
            var outPath = parse.GetValue(output);

            // The closing line goes where a person reads it: last on stdout in a text report there, else last on stderr.
            var summaryInReport = chosen == "text" && outPath is null;
            if (run.Results.IsEmpty && run.Errors.Count == 0)
            {
                (summaryInReport ? io.Out : io.Error).Line(run.Summary);
                throw new CliException($"no test cases in {(given.Length == 0 ? "the standards in use" : string.Join(", ", given))}; " +
                                       "write cases under 'tests:' in a YAML file (docs/authoring.md, \"Test cases\")");
            }

            if (outPath is null)
            {
                Render(io.Out, run, chosen, measure);
            }
            else
            {
                using var target = AtomicOutput.Create(outPath);
                using (var writer = new StreamWriter(target.Stream, new UTF8Encoding(false), leaveOpen: true))
                {
                    Render(writer, run, chosen, measure);
                }

                target.Commit();
            }

            if (chosen == "junit" && run.Coverage is { } measured)
            {
                TestText.Coverage(io.Error, measured); // JUnit has no place for it
            }

            var below = minimum is { } min && run.Coverage is { } c && !c.Reaches(min);
            if (below)
            {
                io.Error.Line($"standardskit: coverage {run.Coverage!.PercentText}% ({run.Coverage.Covered} of {run.Coverage.Goals} goals) is below " +
                              $"--min-coverage {minimum!.Value.ToString(CultureInfo.InvariantCulture)}; add cases for the goals listed after 'no case for:'");
            }

            if (!summaryInReport)
            {
                io.Error.Line(run.Summary);
            }

            return run.Failed == 0 && !below ? CliApp.Ok : CliApp.Findings;
        });
        return command;
    }

    private static void Render(TextWriter w, TestRun run, string format, bool coverageAsked)
    {
        switch (format)
        {
            case "junit":
                TestJUnit.Write(w, run);
                break;
            case "json":
                TestJson.Write(w, run, coverageAsked);
                break;
            default:
                TestText.Write(w, run, withSummary: true);
                break;
        }
    }

    /// <summary>Loads the standards and the cases, and runs them; errors in either are reported on stderr and counted, never thrown.</summary>
    private static TestRun Run(string? option, string[] given, bool measure, ConsoleIo io)
    {
        var clock = Stopwatch.StartNew();
        var choice = CatalogSource.Choose(option, given, io);
        var errors = new List<Diagnostic>();
        Catalog? catalog = Catalog.Default; // proven in CI and by `validate`
        if (choice.Directory is not null)
        {
            var loaded = CatalogSource.Load(choice);
            catalog = loaded.Catalog;
            if (catalog is null)
            {
                errors.AddRange(loaded.Diagnostics.Where(d => d.Severity == Severity.Error));
                foreach (var d in errors.Take(20))
                {
                    io.Error.Line(d.ToString());
                }

                io.Error.Line($"standardskit: the standards in {choice.Directory} have errors ({errors.Count}); no case was run; 'standardskit validate' lists them all");
            }
        }

        var cases = catalog?.Tests ?? [];
        if (given.Length > 0)
        {
            CatalogLoadResult loaded;
            try
            {
                loaded = Catalog.LoadPaths(given);
            }
            catch (IOException e)
            {
                throw new CliException(e.Message);
            }

            foreach (var d in loaded.Diagnostics)
            {
                io.Error.Line(d.ToString());
            }

            errors.AddRange(loaded.Diagnostics.Where(d => d.Severity == Severity.Error));
            cases = loaded.Tests;
        }

        if (catalog is null || errors.Count > 0)
        {
            return new TestRun([], errors, null, clock.Elapsed);
        }

        var results = cases.Select(c =>
        {
            var started = clock.Elapsed;
            var result = TestRunner.Run(catalog, c);
            return new TimedResult(result, clock.Elapsed - started);
        }).ToList();
        return new TestRun([.. results], errors, measure ? TestCoverage.Measure(catalog, cases) : null, clock.Elapsed);
    }

    private static decimal? MinCoverage(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var p) && p <= 100
            ? p
            : throw new CliException($"--min-coverage '{Arguments.Shorten(text)}' is not a percentage; give a number from 0 to 100, e.g. --min-coverage 80");
    }
}
