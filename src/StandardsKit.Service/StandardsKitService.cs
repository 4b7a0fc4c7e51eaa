using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using StandardsKit.DependencyInjection;
using StandardsKit.Json;
using StandardsKit.Service.Contracts;
using StandardsKit.Service.Endpoints;
using StandardsKit.Service.Http;

namespace StandardsKit.Service;

/// <summary>
/// The StandardsKit HTTP service (<c>standardskit serve</c>): <c>POST /v1/evaluate</c>, <c>POST /v1/evaluate/batch</c>,
/// <c>GET /v1/items</c>, <c>/v1/items/{id}</c>, <c>/v1/facts</c>, <c>/v1/standards</c>, <c>/v1/divisions</c>,
/// <c>/healthz</c>, <c>/readyz</c>, the OpenAPI document at <c>/openapi/v1.json</c> and the screener page at <c>/</c>.
/// </summary>
/// <remarks>See docs/service.md for the contract, limits and errors.</remarks>
public static class StandardsKitService
{
    /// <summary>Builds the application; <paramref name="configure"/> runs last (tests use it for an in-memory server).</summary>
    public static WebApplication Build(ServiceOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ApplicationName = typeof(StandardsKitService).Assembly.GetName().Name });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = Math.Max(options.MaxBatchBytes, options.MaxBodyBytes);
            k.AddServerHeader = false;
        });

        builder.Logging.ClearProviders();
        if (options.JsonLogs)
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        }

        // Logs go to stderr: stdout stays free for what a command prints.
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        builder.Services.AddSingleton(Options.Create(options));
        builder.Services.AddStandardsKit(o =>
        {
            o.StandardsDirectory = options.StandardsDirectory;
            o.Watch = options.Watch;
            o.WatchInterval = options.WatchInterval;
        });
        builder.Services.AddHealthChecks().AddStandardsKit();
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ServiceJsonContext.Default);
            o.SerializerOptions.TypeInfoResolverChain.Insert(1, EvaluationJson.TypeInfoResolver);
        });
        builder.Services.AddRequestTimeouts(o => o.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = options.RequestTimeout,
            TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
            WriteTimeoutResponse = context => new Problem(StatusCodes.Status503ServiceUnavailable, "timeout", "The request took too long",
                $"the limit is {options.RequestTimeout.TotalSeconds:0.###} s per request").ToResult().ExecuteAsync(context),
        });
        builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "StandardsKit",
                Version = StandardsKit.Engine.StandardsRevision.EngineVersion,
                Description = "China's basic public service standards as an eligibility service: who qualifies for which item, at what level, in a county on a date, and why. Errors are RFC 9457 problem+json; every answer carries the StandardsKit-Revision header.",
            };
            return Task.CompletedTask;
        }));
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseMiddleware<RequestLog>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestTimeouts();
        app.MapOpenApi("/openapi/{documentName}.json");
        EvaluateEndpoints.Map(app, options);
        CatalogEndpoints.Map(app);
        HealthEndpoints.Map(app);
        ScreenerEndpoints.Map(app);
        return app;
    }
}
