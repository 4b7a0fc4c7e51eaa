using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StandardsKit.Diagnostics;

namespace StandardsKit.DependencyInjection;

/// <summary>
/// Serves the current <see cref="Catalog"/> and, when <see cref="StandardsKitOptions.Watch"/> is on, reloads a
/// changed standards folder in the background, swapping the new catalog in atomically only when it loads
/// without errors; otherwise the last good catalog stays in service and <see cref="Status"/> says why.
/// </summary>
/// <remarks>
/// Thread-safe. Read <see cref="Current"/> once per unit of work (a request, a batch) and use that catalog for
/// all of it: a catalog never changes, so nothing in that unit can see a mix of two revisions. Registered as a
/// singleton by <see cref="ServiceCollectionExtensions.AddStandardsKit"/>; construct one yourself without DI.
/// Dispose it to stop watching.
/// </remarks>
public sealed class CatalogProvider : IDisposable
{
    private readonly IOptions<StandardsKitOptions> _options;
    private readonly StandardsLoader _loader;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly object _initGate = new();
    private readonly SemaphoreSlim _reloadGate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private volatile Served? _served;
    private volatile CatalogStatus? _failedStart;
    private string? _stamp;
    private Task? _watching;

    /// <summary>Creates a provider outside dependency injection.</summary>
    /// <param name="options">What to load and whether to watch it.</param>
    /// <param name="logger">Where load warnings and reloads are logged; null for nowhere.</param>
    public CatalogProvider(StandardsKitOptions options, ILogger<CatalogProvider>? logger = null)
        : this(Options.Create(options ?? throw new ArgumentNullException(nameof(options))),
            new StandardsLoader(logger ?? NullLogger<CatalogProvider>.Instance, TimeProvider.System), logger, TimeProvider.System)
    {
    }

    internal CatalogProvider(IOptions<StandardsKitOptions> options, StandardsLoader loader, ILogger<CatalogProvider>? logger, TimeProvider time)
    {
        _options = options;
        _loader = loader;
        _logger = logger ?? NullLogger<CatalogProvider>.Instance;
        _time = time;
    }

    /// <summary>The catalog in service. The first access loads it (and starts watching, when configured).</summary>
    /// <exception cref="CatalogLoadException">The standards have never loaded without errors; lists every error.</exception>
    /// <exception cref="OptionsValidationException">The options themselves are invalid.</exception>
    public Catalog Current => (_served ?? Start()).Catalog;

    /// <summary>What is served and how the last load went; never throws (a failed first load shows here).</summary>
    public CatalogStatus Status
    {
        get
        {
            if (_served is null && _failedStart is null)
            {
                try
                {
                    Start();
                }
                catch (Exception e) when (e is CatalogLoadException or OptionsValidationException)
                {
                    // recorded in _failedStart
                }
            }

            return _served?.Status ?? _failedStart!;
        }
    }

    /// <summary>
    /// Loads the standards now and swaps them in when they load without errors and their revision differs.
    /// Returns true when a new revision went into service. Concurrent calls run one after another.
    /// </summary>
    public async Task<bool> ReloadAsync(CancellationToken cancellationToken = default)
    {
        var options = _options.Value;
        await _reloadGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var attempt = await Task.Run(() => _loader.Load(options), cancellationToken).ConfigureAwait(false);
            return Apply(options, attempt);
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    /// <summary>Stops watching.</summary>
    public void Dispose()
    {
        if (!_stopping.IsCancellationRequested)
        {
            _stopping.Cancel();
        }

        try
        {
            _watching?.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // the loop ends by cancellation
        }

        _stopping.Dispose();
        _reloadGate.Dispose();
    }

    private Served Start()
    {
        lock (_initGate)
        {
            if (_served is { } served)
            {
                return served;
            }

            StandardsKitOptions options;
            try
            {
                options = _options.Value; // runs the options validator, which makes the first load
            }
            catch (OptionsValidationException) when (_loader.LastInitial is { Catalog: null } failed)
            {
                throw Failed(failed);
            }

            var attempt = _loader.Initial(options);
            if (attempt.Catalog is null)
            {
                throw Failed(attempt);
            }

            served = new Served(attempt.Catalog, new CatalogStatus(attempt.Catalog.Revision, attempt.At, attempt.At, null, []));
            _stamp = attempt.Stamp;
            _served = served;
            if (options is { Watch: true, StandardsDirectory: { } directory })
            {
                Log.Watching(_logger, directory, options.WatchInterval);
                _watching = Task.Run(() => WatchAsync(options, _stopping.Token));
            }

            return served;
        }
    }

    private CatalogLoadException Failed(LoadAttempt attempt)
    {
        _failedStart = new CatalogStatus(null, null, attempt.At, attempt.Reason, attempt.Errors);
        return new CatalogLoadException([.. attempt.Errors]);
    }

    /// <summary>Polls the folder's stamp (cheap: names, sizes, times) and reloads when it moves.</summary>
    private async Task WatchAsync(StandardsKitOptions options, CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(options.WatchInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
            {
                if (FolderStamp.Of(options.StandardsDirectory!) == Volatile.Read(ref _stamp))
                {
                    continue;
                }

                await _reloadGate.WaitAsync(stopping).ConfigureAwait(false);
                try
                {
                    Apply(options, _loader.Load(options));
                }
                finally
                {
                    _reloadGate.Release();
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // disposed
        }
    }

    /// <summary>Swaps a good attempt in, or records why the last good catalog stays. Called under the reload gate.</summary>
    private bool Apply(StandardsKitOptions options, LoadAttempt attempt)
    {
        var served = _served ?? Start();
        if (attempt.Catalog is not { } catalog)
        {
            if (attempt.Errors.Count == 0)
            {
                return false; // changed while being read: the stamp is unchanged, so the next poll reads it again
            }

            Volatile.Write(ref _stamp, attempt.Stamp);
            Log.ReloadFailed(_logger, options.StandardsDirectory ?? "(embedded)", served.Status.Revision?.Standards, attempt.Reason!);
            _served = served with { Status = served.Status with { LastAttemptAt = attempt.At, LastError = attempt.Reason, LastErrors = attempt.Errors } };
            return false;
        }

        Volatile.Write(ref _stamp, attempt.Stamp);
        if (catalog.Revision == served.Catalog.Revision)
        {
            _served = served with { Status = served.Status with { LastAttemptAt = attempt.At, LastError = null, LastErrors = [] } };
            return false;
        }

        Log.Swapped(_logger, served.Catalog.Revision.Standards, catalog.Revision.Standards);
        _served = new Served(catalog, new CatalogStatus(catalog.Revision, attempt.At, attempt.At, null, []));
        return true;
    }

    /// <summary>A catalog and its status, swapped as one reference so readers never pair one with the other's status.</summary>
    private sealed record Served(Catalog Catalog, CatalogStatus Status);
}
