using StandardsKit.Cli;

namespace StandardsKit.Tests.Cli;

internal sealed record CliResult(int ExitCode, string Out, string Err)
{
    public string[] OutLines => Out.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
}

internal static class CliHarness
{
    public static CliResult Run(params string[] args) => RunWithInput("", args);

    public static CliResult RunWithInput(string stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var input = new StringReader(stdin);
        var code = CliApp.Run(args, stdout, stderr, input);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }
}
