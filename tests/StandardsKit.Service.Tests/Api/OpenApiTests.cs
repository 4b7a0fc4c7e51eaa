using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using StandardsKit.Service.Tests.Support;

namespace StandardsKit.Service.Tests.Api;

/// <summary>/openapi/v1.json is a valid OpenAPI 3 document that lists every endpoint with its problems.</summary>
public sealed class OpenApiTests : IAsyncLifetime
{
    private TestService _service = null!;
    private string _json = "";

    public async Task InitializeAsync()
    {
        _service = await TestService.StartAsync();
        _json = await _service.Client.GetStringAsync("/openapi/v1.json");
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public void The_document_reads_as_OpenAPI_3_without_errors_and_passes_the_default_rules()
    {
        var read = OpenApiDocument.Parse(_json, "json", new OpenApiReaderSettings());

        read.Diagnostic!.Errors.Should().BeEmpty();
        read.Document.Should().NotBeNull();
        read.Diagnostic.SpecificationVersion.Should().BeOneOf(OpenApiSpecVersion.OpenApi3_0, OpenApiSpecVersion.OpenApi3_1);
        JsonNode.Parse(_json)!["openapi"]!.GetValue<string>().Should().StartWith("3.");
        read.Document!.Validate(ValidationRuleSet.GetDefaultRuleSet())!.Should().BeEmpty();
        read.Document!.Info!.Title.Should().Be("StandardsKit");
    }

    [Theory]
    [InlineData("/v1/evaluate", "post")]
    [InlineData("/v1/evaluate/batch", "post")]
    [InlineData("/v1/items", "get")]
    [InlineData("/v1/items/{id}", "get")]
    [InlineData("/v1/facts", "get")]
    [InlineData("/v1/standards", "get")]
    [InlineData("/v1/divisions", "get")]
    [InlineData("/healthz", "get")]
    [InlineData("/readyz", "get")]
    public void Every_endpoint_is_listed_with_an_operation_id_and_a_200_response(string path, string method)
    {
        var operation = JsonNode.Parse(_json)!["paths"]![path]?[method];

        operation.Should().NotBeNull($"{method.ToUpperInvariant()} {path} should be documented");
        operation!["operationId"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        operation["responses"]!["200"].Should().NotBeNull();
    }

    [Fact]
    public void Evaluate_documents_its_request_body_its_result_schema_and_its_problems()
    {
        var evaluate = JsonNode.Parse(_json)!["paths"]!["/v1/evaluate"]!["post"]!;

        evaluate["requestBody"]!["content"]!["application/json"].Should().NotBeNull();
        evaluate["responses"]!["200"]!["content"]!["application/json"]!["schema"]!.ToJsonString().Should().Contain("JsonEvaluation");
        evaluate["responses"]!["422"]!["content"]!["application/problem+json"].Should().NotBeNull();
        var schemas = JsonNode.Parse(_json)!["components"]!["schemas"]!;
        schemas["JsonEvaluation"]!["properties"]!["revision"].Should().NotBeNull();
        schemas["EvaluateRequest"]!["properties"]!["county"]!["description"]!.GetValue<string>().Should().Contain("6-digit");
    }
}
