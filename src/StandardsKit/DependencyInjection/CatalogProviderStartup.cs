using Microsoft.Extensions.Hosting;

namespace StandardsKit.DependencyInjection;

/// <summary>Puts the catalog in service when the host starts, so watching begins then rather than at first use.</summary>
internal sealed class CatalogProviderStartup(CatalogProvider provider) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = provider.Current;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
