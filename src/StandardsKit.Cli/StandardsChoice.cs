using StandardsKit.Engine;

namespace StandardsKit.Cli;

/// <summary>The standards a command uses: a folder (and why it was chosen), or the embedded default.</summary>
/// <param name="Directory">The folder, or null for the embedded standards.</param>
/// <param name="Why">How it was chosen.</param>
internal sealed record StandardsChoice(string? Directory, string Why)
{
    public static readonly StandardsChoice Embedded = new(null, "embedded default");

    /// <summary>Standards given as paths outside any tree (validate): loaded as a set of their own.</summary>
    public IReadOnlyList<string>? Paths { get; init; }

    public string Describe() => Paths is not null
        ? $"standards: {string.Join(", ", Paths)} ({Why})"
        : Directory is null
        ? $"standards: embedded default (StandardsKit {StandardsRevision.EngineVersion}; no standards tree here)"
        : $"standards: {Directory} ({Why})";
}
