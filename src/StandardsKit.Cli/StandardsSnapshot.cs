using StandardsKit.Loading.Yaml;

namespace StandardsKit.Cli;

/// <summary>
/// The parsed YAML of the embedded standards, written at build time by tools/snapshot and embedded in this assembly
/// (see the project file): loads that meet those exact bytes take their trees from it instead of parsing.
/// </summary>
internal static class StandardsSnapshot
{
    private const string ResourceName = "standards.snapshot";

    /// <summary>Makes the snapshot available to this process's loads; it is read only if a load needs it.</summary>
    public static void Register() => YamlSnapshot.Register(Read);

    private static YamlSnapshot? Read()
    {
        using var stream = typeof(StandardsSnapshot).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            return null; // built without it (a bare compile of this project): loads parse, as the library does
        }

        var data = new byte[stream.Length];
        stream.ReadExactly(data);
        return YamlSnapshot.Load(data);
    }
}
