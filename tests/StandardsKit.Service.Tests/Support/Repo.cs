global using StandardsKit.Tests.TestSupport;

namespace StandardsKit.Tests.TestSupport;

/// <summary>What the service tests need beyond the shared locator (linked from StandardsKit.Tests).</summary>
internal static partial class Repo
{
    public static string PregnantResident => File.ReadAllText(Path.Combine(Root, "samples", "resident-pregnant-shanghai.json"));

    /// <summary>Where tests keep artefacts (screenshots) for people to look at; git-ignored.</summary>
    public static string Artifacts(string name)
    {
        var dir = Path.Combine(Root, "artifacts", "test-results");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }
}
