namespace StandardsKit.Service;

/// <summary>What <c>standardskit serve</c> serves and its limits.</summary>
public sealed class ServiceOptions
{
    /// <summary>The default address: loopback only, so nothing is exposed by accident.</summary>
    public const string DefaultUrls = "http://127.0.0.1:8080";

    /// <summary>Addresses to listen on, separated by ';' (default <see cref="DefaultUrls"/>).</summary>
    public string Urls { get; set; } = DefaultUrls;

    /// <summary>A standards folder; null serves the embedded default.</summary>
    public string? StandardsDirectory { get; set; }

    /// <summary>Reload <see cref="StandardsDirectory"/> when it changes, swapping only revisions that load without errors.</summary>
    public bool Watch { get; set; }

    /// <summary>How often a watched folder is checked (default 1 s).</summary>
    public TimeSpan WatchInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Largest request body of <c>POST /v1/evaluate</c> (default 1 MiB).</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest request body of <c>POST /v1/evaluate/batch</c> (default 64 MiB).</summary>
    public long MaxBatchBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Most lines (residents) in one batch (default 10,000).</summary>
    public int MaxBatchLines { get; set; } = 10_000;

    /// <summary>Time allowed for one request (default 10 s).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time allowed for one batch request (default 5 min).</summary>
    public TimeSpan BatchTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Log as JSON lines (default) or as plain text.</summary>
    public bool JsonLogs { get; set; } = true;
}
