namespace StandardsKit.Input;

/// <summary>
/// The path with every symbolic link resolved, component by component (what <c>realpath(3)</c> returns), so
/// that "is this inside the folder?" is asked of where a file really is, not of how it is named.
/// </summary>
internal static class RealPath
{
    private const int MaxLinks = 40;

    public static StringComparison Comparison =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>Resolves <paramref name="path"/>; components that do not exist are kept as written.</summary>
    /// <exception cref="InputRefusedException">More than 40 links were followed (a link loop).</exception>
    public static string Of(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var pending = new List<string>(Components(full[root.Length..]));
        var current = root;
        var links = 0;
        for (var i = 0; i < pending.Count; i++)
        {
            var part = pending[i];
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                // current holds no links, so its lexical parent is its real parent.
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }

            var next = Path.Combine(current, part);
            string? target;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                target = null;
            }

            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new InputRefusedException($"{path}: too many levels of symbolic links (a link loop)");
            }

            // Continue with the link's target followed by what was left of the path.
            var resolved = Path.IsPathRooted(target) ? target : Path.Combine(current, target);
            var resolvedRoot = Path.GetPathRoot(resolved) ?? root;
            var rest = pending.Skip(i + 1).ToList();
            pending = [.. Components(resolved[resolvedRoot.Length..]), .. rest];
            current = resolvedRoot;
            i = -1;
        }

        return current;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or inside it (both real paths).</summary>
    public static bool IsInside(string path, string folder)
    {
        var f = Path.TrimEndingDirectorySeparator(folder);
        return path.Equals(f, Comparison)
               || (path.StartsWith(f, Comparison) && path.Length > f.Length && (path[f.Length] == Path.DirectorySeparatorChar || path[f.Length] == Path.AltDirectorySeparatorChar))
               || (Path.GetPathRoot(f) == f && path.StartsWith(f, Comparison));
    }

    private static string[] Components(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
}
