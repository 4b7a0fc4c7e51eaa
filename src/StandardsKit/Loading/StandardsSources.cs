namespace StandardsKit.Loading;

/// <summary>Where standards files come from: the assembly's embedded copy of <c>standards/</c>, or a folder.</summary>
internal static class StandardsSources
{
    public const string EmbeddedPrefix = "standards/";

    public static IReadOnlyList<SourceFile> Embedded()
    {
        var assembly = typeof(StandardsSources).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(EmbeddedPrefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new SourceFile(n, () =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                return buffer.ToArray();
            }) { RelativePath = n[EmbeddedPrefix.Length..] })];
    }

    /// <summary>Every <c>*.yaml</c> under <paramref name="path"/> (or the file itself), in a stable order.</summary>
    /// <exception cref="IOException">The path does not exist or cannot be read.</exception>
    public static IReadOnlyList<SourceFile> FromPath(string path)
    {
        if (File.Exists(path))
        {
            return [new SourceFile(Display(path), () => File.ReadAllBytes(path)) { RelativePath = System.IO.Path.GetFileName(path) }];
        }

        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"{path}: no such file or folder");
        }

        return [.. Directory.EnumerateFiles(path, "*.yaml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(path, "*.yml", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .Select(f => new SourceFile(Display(f), () => File.ReadAllBytes(f)) { RelativePath = Relative(path, f) })];
    }

    private static string Relative(string root, string file) => System.IO.Path.GetRelativePath(root, file).Replace('\\', '/');

    private static string Display(string path) => path.Replace('\\', '/').Replace("/./", "/", StringComparison.Ordinal);
}
