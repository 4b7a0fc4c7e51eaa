using System.Net;
using System.Text.Json.Nodes;
using StandardsKit.Service.Tests.Support;

namespace StandardsKit.Service.Tests.Api;

/// <summary>POST /v1/evaluate: the same §6 JSON as the CLI, the revision in header and body, problems that name the field.</summary>
public sealed class EvaluateEndpointTests : IAsyncLifetime
{
    private TestService _service = null!;

    public async Task InitializeAsync() => _service = await TestService.StartAsync(new ServiceOptions { MaxBodyBytes = 64 * 1024 });

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private Task<HttpResponseMessage> Evaluate(string resident, string extra = "", string county = "310104", string on = "2024-06-01") =>
        _service.PostJson("/v1/evaluate", TestService.EvaluateBody(county, on, resident, extra));

    [Fact]
    public async Task The_pregnant_Xuhui_resident_gets_exactly_what_eval_format_json_prints_with_the_revision()
    {
        var response = await Evaluate(Repo.PregnantResident);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var body = await TestService.Json(response);
        var cli = CliRunner.Run(Repo.PregnantResident, "eval", "--county", "310104", "--on", "2024-06-01", "--resident", "-", "--format", "json");
        cli.ExitCode.Should().Be(0, cli.Err);
        JsonNode.DeepEquals(body, JsonNode.Parse(cli.Out)).Should().BeTrue("the service and the CLI share one serializer and one catalog");
        body["revision"]!["standards"]!.GetValue<string>().Should().MatchRegex("^[0-9a-f]{64}$");
        response.Headers.GetValues("StandardsKit-Revision").Should().Equal(body["revision"]!["standards"]!.GetValue<string>());
        response.Headers.ETag.Should().NotBeNull();
        var maternal = body["decisions"]!.AsArray().Single(d => d!["item"]!.GetValue<string>() == "maternal-health")!;
        maternal["eligible"]!.GetValue<bool>().Should().BeTrue();
        maternal["level"]!["quantities"]![0]!["value"]!.GetValue<decimal>().Should().Be(9);
    }

    [Fact]
    public async Task Explanations_can_be_turned_off_and_items_filtered()
    {
        var body = await TestService.Json(await Evaluate(Repo.PregnantResident, """, "items": ["maternal-health"], "explain": false"""));

        var decision = body["decisions"]!.AsArray().Should().ContainSingle().Which!;
        decision["because"]!.AsArray().Should().BeEmpty();
        decision["citations"]!.AsArray().Should().BeEmpty();
    }

    public static TheoryData<string, string, string, int, string, string> Problems => new()
    {
        { "unknown fact", """{"pregnent": true}""", "", 422, "#/resident/pregnent", "did you mean 'pregnant'" },
        { "wrong type", """{"pregnant": "yes"}""", "", 422, "#/resident/pregnant", "expected true or false" },
        { "enum value", """{"sex": "f"}""", "", 422, "#/resident/sex", "one of female, male" },
        { "birth after date", """{"birthDate": "2030-01-01"}""", "", 422, "#/resident/birthDate", "after the evaluation date" },
        { "item not in force", "{}", """, "items": ["maternal-health", "maternal-helth"]""", 422, "#/items/1", "did you mean 'maternal-health'" },
        { "items not a list", "{}", """, "items": "maternal-health" """, 422, "#/items", "list of item ids" },
        { "resident not an object", "[1]", "", 422, "#/resident", "JSON object of facts" },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public async Task A_bad_request_is_problem_json_naming_the_field_at_fault(string what, string resident, string extra, int status, string pointer, string detail)
    {
        var response = await Evaluate(resident, extra);

        ((int)response.StatusCode).Should().Be(status, what);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await TestService.Json(response);
        problem["status"]!.GetValue<int>().Should().Be(status);
        problem["type"]!.GetValue<string>().Should().StartWith("urn:standardskit:problem:");
        problem["detail"]!.GetValue<string>().Should().Contain(detail);
        problem["errors"]![0]!["pointer"]!.GetValue<string>().Should().Be(pointer);
    }

    [Theory]
    [InlineData("310199", "#/county", "unknown county code")]
    [InlineData("3101", "#/county", "6-digit")]
    public async Task A_bad_county_names_the_county_field(string county, string pointer, string detail)
    {
        var problem = await TestService.Json(await Evaluate("{}", county: county));

        problem["errors"]![0]!["pointer"]!.GetValue<string>().Should().Be(pointer);
        problem["detail"]!.GetValue<string>().Should().Contain(detail);
    }

    [Theory]
    [InlineData("2024-13-01")]
    [InlineData("1700-01-01")]
    public async Task A_bad_date_names_the_on_field(string on)
    {
        var response = await Evaluate("{}", on: on);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await TestService.Json(response))["errors"]![0]!["pointer"]!.GetValue<string>().Should().Be("#/on");
    }

    [Theory]
    [InlineData("{\"county\": ")]
    [InlineData("{} {}")]
    public async Task Malformed_json_is_400(string body)
    {
        var response = await _service.PostJson("/v1/evaluate", body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await TestService.Json(response))["type"]!.GetValue<string>().Should().Be("urn:standardskit:problem:malformed-json");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        var padding = new string(' ', 70 * 1024);
        var response = await _service.PostJson("/v1/evaluate", TestService.EvaluateBody("310104", "2024-06-01", "{}" + padding));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await TestService.Json(response))["type"]!.GetValue<string>().Should().Be("urn:standardskit:problem:body-too-large");
    }

    [Fact]
    public async Task An_unknown_path_is_problem_json_too()
    {
        var response = await _service.Client.GetAsync("/v1/nothing-here");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }
}
