using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace StandardsKit.DependencyInjection;

/// <summary>Registers StandardsKit with Microsoft.Extensions.DependencyInjection.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="CatalogProvider"/> singleton and <see cref="Catalog"/> (its current catalog), with
    /// <see cref="StandardsKitOptions"/> bound from the <c>"StandardsKit"</c> configuration section (when an
    /// <c>IConfiguration</c> is registered) and then from <paramref name="configure"/>.
    /// </summary>
    /// <remarks>
    /// In a host (<c>Host.CreateApplicationBuilder</c>, ASP.NET Core) the options are validated on start by
    /// loading the standards: a folder with errors fails the host's start with its diagnostics. Load warnings and
    /// reloads are logged through <c>ILogger&lt;CatalogProvider&gt;</c>. Without a host, errors surface as
    /// <see cref="CatalogLoadException"/> on first resolution. With <see cref="StandardsKitOptions.Watch"/>, inject
    /// <see cref="CatalogProvider"/> (not <see cref="Catalog"/>) into long-lived services and read
    /// <see cref="CatalogProvider.Current"/> per unit of work. Add the health check with
    /// <c>services.AddHealthChecks().AddStandardsKit()</c>.
    /// </remarks>
    public static IServiceCollection AddStandardsKit(this IServiceCollection services, Action<StandardsKitOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<StandardsKitOptions>();
        services.AddSingleton<IConfigureOptions<StandardsKitOptions>>(provider => new ConfigureOptions<StandardsKitOptions>(options =>
            provider.GetService<IConfiguration>()?.GetSection(StandardsKitOptions.SectionName).Bind(options)));
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        builder.ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new StandardsLoader(Logger(provider), provider.GetRequiredService<TimeProvider>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StandardsKitOptions>, StandardsKitOptionsValidator>());
        services.TryAddSingleton(provider => new CatalogProvider(provider.GetRequiredService<IOptions<StandardsKitOptions>>(),
            provider.GetRequiredService<StandardsLoader>(), Logger(provider), provider.GetRequiredService<TimeProvider>()));
        services.TryAddTransient(provider => provider.GetRequiredService<CatalogProvider>().Current);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CatalogProviderStartup>());
        return services;
    }

    private static ILogger<CatalogProvider> Logger(IServiceProvider provider) =>
        provider.GetService<ILogger<CatalogProvider>>() ?? NullLogger<CatalogProvider>.Instance;
}
