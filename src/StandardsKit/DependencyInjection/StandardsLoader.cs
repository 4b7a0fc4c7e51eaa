using Microsoft.Extensions.Logging;
using StandardsKit.Diagnostics;

namespace StandardsKit.DependencyInjection;

/// <summary>One attempt to load the configured standards.</summary>
/// <param name="Catalog">The catalog, or null when the attempt is not to be served.</param>
/// <param name="Errors">The errors (warnings too under TreatWarningsAsErrors) when it failed.</param>
/// <param name="Reason">Why it is not served, in one line; null on success.</param>
/// <param name="Stamp">The folder's stamp the catalog was loaded from (null for the embedded default).</param>
/// <param name="At">When the attempt was made.</param>
internal sealed record LoadAttempt(Catalog? Catalog, IReadOnlyList<Diagnostic> Errors, string? Reason, string? Stamp, DateTimeOffset At);

/// <summary>
/// Loads the standards that <see cref="StandardsKitOptions"/> name, logs their warnings, and keeps the first
/// load so that start-up validation and the provider share it (loading twice would double start-up time).
/// </summary>
internal sealed class StandardsLoader(ILogger<CatalogProvider> logger, TimeProvider time)
{
    private const int StableRetries = 3;
    private readonly object _gate = new();
    private ((string?, bool) Key, LoadAttempt Attempt)? _initial;

    /// <summary>The last first-load attempt, whatever options it was for.</summary>
    public LoadAttempt? LastInitial { get; private set; }

    /// <summary>
    /// The first load for these options. Options are built more than once (IOptions and IOptionsMonitor each
    /// build their own instance, both validated), so what is loaded, not the instance, identifies the load.
    /// </summary>
    public LoadAttempt Initial(StandardsKitOptions options)
    {
        var key = (options.StandardsDirectory, options.TreatWarningsAsErrors);
        lock (_gate)
        {
            if (_initial is { } known && known.Key == key)
            {
                return known.Attempt;
            }

            LoadAttempt attempt = Load(options);
            for (var i = 0; i < StableRetries && attempt.Catalog is null && attempt.Errors.Count == 0; i++)
            {
                attempt = Load(options); // the folder changed while it was read: read it again
            }

            _initial = (key, attempt);
            LastInitial = attempt;
            return attempt;
        }
    }

    /// <summary>Loads afresh. A folder that changes while it is being read is not served (its stamp moved).</summary>
    public LoadAttempt Load(StandardsKitOptions options)
    {
        var at = time.GetUtcNow();
        if (options.StandardsDirectory is not { } directory)
        {
            try
            {
                return Accept(options, Catalog.Default, Catalog.Default.Diagnostics, "the embedded standards", null, at);
            }
            catch (CatalogLoadException e)
            {
                return Accept(options, null, e.Diagnostics, "the embedded standards", null, at);
            }
        }

        var before = FolderStamp.Of(directory);
        CatalogLoadResult result;
        try
        {
            result = Catalog.LoadDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var error = new Diagnostic(DiagnosticCodes.Io, Severity.Error, e.Message, new SourceSpan(directory, 1, 1), "check StandardsKit:StandardsDirectory");
            return new LoadAttempt(null, [error], error.ToString(), before, at);
        }

        var after = FolderStamp.Of(directory);
        if (before != after)
        {
            Log.ChangedWhileLoading(logger, directory);
            return new LoadAttempt(null, [], "the folder changed while it was being read; it will be read again", after, at);
        }

        return Accept(options, result.Catalog, result.Diagnostics, directory, before, at);
    }

    private LoadAttempt Accept(StandardsKitOptions options, Catalog? loaded, IReadOnlyList<Diagnostic> diagnostics, string source, string? stamp, DateTimeOffset at)
    {
        var failing = diagnostics.Where(d => d.Severity == Severity.Error || (options.TreatWarningsAsErrors && d.Severity == Severity.Warning)).ToList();
        if (loaded is not { } catalog || failing.Count > 0)
        {
            var reason = $"{failing.Count} error(s) in {source}; first: {failing.FirstOrDefault()}";
            return new LoadAttempt(null, failing, reason, stamp, at);
        }

        var warnings = 0;
        foreach (var warning in diagnostics.Where(d => d.Severity == Severity.Warning))
        {
            warnings++;
            if (logger.IsEnabled(LogLevel.Warning))
            {
                Log.LoadWarning(logger, warning.Code, warning.Span?.ToString() ?? source, warning.Message);
            }
        }

        Log.Loaded(logger, source, catalog.Revision.Standards, catalog.Documents.Length, warnings);
        return new LoadAttempt(catalog, [], null, stamp, at);
    }
}
