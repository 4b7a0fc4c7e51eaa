using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace StandardsKit.Service.Tests.Support;

/// <summary>
/// The service on an in-memory server (Microsoft.AspNetCore.TestHost, from Microsoft.AspNetCore.Mvc.Testing): the same
/// application <c>standardskit serve</c> runs, built by <see cref="StandardsKitService.Build"/>.
/// </summary>
internal sealed class TestService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestService(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<TestService> StartAsync(ServiceOptions? options = null)
    {
        var app = StandardsKitService.Build(options ?? new ServiceOptions(), builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await app.StartAsync();
        return new TestService(app, app.GetTestClient());
    }

    public Task<HttpResponseMessage> PostJson(string path, string json) =>
        Client.PostAsync(path, new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")));

    public static string EvaluateBody(string county, string on, string resident, string extra = "") =>
        $$"""{"county": "{{county}}", "on": "{{on}}", "resident": {{resident}}{{extra}}}""";

    public static async Task<JsonNode> Json(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
