using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using StandardsKit.Service.Http;

namespace StandardsKit.Service.Endpoints;

/// <summary>
/// The screener page at / and its two assets, served from the assembly's resources with a Content-Security-Policy
/// that allows nothing but this origin: the page works offline and cannot load anything from elsewhere.
/// </summary>
internal static class ScreenerEndpoints
{
    private const string Policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static readonly (string Path, string Resource, string Type)[] Assets =
    [
        ("/", "screener/index.html", "text/html; charset=utf-8"),
        ("/screener.js", "screener/screener.js", "text/javascript; charset=utf-8"),
        ("/screener.css", "screener/screener.css", "text/css; charset=utf-8"),
    ];

    public static void Map(IEndpointRouteBuilder app)
    {
        foreach (var (path, resource, type) in Assets)
        {
            var bytes = Read(resource);
            var etag = Revisions.WeakTag(bytes);
            app.MapGet(path, (HttpContext context) =>
            {
                context.Response.Headers[HeaderNames.ContentSecurityPolicy] = Policy;
                context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
                context.Response.Headers[HeaderNames.ETag] = etag;
                return Revisions.NoneMatchFails(context.Request.Headers[HeaderNames.IfNoneMatch], etag)
                    ? Revisions.Unmodified(context)
                    : Results.Bytes(bytes, type);
            }).ExcludeFromDescription();
        }
    }

    private static byte[] Read(string resource)
    {
        using var stream = typeof(ScreenerEndpoints).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the screener asset {resource} is missing from the assembly");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
