using StandardsKit.Cli;

namespace StandardsKit.Service.Tests.Support;

/// <summary>Runs the standardskit CLI in-process, for comparing the service with the command line.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Out, string Err) Run(string stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var input = new StringReader(stdin);
        var code = CliApp.Run(args, stdout, stderr, input);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
