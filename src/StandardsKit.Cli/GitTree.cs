using System.Diagnostics;
using System.Globalization;
using System.Text;
using StandardsKit.Input;

namespace StandardsKit.Cli;

/// <summary>
/// Reads the YAML files of <c>REV:path</c> from git without a checkout. Git's names are not trusted: a tree
/// built with <c>git mktree</c> can hold entries named <c>..</c>, so every path is checked component by
/// component, and a revision is passed after <c>--end-of-options</c> so it can never be read as an option.
/// Output is bounded (listing and blobs), and git is never allowed to prompt.
/// </summary>
internal static class GitTree
{
    private const int MaxListingBytes = 16 * 1024 * 1024;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public sealed record Entry(string Path, string Object, long Size);

    /// <summary>The regular <c>*.yaml</c>/<c>*.yml</c> blobs under <paramref name="path"/> in <paramref name="revision"/>.</summary>
    public static List<Entry> List(string revision, string path, string? directory)
    {
        var listing = Run(["ls-tree", "-r", "-z", "-l", "--full-name", "--end-of-options", revision, "--", path.Length == 0 ? "." : path],
            directory, null, MaxListingBytes);
        var entries = new List<Entry>();
        foreach (var record in Encoding.UTF8.GetString(listing).Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            // "<mode> SP <type> SP <object> SP+ <size> TAB <path>"
            var tab = record.IndexOf('\t', StringComparison.Ordinal);
            var meta = record[..Math.Max(0, tab)].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (tab < 0 || meta.Length != 4)
            {
                throw new CliException($"git ls-tree printed an entry this tool cannot read: '{record}'");
            }

            var name = record[(tab + 1)..];
            if (meta[1] != "blob" || meta[0] is not ("100644" or "100755") ||
                !(name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal)))
            {
                continue; // folders, links, submodules and other files are not standards
            }

            CheckName(revision, name);
            entries.Add(new Entry(name, meta[2], long.Parse(meta[3], CultureInfo.InvariantCulture)));
            if (entries.Count > InputLimits.MaxFiles)
            {
                throw new CliException($"{revision}:{path} has more than {InputLimits.MaxFiles} YAML files; name a smaller folder");
            }
        }

        return entries;
    }

    /// <summary>
    /// The contents of every entry within the per-file limit, read with one <c>git cat-file --batch</c>; entries over
    /// the limit, or past the total budget of a load, are left out (the loader then reports them as over the limit).
    /// </summary>
    public static Dictionary<string, byte[]> Read(IReadOnlyList<Entry> entries, string? directory)
    {
        var wanted = new List<Entry>();
        long total = 0;
        foreach (var e in entries.DistinctBy(e => e.Object))
        {
            if (e.Size <= InputLimits.MaxFileBytes && total + e.Size <= InputLimits.MaxTotalBytes)
            {
                wanted.Add(e);
                total += e.Size;
            }
        }

        var blobs = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return blobs;
        }

        var input = string.Concat(wanted.Select(e => e.Object + "\n"));
        // The batch output is each blob's header line, its bytes and a newline: bounded by the sizes listed above.
        var output = Run(["cat-file", "--batch", "--end-of-options"], directory, input, total + wanted.Count * 128L);
        var at = 0;
        foreach (var e in wanted)
        {
            var header = Array.IndexOf(output, (byte)'\n', at);
            if (header < 0)
            {
                throw new CliException($"git cat-file ended early at {e.Path}");
            }

            var fields = Encoding.ASCII.GetString(output, at, header - at).Split(' ');
            if (fields.Length != 3 || fields[0] != e.Object || fields[1] != "blob" ||
                !long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size != e.Size)
            {
                throw new CliException($"git cat-file returned an unexpected object for {e.Path}");
            }

            blobs[e.Object] = output.AsSpan(header + 1, (int)size).ToArray();
            at = header + 1 + (int)size + 1;
        }

        return blobs;
    }

    /// <summary>
    /// Refuses a tree path that could name anything outside the tree once joined to a folder: empty, <c>.</c> or
    /// <c>..</c> components, absolute paths, backslashes, drive letters, or the repository's own <c>.git</c>.
    /// </summary>
    public static void CheckName(string revision, string name)
    {
        var components = name.Split('/');
        var bad = components.FirstOrDefault(c => c is "" or "." or ".." || c.Equals(".git", StringComparison.OrdinalIgnoreCase) ||
                                                  c.Contains('\\', StringComparison.Ordinal) || c.Contains(':', StringComparison.Ordinal) ||
                                                  c.Any(char.IsControl));
        if (bad is not null || name.StartsWith('/'))
        {
            throw new CliException($"{revision}: the git tree holds the path '{name}', whose component '{bad ?? "/"}' could lead outside the tree; " +
                                   "refusing this revision (it was built by hand, e.g. with git mktree)");
        }
    }

    private static byte[] Run(string[] args, string? directory, string? input, long maxBytes)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            UseShellExecute = false,
        };
        if (directory is not null)
        {
            start.WorkingDirectory = directory;
        }

        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_OPTIONAL_LOCKS"] = "0";
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
            var error = new StringBuilder();
            var errorTask = Task.Run(() => Drain(process.StandardError, error, 64 * 1024));
            if (input is not null)
            {
                _ = Task.Run(() =>
                {
                    try
                    {
                        process.StandardInput.Write(input);
                        process.StandardInput.Close();
                    }
                    catch (IOException)
                    {
                        // git ended early; its exit code and stderr say why.
                    }
                });
            }

            var readTask = Task.Run(() => ReadBounded(process.StandardOutput.BaseStream, maxBytes));
            if (!readTask.Wait(Timeout))
            {
                Kill(process);
                throw new CliException($"git {args[0]} did not finish within {Timeout.TotalSeconds:0} seconds");
            }

            var (output, overflow) = readTask.Result;
            if (overflow)
            {
                Kill(process);
                throw new CliException(string.Create(CultureInfo.InvariantCulture, $"git {args[0]} printed more than {maxBytes:N0} bytes; name a smaller folder"));
            }

            if (!process.WaitForExit(Timeout))
            {
                Kill(process);
                throw new CliException($"git {args[0]} did not finish within {Timeout.TotalSeconds:0} seconds");
            }

            errorTask.Wait(TimeSpan.FromSeconds(5));
            if (process.ExitCode != 0)
            {
                string message;
                lock (error)
                {
                    message = error.ToString().Trim().Replace('\n', ' ');
                }

                throw new CliException($"git {args[0]} failed: {message}");
            }

            return output;
        }
    }

    private static (byte[] Output, bool Overflow) ReadBounded(Stream stream, long maxBytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + n > maxBytes)
            {
                return ([], true);
            }

            buffer.Write(chunk, 0, n);
        }

        return (buffer.ToArray(), false);
    }

    private static void Drain(StreamReader reader, StringBuilder into, int maxChars)
    {
        var chunk = new char[4096];
        int n;
        while ((n = reader.Read(chunk, 0, chunk.Length)) > 0)
        {
            lock (into)
            {
                if (into.Length < maxChars)
                {
                    into.Append(chunk, 0, Math.Min(n, maxChars - into.Length));
                }
            }
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }
}
