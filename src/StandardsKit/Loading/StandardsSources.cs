using StandardsKit.Input;

namespace StandardsKit.Loading;

/// <summary>
/// Where standards files come from: the assembly's embedded copy of <c>standards/</c>, or files and folders.
/// A folder is walked without trusting it: symbolic links to folders are not followed (inside the tree they
/// only repeat what the walk reaches anyway, so loops cannot happen; outside it they are refused), a linked
/// file is read only when it really lies inside the folder, and a file reached twice is loaded once.
/// </summary>
internal static class StandardsSources
{
    public const string EmbeddedPrefix = "standards/";

    public static IReadOnlyList<SourceFile> Embedded()
    {
        var assembly = typeof(StandardsSources).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(EmbeddedPrefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new SourceFile(n, _ =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                return buffer.ToArray();
            }) { RelativePath = n[EmbeddedPrefix.Length..] })];
    }

    /// <summary>Every <c>*.yaml</c>/<c>*.yml</c> under each path (or the file itself), in a stable order, each real file once.</summary>
    /// <exception cref="IOException">A path does not exist, or a folder holds more files than a load may.</exception>
    public static IReadOnlyList<SourceFile> FromPaths(IEnumerable<string> paths)
    {
        var seen = new HashSet<string>(StringComparer.FromComparison(RealPath.Comparison));
        var files = new List<SourceFile>();
        foreach (var path in paths)
        {
            foreach (var file in FromPath(path))
            {
                if (file.Identity is null || seen.Add(file.Identity))
                {
                    files.Add(file);
                }
            }
        }

        return files;
    }

    /// <summary>Every <c>*.yaml</c> under <paramref name="path"/> (or the file itself), in a stable order.</summary>
    /// <exception cref="IOException">The path does not exist, or the folder holds more files than a load may.</exception>
    public static IReadOnlyList<SourceFile> FromPath(string path)
    {
        // Asked of the operating system, not of .NET's lexical normalisation: "main:../.." is no folder, even
        // though File and Directory would resolve its ".." before looking and find the parent folder.
        var type = FileProbe.Of(path).Type;
        if (type == FileType.Missing)
        {
            throw new DirectoryNotFoundException($"{path}: no such file or folder");
        }

        if (type != FileType.Directory)
        {
            // A file named on the command line is read even through a link: the user chose it. What it is
            // (a FIFO, /dev/zero, a huge file) is still checked before it is opened.
            return [Regular(Display(path), path, SafeRealPath(path)) with { RelativePath = System.IO.Path.GetFileName(path) }];
        }

        var root = RealPath.Of(path);
        var found = new List<SourceFile>();
        Walk(path, root, 0, found);
        found.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        var seen = new HashSet<string>(StringComparer.FromComparison(RealPath.Comparison));
        return [.. found.Where(f => f.Identity is null || seen.Add(f.Identity)).Select(f => f with { RelativePath = Relative(Display(path), f.Path) })];
    }

    private static void Walk(string folder, string root, int depth, List<SourceFile> found)
    {
        string[] entries;
        try
        {
            entries = [.. Directory.EnumerateFileSystemEntries(folder)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            found.Add(Refused(Display(folder), $"{Display(folder)}: the folder cannot be listed: {e.Message}"));
            return;
        }

        foreach (var entry in entries)
        {
            var info = new FileInfo(entry);
            var isYaml = IsYaml(entry);
            if (info.LinkTarget is not null)
            {
                Link(entry, root, isYaml, found);
            }
            else if (Directory.Exists(entry))
            {
                if (depth + 1 > InputLimits.MaxFolderDepth)
                {
                    found.Add(Refused(Display(entry), $"{Display(entry)}: folders nest deeper than {InputLimits.MaxFolderDepth} levels; deeper files are not read", overLimit: true));
                    continue;
                }

                Walk(entry, root, depth + 1, found);
            }
            else if (isYaml)
            {
                found.Add(Regular(Display(entry), entry, SafeRealPath(entry)));
            }

            if (found.Count > InputLimits.MaxFiles)
            {
                throw new InputRefusedException($"{Display(folder)}: more than {InputLimits.MaxFiles} YAML files in one load; split the folder", overLimit: true);
            }
        }
    }

    private static void Link(string entry, string root, bool isYaml, List<SourceFile> found)
    {
        string real;
        try
        {
            real = RealPath.Of(entry);
        }
        catch (InputRefusedException e)
        {
            if (isYaml)
            {
                found.Add(Refused(Display(entry), e.Message));
            }

            return;
        }

        var isFolder = Directory.Exists(real);
        if (!isYaml && !isFolder)
        {
            return; // not a standards file, wherever it leads
        }

        if (!RealPath.IsInside(real, root))
        {
            found.Add(Refused(Display(entry), $"{Display(entry)} is a symbolic link to {real}, outside the standards folder; it is not followed " +
                                               "(name that path on the command line to load it)"));
            return;
        }

        // Inside the tree, a linked folder holds only what the walk reaches anyway (and may loop): not followed.
        if (isYaml && !isFolder)
        {
            found.Add(Regular(Display(entry), entry, real));
        }
    }

    private static SourceFile Regular(string display, string path, string? identity) =>
        new(display, max => BoundedRead.File(path, max), identity);

    private static SourceFile Refused(string display, string message, bool overLimit = false) =>
        new(display, _ => throw new InputRefusedException(message, overLimit));

    private static string? SafeRealPath(string path)
    {
        try
        {
            return RealPath.Of(path);
        }
        catch (InputRefusedException)
        {
            return null;
        }
    }

    private static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal);

    private static string Relative(string root, string file) => System.IO.Path.GetRelativePath(root, file).Replace('\\', '/');

    private static string Display(string path) => path.Replace('\\', '/').Replace("/./", "/", StringComparison.Ordinal);
}
