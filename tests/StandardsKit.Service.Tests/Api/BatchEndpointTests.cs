using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using StandardsKit.Service.Tests.Support;

namespace StandardsKit.Service.Tests.Api;

/// <summary>POST /v1/evaluate/batch: NDJSON in, NDJSON out, in order, one line per resident, problems per line.</summary>
public sealed class BatchEndpointTests : IAsyncLifetime
{
    private TestService _service = null!;

    public async Task InitializeAsync() => _service = await TestService.StartAsync(new ServiceOptions { MaxBatchLines = 5 });

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private async Task<(HttpResponseMessage Response, List<JsonNode> Lines)> Batch(params string[] lines)
    {
        var content = new StringContent(string.Join("\n", lines) + "\n", Encoding.UTF8, "application/x-ndjson");
        var response = await _service.Client.PostAsync("/v1/evaluate/batch", content);
        var text = await response.Content.ReadAsStringAsync();
        return (response, [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!)]);
    }

    private static string Line(string resident, string extra = "") =>
        TestService.EvaluateBody("310104", "2024-06-01", resident, """, "items": ["maternal-health"]""" + extra).ReplaceLineEndings(" ");

    [Fact]
    public async Task Each_line_is_answered_in_order_with_its_id_and_bad_lines_get_a_problem_while_the_rest_go_on()
    {
        var (response, lines) = await Batch(
            Line("""{"pregnant": true}""", """, "id": "a" """),
            Line("""{"pregnent": true}"""),
            "",
            Line("""{"pregnant": false, "postpartum": false}""", """, "id": 7"""));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/x-ndjson");
        lines.Select(l => l["line"]!.GetValue<int>()).Should().Equal(1, 2, 4);
        lines[0]["id"]!.GetValue<string>().Should().Be("a");
        lines[0]["result"]!["decisions"]![0]!["eligible"]!.GetValue<bool>().Should().BeTrue();
        lines[1]["problem"]!["errors"]![0]!["pointer"]!.GetValue<string>().Should().Be("#/resident/pregnent");
        lines[2]["id"]!.GetValue<int>().Should().Be(7);
        lines[2]["result"]!["decisions"]![0]!["eligible"]!.GetValue<bool>().Should().BeFalse();
        var revision = response.Headers.GetValues("StandardsKit-Revision").Single();
        lines.Where(l => l["result"] is not null).Should().OnlyContain(l => l["result"]!["revision"]!["standards"]!.GetValue<string>() == revision);
    }

    [Fact]
    public async Task A_batch_line_equals_the_single_evaluation()
    {
        var (_, lines) = await Batch(Line(Repo.PregnantResident.ReplaceLineEndings(" ")));
        var single = await TestService.Json(await _service.PostJson("/v1/evaluate", Line(Repo.PregnantResident)));

        JsonNode.DeepEquals(lines.Single()["result"], single).Should().BeTrue();
    }

    [Fact]
    public async Task A_batch_over_the_line_limit_stops_with_a_problem_line()
    {
        var (_, lines) = await Batch([.. Enumerable.Repeat(Line("{}"), 7)]);

        lines.Should().HaveCount(6);
        lines[5]["line"]!.GetValue<int>().Should().Be(6);
        lines[5]["problem"]!["type"]!.GetValue<string>().Should().Be("urn:standardskit:problem:batch-too-large");
    }
}
