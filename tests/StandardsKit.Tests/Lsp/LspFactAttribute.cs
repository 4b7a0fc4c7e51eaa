using StandardsKit.Tests.TestSupport;

namespace StandardsKit.Tests.Lsp;

/// <summary>
/// A test that needs node and yaml-language-server: skipped with the command that installs them, except where
/// STANDARDSKIT_REQUIRE_LSP=1 (set by .ci/run, which installs them) makes it run and fail.
/// </summary>
public sealed class LspFactAttribute : FactAttribute
{
    /// <summary>The pinned version, the one .ci/run installs.</summary>
    public const string Version = "1.25.0";

    public LspFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("STANDARDSKIT_REQUIRE_LSP") != "1" && !File.Exists(Server))
        {
            Skip = $"yaml-language-server is not at {Server}: install it with 'npm install --prefix artifacts/yaml-language-server yaml-language-server@{Version}' " +
                   "or set STANDARDSKIT_YAML_LANGUAGE_SERVER to its bin/yaml-language-server script (CI installs it and sets STANDARDSKIT_REQUIRE_LSP=1)";
        }
    }

    /// <summary>The server's start script: STANDARDSKIT_YAML_LANGUAGE_SERVER, else where .ci/run installs it.</summary>
    public static string Server => Environment.GetEnvironmentVariable("STANDARDSKIT_YAML_LANGUAGE_SERVER") is { Length: > 0 } path
        ? path
        : Path.Combine(Repo.Root, "artifacts", "yaml-language-server", "node_modules", "yaml-language-server", "bin", "yaml-language-server");

    /// <summary>node: STANDARDSKIT_NODE, else the one on PATH.</summary>
    public static string Node => Environment.GetEnvironmentVariable("STANDARDSKIT_NODE") is { Length: > 0 } node ? node : "node";
}
