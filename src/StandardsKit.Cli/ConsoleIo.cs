namespace StandardsKit.Cli;

/// <summary>The streams a command writes to, injectable so tests run the CLI in-process.</summary>
internal sealed record ConsoleIo(TextWriter Out, TextWriter Error, TextReader In);
