using StandardsKit.Cli.Output;
using System.Text.RegularExpressions;
using StandardsKit.Input;
using StandardsKit.Loading;
using StandardsKit.Model;

namespace StandardsKit.Cli;

/// <summary>Resolves a diff side: a file, a folder, <c>id@edition</c> from the catalog, or <c>REV:path</c> in git.</summary>
internal static partial class DiffSides
{
    public sealed record Side(string Label, IReadOnlyList<StandardDocument> Documents, FactVocabulary Facts, Divisions.DivisionAttributes? Attributes);

    public static Side Load(string spec, StandardsChoice standards, ConsoleIo io)
    {
        if (FileProbe.Of(spec).Type != FileType.Missing)
        {
            return FromResult(spec, Catalog.LoadPaths([spec]), io);
        }

        if (EditionRegex().IsMatch(spec))
        {
            var result = CatalogSource.Load(standards);
            var document = result.Documents.FirstOrDefault(d => d.Key == spec)
                ?? throw new CliException($"no standard {spec} in the {standards.Directory ?? "embedded standards"}; " +
                                          "known: " + string.Join(", ", result.Documents.Select(d => d.Key)));
            return new Side(spec, [document], result.Facts, result.Attributes);
        }

        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            return FromGit(spec[..colon], spec[(colon + 1)..], io);
        }

        throw new CliException($"'{spec}' is not a file, a folder, an id@edition or a REV:path");
    }

    private static Side FromGit(string revision, string path, ConsoleIo io)
    {
        // An absolute path names its repository by where it is; a relative one is inside the current directory's.
        var directory = Path.IsPathRooted(path) ? NearestDirectory(path) : null;
        var entries = GitTree.List(revision, path, directory);
        if (entries.Count == 0)
        {
            throw new CliException($"{revision}:{path} has no *.yaml files in git");
        }

        // Read straight from git into memory: nothing is checked out or written, so no name in the tree can
        // reach the file system, and there is no temporary folder to clean up.
        var blobs = GitTree.Read(entries, directory);
        var files = entries.Select(e => new SourceFile($"{revision}:{e.Path}", max => blobs.TryGetValue(e.Object, out var bytes)
                ? bytes.Length <= max ? bytes : throw new InputRefusedException(OverLimit(revision, e.Path, bytes.Length, max), overLimit: true)
                : throw new InputRefusedException(OverLimit(revision, e.Path, e.Size, max), overLimit: true)))
            .ToList();
        return FromResult($"{revision}:{path}", CatalogLoader.Load(files, fallBackToEmbeddedVocabulary: true), io);
    }

    private static string OverLimit(string revision, string path, long size, long max) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{revision}:{path} is {size:N0} bytes; the limit is {max:N0}");

    private static Side FromResult(string label, CatalogLoadResult result, ConsoleIo io)
    {
        // A side is often a local standard without its parent: reference findings do not stop a comparison.
        foreach (var d in result.Diagnostics.Where(d => d.Severity == Diagnostics.Severity.Error && d.Code is not ("SK0203" or "SK0204")))
        {
            io.Error.Line(d.ToString());
        }

        if (result.Documents.IsEmpty)
        {
            throw new CliException($"{label}: no standard document could be read", CliApp.Findings);
        }

        return new Side(label, result.Documents, result.Facts, result.Attributes);
    }

    private static string NearestDirectory(string path)
    {
        var directory = Directory.Exists(path) ? path : Path.GetDirectoryName(path);
        while (directory is not null && !Directory.Exists(directory))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? "/";
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*@[0-9A-Za-z.-]+$")]
    private static partial Regex EditionRegex();
}
