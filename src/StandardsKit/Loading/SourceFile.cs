namespace StandardsKit.Loading;

/// <summary>
/// A standards file to load: the path shown in diagnostics and a way to read at most a given number of bytes
/// (the read throws <see cref="Input.InputRefusedException"/> rather than return more, or read what it must not).
/// </summary>
/// <param name="Path">Shown in diagnostics.</param>
/// <param name="Read">Reads the bytes, given the most it may return.</param>
/// <param name="Identity">Where the file really is (its real path), so one file reached twice is loaded once; null when it has no place on disk.</param>
internal sealed record SourceFile(string Path, Func<int, byte[]> Read, string? Identity = null)
{
    /// <summary>
    /// The path relative to the folder that was loaded ('/'-separated), which names the file in the standards
    /// revision hash: the same tree hashes the same wherever it is checked out.
    /// </summary>
    public string RelativePath { get; init; } = Path;
}

