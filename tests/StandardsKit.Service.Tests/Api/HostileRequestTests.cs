using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using StandardsKit.Service.Tests.Support;

namespace StandardsKit.Service.Tests.Api;

/// <summary>
/// Hostile request bodies (issue 9): JSON that System.Text.Json would accept with a silent choice — a key given twice
/// ("the last one wins") — or reject only deep inside — bytes that are not UTF-8 — end in problem+json naming where.
/// </summary>
public sealed class HostileRequestTests : IAsyncLifetime
{
    private TestService _service = null!;

    public async Task InitializeAsync() => _service = await TestService.StartAsync(new ServiceOptions { MaxBodyBytes = 64 * 1024 });

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private async Task<(HttpStatusCode Status, JsonNode Body)> Post(byte[] body, string path = "/v1/evaluate", string type = "application/json")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        var response = await _service.Client.PostAsync(path, content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(path.EndsWith("batch", StringComparison.Ordinal) ? text.Split('\n')[0] : text)!);
    }

    private static byte[] Utf8(string s) => new UTF8Encoding(false).GetBytes(s);

    [Theory]
    [InlineData("""{"county": "310104", "county": "110101", "on": "2024-06-01", "resident": {}}""", "#/county", "county")]
    [InlineData("""{"county": "310104", "on": "2024-06-01", "resident": {"pregnant": true, "pregnant": false}}""", "#/resident/pregnant", "pregnant")]
    [InlineData("""{"county": "310104", "on": "2024-06-01", "resident": {}, "items": ["maternal-health"], "id": {"a": 1, "a": 2}}""", "#/id/a", "a")]
    public async Task A_key_given_twice_is_a_422_naming_its_pointer_and_position(string body, string pointer, string key)
    {
        var (status, problem) = await Post(Utf8(body));

        status.Should().Be(HttpStatusCode.UnprocessableEntity);
        problem["errors"]![0]!["pointer"]!.GetValue<string>().Should().Be(pointer);
        problem["detail"]!.GetValue<string>().Should().MatchRegex($@"^line 1, column \d+: the body gives the key '{key}' twice \(first at line 1, column \d+\)");
    }

    [Fact]
    public async Task A_batch_line_with_a_key_given_twice_gets_its_own_problem()
    {
        var (status, line) = await Post(Utf8("""{"county": "310104", "on": "2024-06-01", "resident": {"sex": "female", "sex": "male"}}""" + "\n"), "/v1/evaluate/batch", "application/x-ndjson");

        status.Should().Be(HttpStatusCode.OK);
        line["problem"]!["status"]!.GetValue<int>().Should().Be(422);
        line["problem"]!["errors"]![0]!["pointer"]!.GetValue<string>().Should().Be("#/resident/sex");
    }

    [Fact]
    public async Task Bytes_that_are_not_UTF8_are_a_400_at_their_line_and_column()
    {
        var body = Utf8("""{"county": "310104", "on": "2024-06-01",""" + "\n" + """ "resident": {"sex": "fe""").Concat(new byte[] { 0xC3, 0x28 }).Concat(Utf8("\"}}")).ToArray();

        var (status, problem) = await Post(body);

        status.Should().Be(HttpStatusCode.BadRequest);
        problem["detail"]!.GetValue<string>().Should().MatchRegex(@"^line 2, column 25: the body is not valid UTF-8");
    }

    [Fact]
    public async Task A_NUL_inside_a_fact_name_is_an_unknown_fact_naming_the_key_not_a_null_fact()
    {
        var (status, problem) = await Post(Utf8("""{"county": "310104", "on": "2024-06-01", "resident": {"military\u0000Status": "veteran"}}"""));

        status.Should().Be(HttpStatusCode.UnprocessableEntity);
        // JSON carries the NUL escaped; the detail names the key as it was sent.
        problem["detail"]!.GetValue<string>().Should().StartWith("unknown fact 'military\u0000Status'");
        problem["errors"]![0]!["pointer"]!.GetValue<string>().Should().Be("#/resident/military\u0000Status");
    }

    [Fact]
    public async Task A_fact_name_with_a_slash_is_escaped_in_the_pointer()
    {
        var (_, problem) = await Post(Utf8("""{"county": "310104", "on": "2024-06-01", "resident": {"a/b~c": 1}}"""));

        problem["errors"]![0]!["pointer"]!.GetValue<string>().Should().Be("#/resident/a~1b~0c");
    }
}
