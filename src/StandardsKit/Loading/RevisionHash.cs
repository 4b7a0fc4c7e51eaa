using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using StandardsKit.Engine;

namespace StandardsKit.Loading;

/// <summary>
/// Builds <see cref="StandardsRevision.Standards"/> from the bytes the loader actually parsed (never a second
/// read, which could see a newer file): <c>sha256sum</c>'s listing of the files, sorted by relative path, hashed.
/// </summary>
internal sealed class RevisionHash
{
    // Files are added from the loader's parallel stages (embedded facts and divisions may be read at once); the
    // listing is sorted by path when the revision is taken, so the order they arrive in does not matter.
    private readonly object _gate = new();
    private readonly List<(string Path, string Hash)> _files = [];

    public void Add(string relativePath, ReadOnlySpan<byte> bytes) => AddHash(relativePath, Sha256(bytes));

    /// <summary>Adds a file hashed elsewhere (the loader hashes files in parallel with parsing them).</summary>
    public void AddHash(string relativePath, string sha256)
    {
        lock (_gate)
        {
            _files.Add((relativePath, sha256));
        }
    }

    /// <summary>The SHA-256 of bytes, lowercase hex, as sha256sum prints it.</summary>
    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    public StandardsRevision ToRevision()
    {
        var listing = new StringBuilder();
        List<(string Path, string Hash)> files;
        lock (_gate)
        {
            files = [.. _files];
        }

        foreach (var (path, hash) in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            listing.Append(hash).Append("  ").Append(path).Append('\n');
        }

        return new StandardsRevision(Of(listing.ToString()), StandardsRevision.EngineVersion);
    }

    /// <summary>The SHA-256 of UTF-8 text, lowercase hex.</summary>
    public static string Of(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();

    /// <summary>
    /// A catalog whose division list was replaced in code answers differently from the files it was loaded
    /// from, so its revision is the loaded one combined with the new list (code, parent, name per line).
    /// </summary>
    public static StandardsRevision WithDivisions(StandardsRevision loaded, IEnumerable<Divisions.Division> divisions)
    {
        var listing = new StringBuilder(loaded.Standards).Append("\ndivisions\n");
        foreach (var d in divisions.OrderBy(d => d.Code, StringComparer.Ordinal))
        {
            listing.Append(CultureInfo.InvariantCulture, $"{d.Code}\t{d.Parent}\t{d.Name}\n");
        }

        return loaded with { Standards = Of(listing.ToString()) };
    }
}
