using System.CommandLine;
using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StandardsKit.DependencyInjection;
using StandardsKit.Service;

namespace StandardsKit.Cli.Commands;

/// <summary><c>serve</c>: the HTTP service and the screener page, until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static Command Create(ConsoleIo io, Option<string?> standards)
    {
        var urls = new Option<string>("--urls") { Description = $"Addresses to listen on, ';'-separated (default {ServiceOptions.DefaultUrls}; port 0 picks a free one)", DefaultValueFactory = _ => ServiceOptions.DefaultUrls };
        var watch = new Option<bool>("--watch") { Description = "Reload the --standards folder when it changes; a revision with errors is not swapped in (see /readyz)" };
        var maxBatch = new Option<int>("--max-batch") { Description = "Most residents in one POST /v1/evaluate/batch (default 10000)", DefaultValueFactory = _ => 10_000 };
        var timeout = new Option<int>("--timeout") { Description = "Seconds allowed per request (default 10)", DefaultValueFactory = _ => 10 };
        var logFormat = new Option<string>("--log-format") { Description = "json (default) or text, on stderr", DefaultValueFactory = _ => "json" };
        logFormat.AcceptOnlyFromAmong("json", "text");
        var command = new Command("serve", "Serve the standards over HTTP: /v1/evaluate, /v1/evaluate/batch, /v1/items, /v1/facts, /v1/standards, /v1/divisions, /healthz, /readyz, /openapi/v1.json, and the screener page at /.")
        {
            urls, watch, maxBatch, timeout, logFormat,
        };
        command.SetAction(parse =>
        {
            var directory = CatalogSource.Choose(parse.GetValue(standards), [], io).Directory;
            if (parse.GetValue(watch) && directory is null)
            {
                throw new CliException("--watch needs a standards folder (--standards DIR, or run it in a standards tree): the embedded standards never change");
            }

            if (parse.GetValue(maxBatch) < 1 || parse.GetValue(timeout) < 1)
            {
                throw new CliException("--max-batch and --timeout must be at least 1");
            }

            var options = new ServiceOptions
            {
                Urls = parse.GetValue(urls)!,
                StandardsDirectory = directory,
                Watch = parse.GetValue(watch),
                MaxBatchLines = parse.GetValue(maxBatch),
                RequestTimeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
                JsonLogs = parse.GetValue(logFormat) == "json",
            };
            return Run(options, io);
        });
        return command;
    }

    private static int Run(ServiceOptions options, ConsoleIo io)
    {
        using var app = StandardsKitService.Build(options);
        try
        {
            app.StartAsync().GetAwaiter().GetResult();
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures)
            {
                io.Error.WriteLine(failure);
            }

            throw new CliException("the standards do not load; nothing is served (run 'standardskit validate' for every finding)", CliApp.Findings);
        }
        catch (IOException e)
        {
            throw new CliException($"cannot listen on {options.Urls}: {e.Message}");
        }

        var provider = app.Services.GetRequiredService<CatalogProvider>();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"standardskit: serving {options.StandardsDirectory ?? "the embedded standards"} (revision {provider.Current.Revision.Standards}){(options.Watch ? ", watching for changes" : "")} on {string.Join(" ", addresses)}; Ctrl+C stops"));
        app.WaitForShutdownAsync().GetAwaiter().GetResult();
        return CliApp.Ok;
    }
}
