using StandardsKit.Cli;

namespace StandardsKit.Tests.Cli;

/// <param name="Standards">The line that says which standards the command used ("standardskit: standards: …"), kept apart from <paramref name="Err"/>.</param>
internal sealed record CliResult(int ExitCode, string Out, string Err, string? Standards = null)
{
    public string[] OutLines => Out.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
}

internal static class CliHarness
{
    public static CliResult Run(params string[] args) => RunWithInput("", args);

    /// <summary>Runs as if started in <paramref name="directory"/>: the standards tree above it is found, as for a user.</summary>
    public static CliResult RunIn(string directory, params string[] args) => RunWithInput("", args, directory);

    public static CliResult RunWithInput(string stdin, params string[] args) => RunWithInput(stdin, args, workingDirectory: null);

    private static CliResult RunWithInput(string stdin, string[] args, string? workingDirectory)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var input = new StringReader(stdin);
        var code = CliApp.Run(args, stdout, stderr, input, workingDirectory);
        // Which standards were used is said once, first, on stderr; tests of errors read the rest.
        var err = stderr.ToString();
        const string Header = "standardskit: standards: ";
        if (err.StartsWith(Header, StringComparison.Ordinal))
        {
            var end = err.IndexOf('\n', StringComparison.Ordinal);
            return new CliResult(code, stdout.ToString(), end < 0 ? "" : err[(end + 1)..], (end < 0 ? err : err[..end]).TrimEnd('\r'));
        }

        return new CliResult(code, stdout.ToString(), err);
    }
}
