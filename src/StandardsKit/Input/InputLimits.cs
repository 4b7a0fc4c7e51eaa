namespace StandardsKit.Input;

/// <summary>
/// The bounds on everything read from outside, in one place (documented in <c>docs/limits.md</c>). Each is far
/// above what real standards need and low enough that a hostile input ends in an error, not in gigabytes.
/// </summary>
internal static class InputLimits
{
    /// <summary>One YAML file.</summary>
    public const int MaxFileBytes = 8 * 1024 * 1024;

    /// <summary>YAML nodes in one file.</summary>
    public const int MaxFileNodes = 1_000_000;

    /// <summary>Bytes of every file of one load together.</summary>
    public const long MaxTotalBytes = 64L * 1024 * 1024;

    /// <summary>YAML nodes of every file of one load together.</summary>
    public const int MaxTotalNodes = 2_000_000;

    /// <summary>YAML files in one load.</summary>
    public const int MaxFiles = 20_000;

    /// <summary>Folder levels below a standards folder.</summary>
    public const int MaxFolderDepth = 32;

    /// <summary>A resident JSON file or standard input.</summary>
    public const int MaxResidentBytes = 1024 * 1024;

    /// <summary>An official text for <c>import</c> (the national standard's text is about 100 KB).</summary>
    public const int MaxOfficialTextBytes = 16 * 1024 * 1024;
}
