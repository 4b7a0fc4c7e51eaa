using StandardsKit.Diagnostics;
using StandardsKit.Engine;

namespace StandardsKit.DependencyInjection;

/// <summary>What a <see cref="CatalogProvider"/> serves and how its last load went: the answer of a readiness probe.</summary>
/// <param name="Revision">The revision being served, or null before the first successful load.</param>
/// <param name="LoadedAt">When the served catalog was loaded.</param>
/// <param name="LastAttemptAt">When loading was last attempted.</param>
/// <param name="LastError">
/// Why the last attempt was not swapped in (its first errors), or null when it succeeded; while set, the provider
/// keeps serving <paramref name="Revision"/>, the last good one.
/// </param>
/// <param name="LastErrors">The error diagnostics of the last failed attempt; empty after a success.</param>
public sealed record CatalogStatus(StandardsRevision? Revision, DateTimeOffset? LoadedAt, DateTimeOffset? LastAttemptAt, string? LastError,
    IReadOnlyList<Diagnostic> LastErrors)
{
    /// <summary>True when a catalog is being served.</summary>
    public bool Ready => Revision is not null;
}
