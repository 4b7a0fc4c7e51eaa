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
                Urls = Urls(parse.GetValue(urls)!),
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

    /// <summary>
    /// The --urls list checked before anything starts: each address an absolute http:// or https:// URL with a host
    /// (<c>*</c>, <c>+</c>, a name or an IP address) and, if given, a port of 0 to 65535; anything else is one clear
    /// error here instead of a host start-up failure.
    /// </summary>
    internal static string Urls(string value)
    {
        var addresses = value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (addresses.Length == 0)
        {
            throw new CliException("--urls is empty; give one or more addresses separated by ';', e.g. http://127.0.0.1:5080");
        }

        foreach (var address in addresses)
        {
            var shown = StandardsKit.Text.TerminalText.Escape(address.Length > 80 ? address[..80] + "…" : address);
            var scheme = address.IndexOf("://", StringComparison.Ordinal);
            if (scheme <= 0 || address[..scheme] is not ("http" or "https"))
            {
                throw new CliException($"--urls '{shown}' is not an http:// or https:// address; write e.g. http://127.0.0.1:5080 (several separated by ';')");
            }

            Microsoft.AspNetCore.Http.BindingAddress parsed;
            try
            {
                parsed = Microsoft.AspNetCore.Http.BindingAddress.Parse(address);
            }
            catch (FormatException)
            {
                throw new CliException($"--urls '{shown}' is not a valid address; write e.g. http://127.0.0.1:5080");
            }

            if (!parsed.IsUnixPipe && (parsed.Host.Length == 0 || parsed.Port is < 0 or > 65535
                || (parsed.Host is not ("*" or "+") && Uri.CheckHostName(parsed.Host.Trim('[', ']')) == UriHostNameType.Unknown)))
            {
                throw new CliException($"--urls '{shown}' has no valid host or port; write e.g. http://127.0.0.1:5080 (port 0 picks a free one)");
            }

            if (parsed.PathBase.Length > 0)
            {
                throw new CliException($"--urls '{shown}' has a path; the service is served at the root: write e.g. http://127.0.0.1:5080");
            }
        }

        return string.Join(';', addresses);
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
        catch (Exception e) when (e is IOException or InvalidOperationException or FormatException)
        {
            throw new CliException($"cannot listen on {options.Urls}: {e.Message.Split('\n', 2)[0].TrimEnd('\r')}");
        }

        var provider = app.Services.GetRequiredService<CatalogProvider>();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"standardskit: serving {options.StandardsDirectory ?? "the embedded standards"} (revision {provider.Current.Revision.Standards}){(options.Watch ? ", watching for changes" : "")} on {string.Join(" ", addresses)}; Ctrl+C stops"));
        app.WaitForShutdownAsync().GetAwaiter().GetResult();
        return CliApp.Ok;
    }
}
