namespace StandardsKit.Service.Tests.Support;

/// <summary>A throw-away copy of the standards, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sk-service-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public static TempFolder CopyOfStandards()
    {
        var folder = new TempFolder();
        foreach (var file in Directory.EnumerateFiles(Repo.Standards, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(folder.Path, System.IO.Path.GetRelativePath(Repo.Standards, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return folder;
    }

    /// <summary>Replaces text in a file, all at once (write to a temporary file, then rename), as a deploy would.</summary>
    public void Replace(string relative, string from, string to)
    {
        var path = System.IO.Path.Combine(Path, relative);
        var text = File.ReadAllText(path);
        text.Should().Contain(from);
        var temp = path + ".tmp-" + Guid.NewGuid().ToString("N")[..6];
        File.WriteAllText(temp, text.Replace(from, to, StringComparison.Ordinal));
        File.Move(temp, path, overwrite: true);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
