using StandardsKit.Cli.Output;
using StandardsKit.Diagnostics;

namespace StandardsKit.Cli;

/// <summary>Loads the catalog a command works on: <c>--standards DIR</c> or the embedded default.</summary>
internal static class CatalogSource
{
    public static CatalogLoadResult Load(string? directory)
    {
        if (directory is null)
        {
            return Catalog.LoadEmbedded();
        }

        try
        {
            return Catalog.LoadDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException(e.Message);
        }
    }

    /// <summary>For commands that need a working catalog: errors in the standards end the command with exit 1.</summary>
    public static Catalog LoadOrFail(string? directory, ConsoleIo io)
    {
        if (directory is null)
        {
            return Catalog.Default; // proven in CI and by `validate`; evaluation commands need not re-prove it
        }

        var result = Load(directory);
        if (result.Catalog is { } catalog)
        {
            return catalog;
        }

        foreach (var d in result.Diagnostics.Where(d => d.Severity == Severity.Error).Take(20))
        {
            io.Error.Line(d.ToString());
        }

        throw new CliException("the standards have errors; run 'standardskit validate' for the full list", CliApp.Findings);
    }
}
