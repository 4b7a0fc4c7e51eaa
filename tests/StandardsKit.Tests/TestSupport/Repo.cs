namespace StandardsKit.Tests.TestSupport;

/// <summary>Locates the repository: the folder above the test binaries that holds StandardsKit.sln.</summary>
internal static partial class Repo
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "StandardsKit.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("StandardsKit.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string Standards => Path.Combine(Root, "standards");

    public static string Samples => Path.Combine(Root, "samples");
}
