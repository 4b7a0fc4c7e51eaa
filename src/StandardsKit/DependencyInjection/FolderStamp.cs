using System.Text;

namespace StandardsKit.DependencyInjection;

/// <summary>
/// A cheap fingerprint of a standards folder (each YAML file's path, size and modification time, through
/// symbolic links), polled to notice changes without reading contents; the revision hash decides what changed.
/// </summary>
internal static class FolderStamp
{
    public static string Of(string directory)
    {
        var stamp = new StringBuilder();
        try
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
                         .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
                         .Order(StringComparer.Ordinal))
            {
                var info = new FileInfo(file);
                var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? info;
                stamp.Append(file).Append('\t').Append(target.Exists ? target.Length : -1).Append('\t')
                    .Append(target.Exists ? target.LastWriteTimeUtc.Ticks : 0).Append('\n');
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A folder being replaced can vanish for a moment; the next poll looks again.
            stamp.Append("unreadable: ").Append(e.Message);
        }

        return stamp.ToString();
    }
}
