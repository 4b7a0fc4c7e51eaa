using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace StandardsKit.Service.Http;

/// <summary>
/// Response headers that tie an answer to what made it: <c>StandardsKit-Revision</c> (the standards hash) and a
/// strong ETag over the body bytes, so a conditional GET is answered 304 while nothing changed.
/// </summary>
internal static class Revisions
{
    public const string Header = "StandardsKit-Revision";

    public static void Stamp(HttpResponse response, Catalog catalog) => response.Headers[Header] = catalog.Revision.Standards;

    /// <summary>Writes a JSON body with its ETag, or 304 when the client already has it.</summary>
    public static IResult Json(HttpContext context, Catalog catalog, byte[] utf8, string contentType = "application/json")
    {
        Stamp(context.Response, catalog);
        var etag = "\"" + Convert.ToHexString(SHA256.HashData(utf8), 0, 16).ToLowerInvariant() + "\"";
        context.Response.Headers[HeaderNames.ETag] = etag;
        var ifNoneMatch = context.Request.Headers[HeaderNames.IfNoneMatch];
        if (ifNoneMatch.Count > 0 && ifNoneMatch.ToString().Split(',').Any(t => t.Trim() == etag || t.Trim() == "*"))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(utf8, contentType);
    }
}
