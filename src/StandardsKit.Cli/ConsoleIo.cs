namespace StandardsKit.Cli;

/// <summary>The streams a command writes to, injectable so tests run the CLI in-process.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="In">Standard input.</param>
/// <param name="WorkingDirectory">Where the command runs, for finding the standards tree above it; null (in-process tests) finds none there.</param>
internal sealed record ConsoleIo(TextWriter Out, TextWriter Error, TextReader In, string? WorkingDirectory = null);
