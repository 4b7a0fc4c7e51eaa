using System.Globalization;

namespace StandardsKit.Input;

/// <summary>
/// Reads what the user points at without trusting it: the path is examined before it is opened (a FIFO would
/// block, /dev/zero never ends, a 1 GiB sparse file is mostly nothing), and the read itself stops one byte past
/// the limit, so a file that grows while it is read cannot take more memory than the limit either.
/// </summary>
internal static class BoundedRead
{
    private static readonly string[] KernelFolders = ["/proc/", "/sys/", "/dev/"];

    /// <summary>The bytes of a regular file of at most <paramref name="maxBytes"/> bytes.</summary>
    /// <exception cref="FileNotFoundException">Nothing is at <paramref name="path"/>.</exception>
    /// <exception cref="InputRefusedException">It is not a regular file, is a kernel or device file, or is over the limit.</exception>
    /// <exception cref="IOException">It cannot be read.</exception>
    public static byte[] File(string path, int maxBytes)
    {
        var size = Check(path, maxBytes);

        // Where the type cannot be known (no statx), a FIFO reports size 0: a zero size is never opened.
        if (size == 0)
        {
            return [];
        }

        using var stream = OpenChecked(path, maxBytes);
        var buffer = new byte[(int)Math.Min(size, maxBytes) + 1];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, maxBytes + 1L));
            }

            var n = stream.Read(buffer, length, buffer.Length - length);
            if (n == 0)
            {
                break;
            }

            length += n;
        }

        return length == buffer.Length ? buffer : buffer[..length];
    }

    /// <summary>
    /// Opens a regular file of at most <paramref name="maxBytes"/> bytes for streaming: every file input that is not read
    /// whole (screen's residents, replay's records, equalization's population) comes through here, so a FIFO, a device,
    /// a kernel file or a folder is refused before it is opened, and a file that grows past the limit while it is read
    /// ends the read with an error instead of taking more.
    /// </summary>
    /// <exception cref="FileNotFoundException">Nothing is at <paramref name="path"/>.</exception>
    /// <exception cref="InputRefusedException">It is not a regular file, is a kernel or device file, or is over the limit.</exception>
    /// <exception cref="IOException">It cannot be opened.</exception>
    public static Stream Open(string path, long maxBytes)
    {
        var size = Check(path, maxBytes);

        // Where the type cannot be known (no statx), a FIFO reports size 0: a zero size is never opened.
        return size == 0 ? new MemoryStream([], writable: false) : OpenChecked(path, maxBytes);
    }

    /// <summary>The size of a regular file within the limit; anything else is refused.</summary>
    private static long Check(string path, long maxBytes)
    {
        var real = Examine(path);
        var facts = FileProbe.Of(path);
        switch (facts.Type)
        {
            case FileType.Missing:
                throw new FileNotFoundException($"{path}: no such file", path);
            case FileType.Directory:
                throw new InputRefusedException($"{path} is a folder, not a file");
            case FileType.Regular:
                break;
            default:
                throw new InputRefusedException($"{Name(path, real)} is {facts.Describe()}, not a regular file; it is not read");
        }

        return facts.Size > maxBytes ? throw new InputRefusedException(OverLimit(path, facts.Size, maxBytes), overLimit: true) : facts.Size;
    }

    private static LimitedStream OpenChecked(string path, long maxBytes) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan), path, maxBytes);

    /// <summary>At most <paramref name="maxChars"/> characters from a reader (standard input): never all of an endless stream.</summary>
    /// <exception cref="InputRefusedException">The reader has more.</exception>
    public static string Text(TextReader reader, int maxChars, string what)
    {
        var sb = new System.Text.StringBuilder();
        var chunk = new char[8192];
        while (true)
        {
            var n = reader.Read(chunk, 0, Math.Min(chunk.Length, maxChars + 1 - sb.Length));
            if (n == 0)
            {
                return sb.ToString();
            }

            sb.Append(chunk, 0, n);
            if (sb.Length > maxChars)
            {
                throw new InputRefusedException(string.Create(CultureInfo.InvariantCulture,
                    $"{what} is longer than the limit of {maxChars:N0} characters; nothing more was read"), overLimit: true);
            }
        }
    }

    /// <summary>Refuses kernel and device files by where they really are (a link named x.yaml may lead there); returns the real path.</summary>
    public static string Examine(string path)
    {
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            throw new InputRefusedException($"{path.Replace("\0", "\\0", StringComparison.Ordinal)}: a path cannot contain a NUL character");
        }

        var real = RealPath.Of(path);
        if (!OperatingSystem.IsWindows() && KernelFolders.Any(k => real.StartsWith(k, StringComparison.Ordinal)))
        {
            throw new InputRefusedException($"{Name(path, real)} is a device or kernel file, not a file to read");
        }

        return real;
    }

    private static string Name(string path, string real) =>
        Path.GetFullPath(path) == real ? path : $"{path} (a link to {real})";

    private static string OverLimit(string path, long size, long max) => string.Create(CultureInfo.InvariantCulture,
        $"{path} is {size:N0} bytes; the limit is {max:N0}");

    /// <summary>A read-only stream that fails once more than its limit has been read (a file that grows while it is read).</summary>
    private sealed class LimitedStream(Stream inner, string path, long maxBytes) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => inner.CanSeek;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            return inner.Position > maxBytes
                ? throw new InputRefusedException(OverLimit(path, inner.Position, maxBytes) + " (it grew while it was read)", overLimit: true)
                : n;
        }

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
