using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using StandardsKit.Tests.TestSupport;

namespace StandardsKit.Tests.Hostile;

/// <summary>A case's own folder: <c>work/</c> holds its inputs and is the working directory, <c>tmp/</c> is its TMPDIR.</summary>
internal sealed partial class CaseFolder(string root)
{
    public string Root { get; } = root;

    public string Work => Path.Combine(Root, "work");

    public string Tmp => Path.Combine(Root, "tmp");

    public string Full(string relative) => Path.Combine(Work, relative);

    public string Write(string relative, string text) => WriteBytes(relative, new UTF8Encoding(false).GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal)));

    public string WriteBytes(string relative, byte[] bytes)
    {
        var full = Full(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    /// <summary>A file that claims <paramref name="size"/> bytes but occupies almost none (a sparse file).</summary>
    public void Sparse(string relative, long size, string? start = null)
    {
        var full = Full(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        using var f = new FileStream(full, FileMode.Create);
        if (start is not null)
        {
            f.Write(Encoding.UTF8.GetBytes(start));
        }

        f.SetLength(size);
    }

    public void Fifo(string relative)
    {
        var full = Full(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        if (MkFifo(full, Convert.ToUInt32("644", 8)) != 0)
        {
            throw new IOException($"mkfifo {full} failed ({Marshal.GetLastPInvokeError()})");
        }
    }

    public void Link(string relative, string target)
    {
        var full = Full(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.CreateSymbolicLink(full, target);
    }

    public void Folder(string relative) => Directory.CreateDirectory(Full(relative));

    /// <summary>The national editions of the repository, so floor proofs and diffs have a parent.</summary>
    public void National(string relative = "std", bool both = false)
    {
        Directory.CreateDirectory(Full(Path.Combine(relative, "national")));
        foreach (var edition in both ? new[] { "2021", "2023" } : ["2023"])
        {
            File.Copy(Path.Combine(Repo.Standards, "national", edition + ".yaml"), Full(Path.Combine(relative, "national", edition + ".yaml")));
        }
    }

    /// <summary>Runs git in the working folder (a fixed identity, no user configuration) and returns its output.</summary>
    public string Git(params string[] args) => GitWithInput(null, args);

    public string GitWithInput(string? input, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Work, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var (k, v) in new[] { ("GIT_CONFIG_GLOBAL", "/dev/null"), ("GIT_CONFIG_NOSYSTEM", "1"), ("GIT_AUTHOR_NAME", "t"), ("GIT_AUTHOR_EMAIL", "t@example.org"),
                     ("GIT_COMMITTER_NAME", "t"), ("GIT_COMMITTER_EMAIL", "t@example.org") })
        {
            start.Environment[k] = v;
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        if (input is not null)
        {
            p.StandardInput.Write(input);
        }

        p.StandardInput.Close();
        var output = p.StandardOutput.ReadToEnd();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode == 0 ? output.Trim() : throw new InvalidOperationException($"git {string.Join(' ', args)}: {error}");
    }

    [LibraryImport("libc", EntryPoint = "mkfifo", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int MkFifo(string path, uint mode);
}
