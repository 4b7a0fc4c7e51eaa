using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StandardsKit.DependencyInjection;
using StandardsKit.Engine;
using StandardsKit.Tests.TestSupport;

namespace StandardsKit.Tests.DependencyInjection;

/// <summary>StandardsKit in a generic host: configuration, start-up validation, logging, watching and health.</summary>
public sealed class HostingTests : IDisposable
{
    private const string Allowance = "{when: 'true', value: 100}";
    private readonly TempFolder _folder = new();

    private static string Standard(string tier) =>
        Yaml.National(Yaml.TieredItem("allowance-item", "age >= 60", 1, [tier]));

    private IHost Host(CapturingLogger? logs = null, params (string Key, string Value)[] settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        builder.Services.AddStandardsKit();
        builder.Services.AddHealthChecks().AddStandardsKit();
        return builder.Build();
    }

    private static decimal? AllowanceOf(Catalog catalog) =>
        catalog.Evaluate(Resident.Empty.With("age", 70m), "000000", new DateOnly(2030, 6, 1)).Decisions.Single().Level!.Quantities.Single().Value;

    [Fact]
    public async Task Options_are_bound_from_the_StandardsKit_configuration_section()
    {
        _folder.Write("national.yaml", Standard(Allowance));
        using var host = Host(null, ("StandardsKit:StandardsDirectory", _folder.Path), ("StandardsKit:WatchInterval", "00:00:02"));
        await host.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<StandardsKitOptions>>().Value;
        options.StandardsDirectory.Should().Be(_folder.Path);
        options.WatchInterval.Should().Be(TimeSpan.FromSeconds(2));
        AllowanceOf(host.Services.GetRequiredService<Catalog>()).Should().Be(100m);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_broken_standards_folder_fails_the_host_at_start_with_its_diagnostics()
    {
        var file = _folder.Write("national.yaml", Yaml.National(Yaml.Item("a", "agee >= 65")));
        using var host = Host(null, ("StandardsKit:StandardsDirectory", _folder.Path));

        var start = () => host.StartAsync();

        var failure = (await start.Should().ThrowAsync<OptionsValidationException>()).Which;
        failure.Message.Should().Contain("do not load").And.Contain(file.Replace('\\', '/') + ":").And.Contain("SK0102").And.Contain("did you mean 'age'");
    }

    [Fact]
    public async Task Watch_without_a_folder_is_an_options_error_at_start()
    {
        using var host = Host(null, ("StandardsKit:Watch", "true"));

        var start = () => host.StartAsync();

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain("Watch needs StandardsKit:StandardsDirectory");
    }

    [Fact]
    public async Task Load_warnings_are_logged_with_their_code_and_position()
    {
        _folder.Write("national.yaml", Yaml.National(Yaml.Item("a", "age >= 65"), extraHeader: "supersedes: gone@1999"));
        var logs = new CapturingLogger();
        using var host = Host(logs, ("StandardsKit:StandardsDirectory", _folder.Path));

        await host.StartAsync();

        var warning = logs.Entries.Should().ContainSingle(e => e.Level == LogLevel.Warning && Equals(e.State["Code"], "SK0203")).Which;
        warning.Category.Should().Be(typeof(CatalogProvider).FullName);
        warning.Message.Should().Contain("national.yaml:").And.Contain("gone@1999");
        logs.Entries.Should().Contain(e => e.Level == LogLevel.Information && e.Message.StartsWith("Loaded standards from", StringComparison.Ordinal));
        await host.StopAsync();
    }

    [Fact]
    public async Task A_watched_folder_swaps_in_a_good_revision_keeps_the_last_good_one_on_errors_and_the_health_check_says_so()
    {
        var file = _folder.Write("national.yaml", Standard(Allowance));
        var logs = new CapturingLogger();
        using var host = Host(logs, ("StandardsKit:StandardsDirectory", _folder.Path), ("StandardsKit:Watch", "true"), ("StandardsKit:WatchInterval", "00:00:00.100"));
        await host.StartAsync();
        var provider = host.Services.GetRequiredService<CatalogProvider>();
        var health = host.Services.GetRequiredService<HealthCheckService>();
        var first = provider.Current;
        AllowanceOf(first).Should().Be(100m);
        (await health.CheckHealthAsync()).Status.Should().Be(HealthStatus.Healthy);

        File.WriteAllText(file, Standard("{when: 'true', value: 120}"));
        await Eventually(() => AllowanceOf(provider.Current) == 120m);
        provider.Current.Revision.Should().NotBe(first.Revision);
        AllowanceOf(first).Should().Be(100m, "a catalog already handed out never changes");

        File.WriteAllText(file, Standard("{when: 'agee > 1', value: 150}"));
        await Eventually(() => provider.Status.LastError is not null);
        AllowanceOf(provider.Current).Should().Be(120m, "the broken revision is not swapped in");
        provider.Status.LastErrors.Should().Contain(d => d.Code == "SK0102");
        var degraded = await health.CheckHealthAsync();
        degraded.Status.Should().Be(HealthStatus.Degraded);
        degraded.Entries["standardskit"].Description.Should().Contain("last good revision").And.Contain("SK0102");
        logs.Entries.Should().Contain(e => e.Level == LogLevel.Error && e.Message.Contains("not swapped in"));

        File.WriteAllText(file, Standard("{when: 'true', value: 130}"));
        await Eventually(() => AllowanceOf(provider.Current) == 130m);
        provider.Status.LastError.Should().BeNull();
        (await health.CheckHealthAsync()).Status.Should().Be(HealthStatus.Healthy);
        await host.StopAsync();
    }

    [Fact]
    public async Task Reload_on_demand_reports_whether_a_new_revision_went_into_service()
    {
        var file = _folder.Write("national.yaml", Standard(Allowance));
        using var provider = new CatalogProvider(new StandardsKitOptions { StandardsDirectory = _folder.Path });
        var before = provider.Current.Revision;

        (await provider.ReloadAsync()).Should().BeFalse("nothing changed");
        File.WriteAllText(file, Standard("{when: 'true', value: 140}"));
        (await provider.ReloadAsync()).Should().BeTrue();

        provider.Current.Revision.Should().NotBe(before);
        AllowanceOf(provider.Current).Should().Be(140m);
    }

    [Fact]
    public void Without_a_host_a_folder_that_never_loaded_is_unhealthy_and_says_why()
    {
        _folder.Write("national.yaml", Yaml.National(Yaml.Item("a", "agee >= 65")));
        using var services = new ServiceCollection().AddStandardsKit(o => o.StandardsDirectory = _folder.Path).BuildServiceProvider();

        var status = services.GetRequiredService<CatalogProvider>().Status;

        status.Ready.Should().BeFalse();
        status.LastError.Should().Contain("SK0102");
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the watched folder should be picked up within 5 s");
            await Task.Delay(50);
        }
    }

    public void Dispose() => _folder.Dispose();
}
