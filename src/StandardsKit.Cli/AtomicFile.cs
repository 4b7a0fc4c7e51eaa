using System.Security.Cryptography;
using System.Text;
using StandardsKit.Input;

namespace StandardsKit.Cli;

/// <summary>
/// Replaces a file's content all at once, or not at all. The new text goes to a temporary file beside the real
/// target (a symbolic link is written through, and stays a link) under a fresh random name created exclusively,
/// so no existing file is ever overwritten or deleted except the target itself; the temporary file is checked,
/// flushed to disk, given the target's permissions and renamed over the target (atomic on one file system).
/// </summary>
internal static class AtomicFile
{
    /// <param name="path">The file to replace (or a link to it).</param>
    /// <param name="content">The new content, written as UTF-8 without a byte-order mark.</param>
    /// <param name="check">Given the temporary file's path, returns why it must not replace the target, or null.</param>
    public static void Replace(string path, string content, Func<string, string?> check)
    {
        var target = RealPath.Of(path);
        if (FileProbe.Of(target).Type != FileType.Regular)
        {
            throw new CliException($"{path} is not a regular file; nothing was written");
        }

        var folder = Path.GetDirectoryName(target) ?? ".";
        var temp = Path.Combine(folder, $".{Path.GetFileName(target)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}.tmp");
        var created = false;
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                created = true;
                var bytes = new UTF8Encoding(false).GetBytes(content);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
            }

            if (check(temp) is { } problem)
            {
                throw new CliException(problem);
            }

            File.Move(temp, target, overwrite: true);
            created = false;
        }
        catch (IOException e) when (!created && e is not InputRefusedException)
        {
            throw new CliException($"cannot write beside {path}: {e.Message}; nothing was written");
        }
        finally
        {
            if (created)
            {
                File.Delete(temp); // ours: made with CreateNew above, never a file someone else left there
            }
        }
    }
}
