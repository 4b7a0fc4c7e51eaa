using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StandardsKit.Service.Contracts;

namespace StandardsKit.Service.Endpoints;

/// <summary>
/// /healthz: the process answers (liveness). /readyz: the standards are served; Degraded (still 200) while the last
/// good revision is served because a reload failed, with the reason; 503 when nothing could be loaded.
/// </summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Json(new HealthView("Healthy", null, null, null, null, "the process answers"), ServiceJson.Readable.HealthView))
            .WithName("Liveness").WithSummary("The process is up")
            .Produces<HealthView>();
        app.MapGet("/readyz", ReadyAsync)
            .WithName("Readiness").WithSummary("The standards are loaded; Degraded with the reason while a reload is not swapped in")
            .Produces<HealthView>().Produces<HealthView>(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> ReadyAsync(HealthCheckService health, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(r => r.Tags.Contains("ready"), cancellationToken);
        var entry = report.Entries.Values.FirstOrDefault();
        string? Data(string key) => entry.Data?.TryGetValue(key, out var v) == true ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;
        var view = new HealthView(report.Status.ToString(), Data("revision"), Data("engine"),
            entry.Data?.TryGetValue("loadedAt", out var at) == true && at is DateTimeOffset when ? when : null, Data("lastError"), entry.Description);
        return TypedResults.Json(view, ServiceJson.Readable.HealthView,
            statusCode: report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }
}
