using System.Security.Cryptography;
using StandardsKit.Input;

namespace StandardsKit.Cli;

/// <summary>
/// An <c>-o/--output</c> file written all at once or not at all. The output goes to a temporary file created
/// exclusively beside the target (a symbolic link is written through and stays a link), and only
/// <see cref="Commit"/> renames it over the target; disposing without committing — an error, Ctrl+C — deletes the
/// temporary file, so the target is either its old self or the whole new output, never a part. Nothing but the
/// target and that temporary file is touched; a target that is a folder, a FIFO or a device is refused.
/// </summary>
internal sealed class AtomicOutput : IDisposable
{
    private readonly string _target;
    private readonly string _temp;
    private readonly FileStream _stream;
    private bool _committed;

    private AtomicOutput(string target, string temp, FileStream stream)
    {
        _target = target;
        _temp = temp;
        _stream = stream;
    }

    /// <summary>Where the output is being written until it is committed.</summary>
    public Stream Stream => _stream;

    /// <exception cref="CliException">The target is not a regular file, or its folder cannot be written.</exception>
    public static AtomicOutput Create(string path, string option = "--output")
    {
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            throw new CliException($"{option}: a path cannot contain a NUL character");
        }

        string target;
        try
        {
            target = RealPath.Of(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{option} {path}: {e.Message}");
        }

        var type = FileProbe.Of(target).Type;
        if (type is not (FileType.Regular or FileType.Missing))
        {
            throw new CliException($"{option} {path} is {new FileFacts(type, 0, null).Describe()}, not a file; give a file name (without {option} the output goes to standard output)");
        }

        var folder = Path.GetDirectoryName(target) ?? ".";
        if (!Directory.Exists(folder))
        {
            throw new CliException($"{option} {path}: the folder {folder} does not exist; create it first");
        }

        var temp = Path.Combine(folder, $".{Path.GetFileName(target)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}.tmp");
        try
        {
            return new AtomicOutput(target, temp, new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{option} {path}: cannot write in {folder}: {e.Message}; nothing was written");
        }
    }

    /// <summary>Flushes the output to disk and renames it over the target (keeping the target's permissions).</summary>
    public void Commit()
    {
        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
        try
        {
            if (!OperatingSystem.IsWindows() && FileProbe.Of(_target).Type == FileType.Regular)
            {
                File.SetUnixFileMode(_temp, File.GetUnixFileMode(_target));
            }

            File.Move(_temp, _target, overwrite: true);
            _committed = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot replace {_target}: {e.Message}; it was left as it was");
        }
    }

    public void Dispose()
    {
        _stream.Dispose();
        if (!_committed)
        {
            File.Delete(_temp); // ours: made with CreateNew, never a file someone else left there
        }
    }
}
