using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace StandardsKit.DependencyInjection;

/// <summary>
/// Healthy while a catalog is served and its last reload succeeded; Degraded while the last good revision is
/// served because a reload failed (the description says why); Unhealthy when nothing could ever be loaded.
/// </summary>
internal sealed class CatalogHealthCheck(CatalogProvider provider) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = provider.Status;
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        if (status.Revision is { } revision)
        {
            data["revision"] = revision.Standards;
            data["engine"] = revision.Engine;
        }

        if (status.LoadedAt is { } loaded)
        {
            data["loadedAt"] = loaded;
        }

        if (status.LastError is { } error)
        {
            data["lastError"] = error;
        }

        var result = status switch
        {
            { Ready: false } => new HealthCheckResult(context.Registration.FailureStatus, "no standards loaded: " + status.LastError, data: data),
            { LastError: { } why } => HealthCheckResult.Degraded($"serving the last good revision {status.Revision!.Standards}; the new one was not swapped in: {why}", data: data),
            _ => HealthCheckResult.Healthy($"serving revision {status.Revision!.Standards}", data),
        };
        return Task.FromResult(result);
    }
}
