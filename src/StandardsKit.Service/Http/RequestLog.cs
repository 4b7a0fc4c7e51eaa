using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace StandardsKit.Service.Http;

/// <summary>One structured log event per request: method, path, status, time and the revision that answered.</summary>
internal sealed partial class RequestLog(RequestDelegate next, ILogger<RequestLog> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var path = context.Request.Path.Value ?? "";
                var revision = context.Response.Headers[Revisions.Header].ToString();
                Answered(logger, context.Request.Method, path, context.Response.StatusCode, elapsed, revision);
            }
        }
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "{Method} {Path} -> {Status} in {ElapsedMs:0.0} ms (revision {Revision})")]
    private static partial void Answered(ILogger logger, string method, string path, int status, double elapsedMs, string revision);
}
