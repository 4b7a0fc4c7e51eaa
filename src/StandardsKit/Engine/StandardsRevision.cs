using System.Reflection;

namespace StandardsKit.Engine;

/// <summary>
/// What made a decision: the exact standards files loaded and the engine that evaluated them. Every evaluation
/// result carries it (SPEC §6 <c>"revision"</c>), so a stored answer can be tied back to its inputs and
/// <c>standardskit replay</c> can say when they changed.
/// </summary>
/// <remarks>
/// <see cref="Standards"/> is the SHA-256 (lowercase hex) of the text that <c>sha256sum</c> prints for the loaded
/// files sorted by relative path: one line per file, <c>&lt;sha256 of its bytes&gt;  &lt;path relative to the
/// loaded folder&gt;\n</c>, paths '/'-separated and sorted by ordinal (byte) order. For a checkout,
/// <c>cd standards &amp;&amp; find . -type f \( -name '*.yaml' -o -name '*.yml' \) -printf '%P\n' | LC_ALL=C sort |
/// xargs -d '\n' sha256sum | sha256sum</c> prints the same value as <see cref="Catalog.Default"/>. Files taken
/// from the embedded default because a folder lacks them (facts, divisions) are listed as
/// <c>(embedded)/&lt;path&gt;</c>. See docs/service.md.
/// </remarks>
/// <param name="Standards">SHA-256 over the loaded standards files, as defined above.</param>
/// <param name="Engine">The StandardsKit version that evaluated (the assembly's informational version).</param>
public sealed record StandardsRevision(string Standards, string Engine)
{
    /// <summary>This engine's version: the informational version of the StandardsKit assembly.</summary>
    public static string EngineVersion { get; } =
        typeof(StandardsRevision).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(StandardsRevision).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
