using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace StandardsKit.Service.Http;

/// <summary>
/// Response headers that tie an answer to what made it: <c>StandardsKit-Revision</c> (the standards hash) and a
/// weak ETag over the body, with RFC 9110 §13.1.2's If-None-Match: a GET or HEAD that already has the current
/// representation is answered 304, any other method (a POST to /v1/evaluate) 412 Precondition Failed.
/// </summary>
/// <remarks>
/// The tags are weak (<c>W/"…"</c>): they stand for the answer, not for its bytes on the wire, which a
/// compressing proxy or another negotiated encoding may change; a strong tag would claim byte equality that
/// such a hop cannot keep. If-None-Match is compared weakly, as RFC 9110 §13.1.2 requires.
/// </remarks>
internal static class Revisions
{
    public const string Header = "StandardsKit-Revision";

    public static void Stamp(HttpResponse response, Catalog catalog) => response.Headers[Header] = catalog.Revision.Standards;

    /// <summary>The weak entity tag of a representation: the first 128 bits of its SHA-256.</summary>
    public static string WeakTag(ReadOnlySpan<byte> representation) =>
        "W/\"" + Convert.ToHexString(SHA256.HashData(representation), 0, 16).ToLowerInvariant() + "\"";

    /// <summary>
    /// Whether an If-None-Match field value matches <paramref name="etag"/> by weak comparison (the opaque tags are
    /// equal, W/ ignored) or is <c>*</c>. Values may be repeated headers and comma-separated lists.
    /// </summary>
    public static bool NoneMatchFails(StringValues ifNoneMatch, string etag)
    {
        if (ifNoneMatch.Count == 0)
        {
            return false;
        }

        var ours = Opaque(etag);
        foreach (var value in ifNoneMatch)
        {
            foreach (var token in (value ?? "").Split(','))
            {
                var tag = token.Trim();
                if (tag == "*" || (tag.Length > 0 && Opaque(tag).SequenceEqual(ours)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The answer to a request whose If-None-Match matched: 304 for GET and HEAD (the client's copy is current),
    /// 412 for every other method (RFC 9110 §13.1.2: the method must not be performed).
    /// </summary>
    public static IResult Unmodified(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : new Problem(StatusCodes.Status412PreconditionFailed, "precondition-failed", "If-None-Match matched the current answer",
                "the answer under the current revision has an entity tag listed in If-None-Match; drop If-None-Match to get it again").ToResult();

    /// <summary>Writes a JSON body with its weak ETag, or 304/412 when If-None-Match already names it.</summary>
    public static IResult Json(HttpContext context, Catalog catalog, byte[] utf8, string contentType = "application/json")
    {
        Stamp(context.Response, catalog);
        var etag = WeakTag(utf8);
        context.Response.Headers[HeaderNames.ETag] = etag;
        return NoneMatchFails(context.Request.Headers[HeaderNames.IfNoneMatch], etag)
            ? Unmodified(context)
            : TypedResults.Bytes(utf8, contentType);
    }

    private static ReadOnlySpan<char> Opaque(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag.AsSpan(2) : tag.AsSpan();
}
