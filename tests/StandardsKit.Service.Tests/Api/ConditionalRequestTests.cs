using System.Net;
using System.Net.Http.Headers;
using System.Text;
using StandardsKit.Service.Tests.Support;

namespace StandardsKit.Service.Tests.Api;

/// <summary>
/// ETags and If-None-Match as RFC 9110 §8.8.3 and §13.1.2 have them: weak tags (the answer, not its bytes on the
/// wire), weak comparison, 304 for GET and HEAD, 412 Precondition Failed for a POST whose answer is already held.
/// </summary>
public sealed class ConditionalRequestTests : IAsyncLifetime
{
    private TestService _service = null!;

    public async Task InitializeAsync() => _service = await TestService.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private static HttpRequestMessage Evaluate(string? ifNoneMatch, string? resident = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/evaluate")
        {
            Content = new StringContent(TestService.EvaluateBody("310104", "2024-06-01", resident ?? Repo.PregnantResident), Encoding.UTF8, "application/json"),
        };
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return request;
    }

    private static HttpRequestMessage Get(string path, string ifNoneMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return request;
    }

    public static TheoryData<string> Paths => new() { "/v1/facts", "/v1/standards", "/v1/items?county=310104&on=2024-06-01", "/v1/items/maternal-health?county=310104&on=2024-06-01", "/v1/divisions?q=徐汇", "/", "/screener.js", "/screener.css" };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Every_etag_is_weak_and_a_get_holding_it_is_answered_304_without_a_body(string path)
    {
        var first = await _service.Client.GetAsync(path);
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        var etag = first.Headers.ETag!;
        etag.IsWeak.Should().BeTrue("the tag stands for the answer; a compressing hop changes its bytes");
        etag.Tag.Should().MatchRegex("^\"[0-9a-f]{32}\"$");

        var second = await _service.Client.SendAsync(Get(path, etag.ToString()));

        second.StatusCode.Should().Be(HttpStatusCode.NotModified);
        (await second.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        second.Headers.ETag.Should().Be(etag);
    }

    [Fact]
    public async Task If_none_match_compares_weakly_in_lists_and_star_matches_anything()
    {
        var etag = (await _service.Client.GetAsync("/v1/facts")).Headers.ETag!;

        (await _service.Client.SendAsync(Get("/v1/facts", etag.Tag))).StatusCode
            .Should().Be(HttpStatusCode.NotModified, "the strong form of the same opaque tag matches by weak comparison");
        (await _service.Client.SendAsync(Get("/v1/facts", "W/\"0000\", " + etag))).StatusCode.Should().Be(HttpStatusCode.NotModified);
        (await _service.Client.SendAsync(Get("/v1/facts", "*"))).StatusCode.Should().Be(HttpStatusCode.NotModified);
        (await _service.Client.SendAsync(Get("/v1/facts", "W/\"0000\""))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _service.Client.SendAsync(Get("/v1/facts", etag.ToString().Replace("W/", "", StringComparison.Ordinal) + "x"))).StatusCode
            .Should().Be(HttpStatusCode.OK, "a different opaque tag does not match");
    }

    [Fact]
    public async Task A_post_whose_answer_the_client_already_holds_is_412_not_304()
    {
        var first = await _service.Client.SendAsync(Evaluate(null));
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        var etag = first.Headers.ETag!;
        etag.IsWeak.Should().BeTrue();

        var again = await _service.Client.SendAsync(Evaluate(etag.ToString()));

        again.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed, "RFC 9110 §13.1.2: 304 only for GET and HEAD");
        again.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await TestService.Json(again))["type"]!.GetValue<string>().Should().Be("urn:standardskit:problem:precondition-failed");
        again.Headers.GetValues("StandardsKit-Revision").Should().Equal(first.Headers.GetValues("StandardsKit-Revision"));
        (await _service.Client.SendAsync(Evaluate("*"))).StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task A_post_with_another_answers_tag_is_evaluated()
    {
        var other = (await _service.Client.SendAsync(Evaluate(null, "{}"))).Headers.ETag!;

        var response = await _service.Client.SendAsync(Evaluate(other.ToString()));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.ETag.Should().NotBe(other, "a different resident is a different answer");
        (await TestService.Json(response))["decisions"].Should().NotBeNull();
    }
}
