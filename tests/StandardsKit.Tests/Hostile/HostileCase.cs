namespace StandardsKit.Tests.Hostile;

/// <summary>Where a case's one-line error is expected.</summary>
internal enum ErrorOn
{
    /// <summary>No error: the case must succeed (exit 0) or only report findings it names in <see cref="HostileCase.Error"/>.</summary>
    None,

    /// <summary>A diagnostic line <c>file:line:col: error SKnnnn: …</c> on standard output (validate, test).</summary>
    Out,

    /// <summary>A line <c>standardskit: …</c> (or a diagnostic) on standard error (eval, diff, import, usage errors).</summary>
    Err,
}

/// <summary>
/// One hostile input: how its files are laid out (inside the case's own folder, which is also the working
/// directory and TMPDIR's parent), the command line, and what must happen. Every case is also held to the
/// corpus-wide bounds in <see cref="HostileCorpusTests"/>: no crash or stack trace, ≤ 10 s, ≤ 512 MB, no raw
/// control characters or forged <c>::</c> lines in the output, nothing written outside what it may write.
/// </summary>
internal sealed record HostileCase
{
    /// <summary>"command/what", e.g. "validate/fifo-named-yaml"; also the xunit case name.</summary>
    public required string Id { get; init; }

    /// <summary>Creates the inputs in the case's working folder.</summary>
    public Action<CaseFolder> Arrange { get; init; } = _ => { };

    /// <summary>The command line, with paths relative to the working folder.</summary>
    public required string[] Args { get; init; }

    /// <summary>A path (relative to the working folder, or absolute such as /dev/zero) read as standard input.</summary>
    public string? Stdin { get; init; }

    public required int Exit { get; init; }

    public ErrorOn ErrorOn { get; init; } = ErrorOn.None;

    /// <summary>A regular expression the error line must match (a code, a phrase).</summary>
    public string? Error { get; init; }

    /// <summary>The error line names a position, <c>file:line:col</c>.</summary>
    public bool Positioned { get; init; }

    /// <summary>Paths (relative to the working folder) the command may change, e.g. the edition <c>import --fill</c> writes.</summary>
    public string[] MayWrite { get; init; } = [];

    /// <summary>Standard output is one JSON document (<c>--format json</c>).</summary>
    public bool Json { get; init; }

    /// <summary>The output uses GitHub workflow commands on purpose (<c>--format github</c>).</summary>
    public bool WorkflowCommands { get; init; }

    /// <summary>Further checks on the result (what was printed, what the files look like afterwards).</summary>
    public Action<CaseFolder, CaseResult>? Then { get; init; }

    public override string ToString() => Id;
}

/// <summary>What the runner measured for one case.</summary>
internal sealed record CaseResult(int Exit, string Stdout, long StdoutChars, string Stderr, long StderrChars, long WallMs, long CpuMs,
    long PeakRssBytes, string? Crash)
{
    public IEnumerable<string> Lines => (Stderr + "\n" + Stdout).Split('\n');
}
