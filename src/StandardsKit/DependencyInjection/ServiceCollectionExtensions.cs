using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StandardsKit.Diagnostics;

namespace StandardsKit.DependencyInjection;

/// <summary>Registers StandardsKit with Microsoft.Extensions.DependencyInjection.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="Catalog"/> as a singleton, loaded on first resolution from
    /// <see cref="StandardsKitOptions.StandardsDirectory"/> or the embedded default.
    /// </summary>
    /// <remarks>
    /// The catalog is immutable and thread-safe, so one instance serves the whole application. Loading
    /// errors surface as <see cref="CatalogLoadException"/> on first resolution, listing every diagnostic.
    /// </remarks>
    public static IServiceCollection AddStandardsKit(this IServiceCollection services, Action<StandardsKitOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<StandardsKitOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StandardsKitOptions>>().Value;
            if (options.StandardsDirectory is null && !options.TreatWarningsAsErrors)
            {
                return Catalog.Default;
            }

            var result = options.StandardsDirectory is null ? Catalog.LoadEmbedded() : Catalog.LoadDirectory(options.StandardsDirectory);
            if (options.TreatWarningsAsErrors && result.Diagnostics.Any(d => d.Severity == Severity.Warning))
            {
                throw new CatalogLoadException([.. result.Diagnostics.Select(d => d.Severity == Severity.Warning ? d with { Severity = Severity.Error } : d)]);
            }

            return result.GetCatalogOrThrow();
        });
        return services;
    }
}
