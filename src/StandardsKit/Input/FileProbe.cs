using System.Runtime.InteropServices;

namespace StandardsKit.Input;

/// <summary>What a path is, found without opening it: opening a FIFO blocks, and /dev/zero never ends.</summary>
internal enum FileType
{
    Missing,
    Regular,
    Directory,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    SymbolicLink,
    Unknown,
}

/// <summary>The type, size and identity (device and inode, where known) of a path, as <c>stat</c> sees it.</summary>
internal readonly record struct FileFacts(FileType Type, long Size, (ulong Device, ulong Inode)? Identity)
{
    public bool IsSpecial => Type is FileType.Fifo or FileType.CharacterDevice or FileType.BlockDevice or FileType.Socket;

    public string Describe() => Type switch
    {
        FileType.Fifo => "a FIFO (named pipe)",
        FileType.CharacterDevice => "a character device",
        FileType.BlockDevice => "a block device",
        FileType.Socket => "a socket",
        FileType.Directory => "a folder",
        FileType.SymbolicLink => "a symbolic link",
        FileType.Missing => "missing",
        _ => "not a regular file",
    };
}

/// <summary>
/// Asks the operating system what a path is before anything opens it. On Linux this is <c>statx(2)</c>, whose
/// structure layout is the same on every architecture; elsewhere (or where the C library lacks it) the managed
/// file APIs answer, which cannot tell a FIFO from an empty file — callers therefore never open a path whose
/// size is reported as zero.
/// </summary>
internal static class FileProbe
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;

    private static bool _statxMissing;

    /// <summary>Facts about <paramref name="path"/>; with <paramref name="followLinks"/> false a symbolic link is reported as one.</summary>
    public static FileFacts Of(string path, bool followLinks = true)
    {
        if (OperatingSystem.IsLinux() && !_statxMissing && Statx(path, followLinks) is { } facts)
        {
            return facts;
        }

        return Managed(path, followLinks);
    }

    private static FileFacts? Statx(string path, bool followLinks)
    {
        // struct statx is 256 bytes: stx_mode is a u16 at offset 28, stx_ino a u64 at 32, stx_size a u64 at 40,
        // stx_dev_major and stx_dev_minor u32s at 136 and 140 (include/uapi/linux/stat.h).
        var buffer = new byte[256];
        int result;
        try
        {
            // The path as the NUL-terminated UTF-8 bytes the kernel reads.
            var bytes = new byte[System.Text.Encoding.UTF8.GetByteCount(path) + 1];
            System.Text.Encoding.UTF8.GetBytes(path, bytes);
            result = NativeStatx(AtFdCwd, bytes, followLinks ? 0 : AtSymlinkNoFollow, StatxBasicStats, buffer);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            _statxMissing = true;
            return null;
        }

        if (result != 0)
        {
            return new FileFacts(FileType.Missing, 0, null);
        }

        var mode = BitConverter.ToUInt16(buffer, 28);
        var type = (mode & 0xF000) switch
        {
            0x8000 => FileType.Regular,
            0x4000 => FileType.Directory,
            0x1000 => FileType.Fifo,
            0x2000 => FileType.CharacterDevice,
            0x6000 => FileType.BlockDevice,
            0xC000 => FileType.Socket,
            0xA000 => FileType.SymbolicLink,
            _ => FileType.Unknown,
        };
        var inode = BitConverter.ToUInt64(buffer, 32);
        var size = (long)Math.Min(BitConverter.ToUInt64(buffer, 40), long.MaxValue);
        var device = ((ulong)BitConverter.ToUInt32(buffer, 136) << 32) | BitConverter.ToUInt32(buffer, 140);
        return new FileFacts(type, size, (device, inode));
    }

    private static FileFacts Managed(string path, bool followLinks)
    {
        FileSystemInfo info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            if (!followLinks)
            {
                return new FileFacts(FileType.SymbolicLink, 0, null);
            }

            try
            {
                info = info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
            }
            catch (IOException)
            {
                return new FileFacts(FileType.Missing, 0, null);
            }
        }

        if (Directory.Exists(info.FullName))
        {
            return new FileFacts(FileType.Directory, 0, null);
        }

        var file = new FileInfo(info.FullName);
        return file.Exists ? new FileFacts(FileType.Regular, file.Length, null) : new FileFacts(FileType.Missing, 0, null);
    }

    [DllImport("libc", EntryPoint = "statx", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int NativeStatx(int dirfd, byte[] path, int flags, uint mask, [Out] byte[] buffer);
}
