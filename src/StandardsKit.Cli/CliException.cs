namespace StandardsKit.Cli;

/// <summary>A user error: printed as one line on stderr, never as a stack trace.</summary>
internal sealed class CliException(string message, int exitCode = CliApp.UsageOrIo) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
