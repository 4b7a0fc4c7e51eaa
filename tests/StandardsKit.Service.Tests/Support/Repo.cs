namespace StandardsKit.Service.Tests.Support;

/// <summary>Locates the repository: the folder above the test binaries that holds StandardsKit.sln.</summary>
internal static class Repo
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

    public static string PregnantResident => File.ReadAllText(Path.Combine(Root, "samples", "resident-pregnant-shanghai.json"));

    /// <summary>Where tests keep artefacts (screenshots) for people to look at; git-ignored.</summary>
    public static string Artifacts(string name)
    {
        var dir = Path.Combine(Root, "artifacts", "test-results");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }
}
