using StandardsKit.Cli.Output;
using System.CommandLine;
using StandardsKit.Testing;

namespace StandardsKit.Cli.Commands;

internal static class TestCommand
{
    public static Command Create(ConsoleIo io, Option<string?> standards)
    {
        var paths = new Argument<string[]>("paths") { Description = "Test files or folders (default: the tests that come with the standards)", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("test", "Run YAML test cases; ends with 'N passed, N failed'. Exit 1 when any fails.") { paths };
        command.SetAction(parse =>
        {
            var given = parse.GetValue(paths) ?? [];
            var catalog = CatalogSource.LoadOrFail(parse.GetValue(standards), io, given);
            var cases = catalog.Tests;
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

                if (loaded.Diagnostics.Any(d => d.Severity == Diagnostics.Severity.Error))
                {
                    return CliApp.Findings;
                }

                cases = loaded.Tests;
            }

            var results = TestRunner.Run(catalog, cases);
            foreach (var result in results)
            {
                io.Out.Line($"{(result.Passed ? "PASS" : "FAIL")} {result.Case.Name}  ({result.Case.Span})");
                foreach (var failure in result.Failures)
                {
                    io.Out.Line("     " + failure);
                }
            }

            var passed = results.Count(r => r.Passed);
            io.Out.Line($"{passed} passed, {results.Length - passed} failed");
            return passed == results.Length ? CliApp.Ok : CliApp.Findings;
        });
        return command;
    }
}
