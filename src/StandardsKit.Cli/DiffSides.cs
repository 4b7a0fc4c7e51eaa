using StandardsKit.Cli.Output;
using System.Diagnostics;
using System.Text.RegularExpressions;
using StandardsKit.Model;

namespace StandardsKit.Cli;

/// <summary>Resolves a diff side: a file, a folder, <c>id@edition</c> from the catalog, or <c>REV:path</c> in git.</summary>
internal static partial class DiffSides
{
    public sealed record Side(string Label, IReadOnlyList<StandardDocument> Documents, FactVocabulary Facts);

    public static Side Load(string spec, string? standardsDirectory, ConsoleIo io)
    {
        if (File.Exists(spec) || Directory.Exists(spec))
        {
            return FromResult(spec, Catalog.LoadPaths([spec]), io);
        }

        if (EditionRegex().IsMatch(spec))
        {
            var result = standardsDirectory is null ? Catalog.LoadEmbedded() : CatalogSource.Load(standardsDirectory);
            var document = result.Documents.FirstOrDefault(d => d.Key == spec)
                ?? throw new CliException($"no standard {spec} in the {(standardsDirectory is null ? "embedded standards" : standardsDirectory)}; " +
                                          "known: " + string.Join(", ", result.Documents.Select(d => d.Key)));
            return new Side(spec, [document], result.Facts);
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
        var listing = Git(["ls-tree", "-r", "--name-only", "--full-name", revision, "--", path.Length == 0 ? "." : path], directory);
        var files = listing.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .ToList();
        if (files.Count == 0)
        {
            throw new CliException($"{revision}:{path} has no *.yaml files in git");
        }

        var temp = Directory.CreateTempSubdirectory("standardskit-diff-");
        try
        {
            foreach (var file in files)
            {
                var target = Path.Combine(temp.FullName, file);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllBytes(target, GitBytes(["show", $"{revision}:{file}"], directory));
            }

            var result = Catalog.LoadPaths([temp.FullName]);
            return FromResult($"{revision}:{path}", result, io, temp.FullName + "/", $"{revision}:");
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    private static Side FromResult(string label, CatalogLoadResult result, ConsoleIo io, string? stripPrefix = null, string? replacement = null)
    {
        // A side is often a local standard without its parent: reference findings do not stop a comparison.
        foreach (var d in result.Diagnostics.Where(d => d.Severity == Diagnostics.Severity.Error && d.Code is not ("SK0203" or "SK0204")))
        {
            var text = d.ToString();
            io.Error.Line(stripPrefix is null ? text : text.Replace(stripPrefix, replacement, StringComparison.Ordinal));
        }

        if (result.Documents.IsEmpty)
        {
            throw new CliException($"{label}: no standard document could be read", CliApp.Findings);
        }

        return new Side(label, result.Documents, result.Facts);
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

    private static string Git(string[] args, string? directory) => System.Text.Encoding.UTF8.GetString(GitBytes(args, directory));

    private static byte[] GitBytes(string[] args, string? directory)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (directory is not null)
        {
            start.WorkingDirectory = directory;
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new CliException("cannot start git");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new CliException("git is not installed; REV:path sides need git");
        }

        using (process)
        {
            using var output = new MemoryStream();
            var errorTask = process.StandardError.ReadToEndAsync();
            process.StandardOutput.BaseStream.CopyTo(output);
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new CliException($"git {string.Join(' ', args)}: {errorTask.Result.Trim()}");
            }

            return output.ToArray();
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*@[0-9A-Za-z.-]+$")]
    private static partial Regex EditionRegex();
}
