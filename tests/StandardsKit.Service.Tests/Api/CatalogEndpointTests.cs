using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using StandardsKit.Service.Tests.Support;

namespace StandardsKit.Service.Tests.Api;

/// <summary>GET /v1/items, /v1/items/{id}, /v1/facts, /v1/standards, /v1/divisions, /healthz, /readyz.</summary>
public sealed class CatalogEndpointTests : IAsyncLifetime
{
    private TestService _service = null!;

    public async Task InitializeAsync() => _service = await TestService.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private async Task<JsonNode> Get(string path)
    {
        var response = await _service.Client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await TestService.Json(response);
    }

    [Fact]
    public async Task Items_lists_what_is_in_force_in_a_county_with_local_names()
    {
        var body = await Get("/v1/items?county=310104&on=2024-06-01");

        body["chain"]!.AsArray().Select(c => c!["standard"]!.GetValue<string>()).Should().Equal("cn-national", "cn-31");
        var maternal = body["items"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == "maternal-health")!;
        maternal["localName"]!["zh"]!.GetValue<string>().Should().Be("孕产期保健");
        maternal["jurisdiction"]!.GetValue<string>().Should().Be("310000");
    }

    [Fact]
    public async Task An_item_shows_every_layer_with_its_rule_level_and_evidence()
    {
        var body = await Get("/v1/items/maternal-health?county=310104&on=2024-06-01");

        var layers = body["layers"]!.AsArray();
        layers.Select(l => l!["standard"]!.GetValue<string>()).Should().Equal("cn-national@2023", "cn-31@2021");
        layers[0]!["eligibility"]!["when"]!.GetValue<string>().Should().Be("pregnant or postpartum");
        layers[1]!["level"]!["quantities"]!.AsArray().Should().Contain(q => q!["name"]!.GetValue<string>() == "antenatalChecks");
    }

    [Fact]
    public async Task An_unknown_item_is_404_with_a_suggestion()
    {
        var response = await _service.Client.GetAsync("/v1/items/maternal-helth?county=310104&on=2024-06-01");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await TestService.Json(response))["detail"]!.GetValue<string>().Should().Contain("did you mean 'maternal-health'");
    }

    [Fact]
    public async Task Facts_carry_types_values_and_both_languages()
    {
        var facts = (await Get("/v1/facts"))["facts"]!.AsArray();

        var sex = facts.Single(f => f!["name"]!.GetValue<string>() == "sex")!;
        sex["type"]!.GetValue<string>().Should().Be("enum");
        sex["values"]!.AsArray().Select(v => v!.GetValue<string>()).Should().Equal("female", "male");
        sex["description"]!["zh"]!.GetValue<string>().Should().Be("性别");
        sex["description"]!["en"]!.GetValue<string>().Should().Be("Sex");
        facts.Single(f => f!["name"]!.GetValue<string>() == "age")!["derived"]!.GetValue<string>().Should().Be("age-from-birthDate");
    }

    [Fact]
    public async Task Standards_lists_every_edition()
    {
        var standards = (await Get("/v1/standards"))["standards"]!.AsArray();

        standards.Select(s => s!["key"]!.GetValue<string>()).Should().Contain(["cn-national@2021", "cn-national@2023", "cn-31@2021"]);
    }

    [Theory]
    [InlineData("徐汇", "310104")]
    [InlineData("上海 徐汇", "310104")]
    [InlineData("310104", "310104")]
    [InlineData("东莞", "441900")]
    public async Task Divisions_are_found_by_name_or_code_with_their_full_names(string q, string code)
    {
        var found = (await Get("/v1/divisions?q=" + Uri.EscapeDataString(q)))["divisions"]!.AsArray();

        var division = found.First()!;
        division["code"]!.GetValue<string>().Should().Be(code);
        division["county"]!.GetValue<bool>().Should().BeTrue();
        var last = q.Split(' ').Last();
        found.Should().OnlyContain(d => d!["fullName"]!.GetValue<string>().Contains(last) || d["code"]!.GetValue<string>().StartsWith(q));
    }

    [Fact]
    public async Task A_division_search_without_a_query_names_the_q_field()
    {
        var response = await _service.Client.GetAsync("/v1/divisions?q=");

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await TestService.Json(response))["errors"]![0]!["pointer"]!.GetValue<string>().Should().Be("#/q");
    }

    [Fact]
    public async Task A_conditional_get_with_the_etag_is_304_and_carries_the_revision()
    {
        var first = await _service.Client.GetAsync("/v1/facts");
        var etag = first.Headers.ETag!;

        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/facts");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag.Tag));
        var second = await _service.Client.SendAsync(request);

        second.StatusCode.Should().Be(HttpStatusCode.NotModified);
        second.Headers.GetValues("StandardsKit-Revision").Should().Equal(first.Headers.GetValues("StandardsKit-Revision"));
    }

    [Fact]
    public async Task Liveness_and_readiness_answer_with_the_revision()
    {
        (await Get("/healthz"))["status"]!.GetValue<string>().Should().Be("Healthy");
        var ready = await Get("/readyz");
        ready["status"]!.GetValue<string>().Should().Be("Healthy");
        ready["revision"]!.GetValue<string>().Should().Be(Catalog.Default.Revision.Standards);
    }
}
