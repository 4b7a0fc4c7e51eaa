using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace StandardsKit.DependencyInjection;

/// <summary>Registers the StandardsKit health check.</summary>
public static class HealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a check of the <see cref="CatalogProvider"/>: Healthy while serving, Degraded while serving the last
    /// good revision after a failed reload (the description says why), Unhealthy when nothing ever loaded.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name (default <c>standardskit</c>).</param>
    /// <param name="tags">Tags for filtering (default <c>ready</c>).</param>
    public static IHealthChecksBuilder AddStandardsKit(this IHealthChecksBuilder builder, string name = "standardskit", IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(name, provider => new CatalogHealthCheck(provider.GetRequiredService<CatalogProvider>()),
            HealthStatus.Unhealthy, tags ?? ["ready"]));
    }
}
