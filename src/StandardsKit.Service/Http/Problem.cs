using Microsoft.AspNetCore.Http;

namespace StandardsKit.Service.Http;

/// <summary>
/// An RFC 9457 problem: a stable <c>type</c> URI per kind (documented in docs/service.md), a title, a detail that
/// says what to fix, and <c>errors</c> with a JSON Pointer to the field or fact at fault.
/// </summary>
internal sealed record Problem(int Status, string Slug, string Title, string Detail, string? Pointer = null)
{
    public const string TypePrefix = "urn:standardskit:problem:";

    public IResult ToResult() => TypedResults.Problem(ToDetails());

    public Microsoft.AspNetCore.Mvc.ProblemDetails ToDetails()
    {
        var details = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = Status,
            Type = TypePrefix + Slug,
            Title = Title,
            Detail = Detail,
        };
        if (Pointer is not null)
        {
            details.Extensions["errors"] = new[] { new FieldError(Detail, Pointer) };
        }

        return details;
    }

    public static Problem Malformed(string detail) => new(StatusCodes.Status400BadRequest, "malformed-json", "The request body is not valid JSON", detail);

    public static Problem Field(string pointer, string detail) =>
        new(StatusCodes.Status422UnprocessableEntity, "invalid-field", "A field of the request is invalid", detail, pointer);

    public static Problem Fact(string fact, string detail) =>
        new(StatusCodes.Status422UnprocessableEntity, "invalid-fact", "A fact of the resident cannot be used", detail,
            "#/resident/" + fact.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));

    public static Problem TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, "body-too-large", "The request body is too large", $"the limit is {limit} bytes; send fewer residents per request");
}

/// <summary>One field at fault: what is wrong and where, as a JSON Pointer into the request (RFC 9457 §3).</summary>
internal sealed record FieldError(string Detail, string Pointer);
