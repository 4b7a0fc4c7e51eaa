using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StandardsKit.Service.Tests.Support;

namespace StandardsKit.Service.Tests.Api;

/// <summary>`standardskit serve` as a real process on a real socket: it prints where it listens and answers HTTP.</summary>
public sealed partial class RealSocketTests
{
    [Fact]
    public async Task Serve_listens_on_a_loopback_port_and_answers_evaluate_health_and_the_page()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "StandardsKit.Cli.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", [cli, "serve", "--urls", "http://127.0.0.1:0", "--log-format", "text"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            // Outside any standards tree, so it serves the embedded standards as the in-process CLI it is compared with
            // (run from the test's folder inside the checkout, it would find and serve the working tree).
            WorkingDirectory = Path.GetTempPath(),
        })!;
        try
        {
            var url = await ListeningUrl(process);
            url.Should().StartWith("http://127.0.0.1:");
            using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };

            var ready = JsonNode.Parse(await client.GetStringAsync("/readyz"))!;
            ready["status"]!.GetValue<string>().Should().Be("Healthy");

            var response = await client.PostAsync("/v1/evaluate", new StringContent(
                TestService.EvaluateBody("310104", "2024-06-01", Repo.PregnantResident), Encoding.UTF8, "application/json"));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            var cliOut = CliRunner.Run(Repo.PregnantResident, "eval", "--county", "310104", "--on", "2024-06-01", "--resident", "-");
            JsonNode.DeepEquals(JsonNode.Parse(await response.Content.ReadAsStringAsync()), JsonNode.Parse(cliOut.Out)).Should().BeTrue();

            var page = await client.GetAsync("/");
            page.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
            page.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("default-src 'self'");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task<string> ListeningUrl(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var seen = new StringBuilder();
        while (await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            seen.AppendLine(line);
            if (Serving().Match(line) is { Success: true } m)
            {
                return m.Groups[1].Value;
            }
        }

        throw new InvalidOperationException("serve exited without saying where it listens:\n" + seen);
    }

    [GeneratedRegex(@"^standardskit: serving .* on (http://\S+);")]
    private static partial Regex Serving();
}
