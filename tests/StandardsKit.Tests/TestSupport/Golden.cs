namespace StandardsKit.Tests.TestSupport;

/// <summary>
/// Golden files under <c>tests/StandardsKit.Tests/Golden/</c>: compared byte for byte (line endings normalised);
/// with <c>STANDARDSKIT_UPDATE_GOLDEN=1</c> a test rewrites its golden file in the source tree instead of
/// comparing, so an intended output change is one command and a reviewable diff (see tests/README.md).
/// </summary>
internal static class Golden
{
    public const string UpdateVariable = "STANDARDSKIT_UPDATE_GOLDEN";

    private static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>The golden file as copied beside the test binaries.</summary>
    public static string Read(string name) => Normalize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", name)));

    /// <summary>Asserts that <paramref name="actual"/> is the golden file, or rewrites it when updating.</summary>
    public static void Match(string actual, string name)
    {
        actual = Normalize(actual);
        if (Updating)
        {
            foreach (var root in new[] { Path.Combine(Repo.Root, "tests", "StandardsKit.Tests"), AppContext.BaseDirectory })
            {
                var path = Path.Combine(root, "Golden", name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, actual);
            }

            return;
        }

        File.Exists(Path.Combine(AppContext.BaseDirectory, "Golden", name)).Should()
            .BeTrue($"golden file {name} should exist; create it with {UpdateVariable}=1 dotnet test");
        actual.Should().Be(Read(name), $"the output should match golden file {name}; if the change is intended, rerun with {UpdateVariable}=1 and review the diff");
    }

    private static string Normalize(string s) => s.Replace("\r\n", "\n", StringComparison.Ordinal);
}
