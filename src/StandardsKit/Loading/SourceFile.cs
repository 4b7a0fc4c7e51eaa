namespace StandardsKit.Loading;

/// <summary>A standards file to load: the path shown in diagnostics and a way to read its bytes.</summary>
internal sealed record SourceFile(string Path, Func<byte[]> Read)
{
    /// <summary>
    /// The path relative to the folder that was loaded ('/'-separated), which names the file in the standards
    /// revision hash: the same tree hashes the same wherever it is checked out.
    /// </summary>
    public string RelativePath { get; init; } = Path;
}
