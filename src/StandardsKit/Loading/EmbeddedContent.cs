using System.Collections.Frozen;
using System.Security.Cryptography;

namespace StandardsKit.Loading;

/// <summary>
/// The embedded standards files by the SHA-256 of their bytes, so a load can recognise a file whose bytes are
/// exactly an embedded file's: a checkout of this repository, or a local standards folder that copies the national
/// documents. Such a file has passed the JSON Schema where the package was built (CI runs <c>standardskit
/// validate</c>, which checks every file, and <c>DefaultCatalogTests</c> checks the embedded load), and the schema
/// check depends on nothing but the bytes and the schema embedded beside them, so it need not run again.
/// </summary>
internal static class EmbeddedContent
{
    private static readonly Lazy<FrozenDictionary<string, string>> ByHash = new(() =>
    {
        var assembly = typeof(EmbeddedContent).Assembly;
        var byHash = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(StandardsSources.EmbeddedPrefix, StringComparison.Ordinal) || !name.EndsWith(".yaml", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            // Two embedded files with the same bytes are the same content: either path will do.
            byHash.TryAdd(Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant(), name[StandardsSources.EmbeddedPrefix.Length..]);
        }

        return byHash.ToFrozenDictionary(StringComparer.Ordinal);
    });

    /// <summary>The relative path of the embedded file with these bytes (by <see cref="RevisionHash.Sha256"/>), or null.</summary>
    public static string? PathOf(string sha256) => ByHash.Value.GetValueOrDefault(sha256);

    /// <summary>
    /// Whether embedded bytes at this path hold test cases: the embedded tree keeps them under <c>tests/</c>, and
    /// nothing else there (<c>EmbeddedContentTests</c> checks both directions), so a test file can be recognised
    /// without parsing it.
    /// </summary>
    public static bool IsTests(string relativePath) => relativePath.StartsWith("tests/", StringComparison.Ordinal);
}
