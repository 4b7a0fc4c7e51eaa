using StandardsKit.Cli.Output;
using System.CommandLine;
using System.CommandLine.Help;
using System.Text;
using StandardsKit.Cli.Commands;

namespace StandardsKit.Cli;

/// <summary>The <c>standardskit</c> command line: parses arguments and hands each command to the library.</summary>
internal static class CliApp
{
    public const int Ok = 0;
    public const int Findings = 1;
    public const int UsageOrIo = 2;

    /// <summary>Runs a command in-process with no standards tree found from the current directory (paths and --standards still count).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TextReader stdin) => Run(args, stdout, stderr, stdin, workingDirectory: null);

    /// <summary>Runs a command; <paramref name="workingDirectory"/> is where the standards tree is looked for when neither --standards nor a path names one.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TextReader stdin, string? workingDirectory)
    {
        Console.OutputEncoding = Encoding.UTF8;
        StandardsSnapshot.Register();
        var io = new ConsoleIo(stdout, stderr, stdin, workingDirectory);
        var standards = new Option<string?>("--standards")
        {
            Description = "Folder of standards YAML to use (default: the standards tree of the given paths or of the current directory, else the embedded standards)",
            Recursive = true,
        };
        // A named Command rather than RootCommand, so help reads "standardskit" whatever the assembly is called.
        var root = new Command("standardskit", "StandardsKit: China's basic public service standards (国家基本公共服务标准) as validated data and an eligibility engine.")
        {
            new HelpOption(),
            new VersionOption(),
        };
        root.Options.Add(standards);
        root.Subcommands.Add(ValidateCommand.Create(io, standards));
        root.Subcommands.Add(EvalCommand.Create(io, standards));
        root.Subcommands.Add(ListCommand.Create(io, standards));
        root.Subcommands.Add(ShowCommand.Create(io, standards));
        root.Subcommands.Add(TestCommand.Create(io, standards));
        root.Subcommands.Add(DiffCommand.Create(io, standards));
        root.Subcommands.Add(ReportCommand.Create(io, standards));
        root.Subcommands.Add(ImportCommand.Create(io, standards));
        root.Subcommands.Add(ReplayCommand.Create(io, standards));
        root.Subcommands.Add(ServeCommand.Create(io, standards));
        root.Subcommands.Add(ScreenCommand.Create(io, standards));
        root.Subcommands.Add(EqualizationCommand.Create(io, standards));
        root.Subcommands.Add(SchemaCommand.Create(io, standards));
        root.Subcommands.Add(FactsCommand.Create(io, standards));
        root.Subcommands.Add(StandardsCommand.Create(io, standards));
        root.Subcommands.Add(DivisionsCommand.Create(io, standards));

        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                // System.CommandLine lists choices on lines of their own; an error stays one line.
                stderr.Line($"standardskit: {string.Join(' ', error.Message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))}");
            }

            stderr.Line("Run 'standardskit --help' for usage.");
            return UsageOrIo;
        }

        try
        {
            return result.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (CliException e)
        {
            stderr.Line($"standardskit: {e.Message}");
            return e.ExitCode;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.Line($"standardskit: {e.Message}");
            return UsageOrIo;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug, not a user error: still one line, with what to report.
            stderr.Line($"standardskit: internal error ({e.GetType().Name}: {e.Message}); please report it with the command you ran");
            return 70;
        }
    }
}
