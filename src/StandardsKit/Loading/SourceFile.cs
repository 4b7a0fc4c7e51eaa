namespace StandardsKit.Loading;

/// <summary>A standards file to load: the path shown in diagnostics and a way to read its bytes.</summary>
internal sealed record SourceFile(string Path, Func<byte[]> Read);
