using StandardsKit.Diagnostics;
using StandardsKit.Tests.TestSupport;

namespace StandardsKit.Tests.Loading;

internal static class LoadingHarness
{
    /// <summary>Loads files written to a fresh folder (embedded facts and divisions fill in).</summary>
    public static (CatalogLoadResult Result, TempFolder Folder) Load(params (string Name, string Text)[] files)
    {
        var folder = new TempFolder();
        foreach (var (name, text) in files)
        {
            folder.Write(name, text);
        }

        return (Catalog.LoadDirectory(folder.Path), folder);
    }

    public static CatalogLoadResult LoadOne(string text, out string path)
    {
        var (result, folder) = Load(("doc.yaml", text));
        path = Path.Combine(folder.Path, "doc.yaml").Replace('\\', '/');
        folder.Dispose();
        return result;
    }

    public static IEnumerable<Diagnostic> Errors(this CatalogLoadResult r) => r.Diagnostics.Where(d => d.Severity == Severity.Error);

    /// <summary>1-based line and column of the first occurrence of <paramref name="needle"/> in <paramref name="text"/>.</summary>
    public static (int Line, int Column) PositionOf(string text, string needle, int skip = 0)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var index = -1;
        for (var i = 0; i <= skip; i++)
        {
            index = text.IndexOf(needle, index + 1, StringComparison.Ordinal);
        }

        index.Should().BeGreaterThanOrEqualTo(0, $"'{needle}' should be in the test YAML");
        var before = text[..index];
        var line = before.Count(c => c == '\n') + 1;
        var column = index - (before.LastIndexOf('\n') + 1) + 1;
        return (line, column);
    }
}
