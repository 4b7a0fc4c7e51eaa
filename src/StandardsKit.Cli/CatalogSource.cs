using StandardsKit.Cli.Output;
using StandardsKit.Diagnostics;

namespace StandardsKit.Cli;

/// <summary>
/// Which standards a command uses, found as git finds <c>.git</c>: <c>--standards DIR</c>; else the tree the given
/// paths belong to; else the nearest standards tree above the current directory; only when there is none, the
/// embedded default. Every command that reads standards goes through <see cref="Choose"/>, which says once on
/// standard error which standards it chose (README, "Which standards a command uses").
/// </summary>
internal static class CatalogSource
{
    /// <summary>The file that marks the root of a standards tree.</summary>
    public const string RootMarker = "facts.yaml";

    /// <summary>Chooses the standards and says which on standard error (once: call it once per command).</summary>
    /// <param name="option">The value of <c>--standards</c>, if given.</param>
    /// <param name="paths">Files or folders the command was given; the tree the first of them belongs to wins over the current directory's.</param>
    /// <param name="io">The command's streams and where it runs.</param>
    /// <param name="pathsAreStandards">The paths are standards themselves (validate): outside any tree they are a set of their own.</param>
    public static StandardsChoice Choose(string? option, IEnumerable<string> paths, ConsoleIo io, bool pathsAreStandards = false)
    {
        var given = paths.ToList();
        StandardsChoice choice;
        if (option is not null)
        {
            choice = new StandardsChoice(option, "--standards");
        }
        else if (given.Select(TreeOf).FirstOrDefault(root => root is not null) is { } root)
        {
            choice = new StandardsChoice(Shown(root, io), "the tree the given paths belong to");
        }
        else if (pathsAreStandards && given.Count > 0)
        {
            choice = new StandardsChoice(null, "the given paths, in no standards tree; facts and divisions embedded where they have none") { Paths = given };
        }
        else if (io.WorkingDirectory is { } cwd && TreeAbove(cwd) is { } tree)
        {
            choice = new StandardsChoice(Shown(tree, io), "working tree");
        }
        else
        {
            choice = StandardsChoice.Embedded;
        }

        io.Error.Line("standardskit: " + choice.Describe());
        return choice;
    }

    /// <summary>The root of the standards tree a file or folder belongs to: the nearest folder at or above it holding <c>facts.yaml</c>.</summary>
    public static string? TreeOf(string path)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }

        var start = Directory.Exists(full) ? full : Path.GetDirectoryName(full);
        for (var d = start is null ? null : new DirectoryInfo(start); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, RootMarker)))
            {
                return d.FullName;
            }
        }

        return null;
    }

    /// <summary>
    /// The standards tree for a command run in <paramref name="directory"/>: walking up, a folder holding
    /// <c>facts.yaml</c>, or a repository root holding <c>standards/facts.yaml</c>.
    /// </summary>
    public static string? TreeAbove(string directory)
    {
        for (var d = new DirectoryInfo(Path.GetFullPath(directory)); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, RootMarker)))
            {
                return d.FullName;
            }

            if (File.Exists(Path.Combine(d.FullName, "standards", RootMarker)))
            {
                return Path.Combine(d.FullName, "standards");
            }
        }

        return null;
    }

    /// <summary>Loads the chosen standards (embedded or a folder), with every diagnostic.</summary>
    public static CatalogLoadResult Load(StandardsChoice choice, IEnumerable<string>? alsoLoad = null)
    {
        if (choice.Directory is null)
        {
            return Catalog.LoadEmbedded();
        }

        var extra = (alsoLoad ?? []).Where(p => !Inside(p, choice.Directory)).ToList();
        return ReadingFolder(() => extra.Count == 0 ? Catalog.LoadDirectory(choice.Directory) : Catalog.LoadPaths([choice.Directory, .. extra]));
    }

    /// <summary>A folder that cannot be read (missing, not allowed) ends the command with its one-line message.</summary>
    private static CatalogLoadResult ReadingFolder(Func<CatalogLoadResult> load)
    {
        try
        {
            return load();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException(e.Message);
        }
    }

    /// <summary>For commands that need a working catalog: chooses, says which, and ends the command with exit 1 on errors in the standards.</summary>
    public static Catalog LoadOrFail(string? option, ConsoleIo io, IEnumerable<string>? paths = null) =>
        LoadOrFail(Choose(option, paths ?? [], io), io);

    /// <summary>For commands that need a working catalog: errors in the standards end the command with exit 1.</summary>
    public static Catalog LoadOrFail(StandardsChoice choice, ConsoleIo io)
    {
        if (choice.Directory is null)
        {
            return Catalog.Default; // proven in CI and by `validate`; evaluation commands need not re-prove it
        }

        // Only evaluating: files identical to the embedded ones need not be schema-checked again (validate does check them).
        var result = ReadingFolder(() => Catalog.LoadDirectoryToEvaluate(choice.Directory));
        if (result.Catalog is { } catalog)
        {
            return catalog;
        }

        foreach (var d in result.Diagnostics.Where(d => d.Severity == Severity.Error).Take(20))
        {
            io.Error.Line(d.ToString());
        }

        throw new CliException($"the standards in {choice.Directory} have errors; run 'standardskit validate' for the full list", CliApp.Findings);
    }

    /// <summary>Whether a path lies in a folder (or is it).</summary>
    public static bool Inside(string path, string folder)
    {
        var p = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var f = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        return p.Equals(f, StringComparison.Ordinal) || p.StartsWith(f + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <summary>A found root as the user would write it: relative to where they are, so file:line:col in messages is clickable.</summary>
    private static string Shown(string root, ConsoleIo io)
    {
        if (io.WorkingDirectory is not { } cwd || !string.Equals(Path.GetFullPath(cwd), Environment.CurrentDirectory, StringComparison.Ordinal))
        {
            return root;
        }

        var relative = Path.GetRelativePath(cwd, root);
        return Path.IsPathRooted(relative) ? root : relative;
    }
}
