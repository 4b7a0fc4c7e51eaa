using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Xunit.Abstractions;
using StandardsKit.Service.Tests.Support;

namespace StandardsKit.Service.Tests.Api;

/// <summary>
/// serve --watch: an amount changed in the served folder changes the answer, while requests fired all through the
/// reload each get one revision's answer; a broken revision is never served and /readyz says why.
/// </summary>
/// <remarks>
/// The tests wait for what they can observe (the new answer, /readyz turning Degraded) up to
/// <see cref="Patience"/>, never for a fixed time: on a two-core machine shared with other builds the reload can
/// take far longer than on a quiet one, and a test that fails because the machine is busy says nothing about the
/// service. The 5 s target (issue 12) is a measurement, recorded with its conditions in docs/performance.md; the
/// time each run took is written to the test output.
/// </remarks>
public sealed class WatchTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>How long a test waits for the reload before it fails: far beyond the 5 s target, for loaded machines.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private const string Shanghai = "local/310000-shanghai/2021.yaml";
    private const string Nine = "{name: antenatalChecks, unit: times, value: 9}";
    private const string Twelve = "{name: antenatalChecks, unit: times, value: 12}";

    private readonly TempFolder _folder = TempFolder.CopyOfStandards();
    private TestService _service = null!;

    public async Task InitializeAsync() => _service = await TestService.StartAsync(new ServiceOptions
    {
        StandardsDirectory = _folder.Path,
        Watch = true,
        WatchInterval = TimeSpan.FromMilliseconds(100),
    });

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        _folder.Dispose();
    }

    private sealed record Answer(HttpStatusCode Status, string? Header, string? BodyRevision, decimal? Antenatal);

    private async Task<Answer> Ask()
    {
        // Every item, without explanations: the whole answer, at a size that 1,000 requests on two cores can afford.
        var response = await _service.PostJson("/v1/evaluate", TestService.EvaluateBody("310104", "2024-06-01", Repo.PregnantResident, """, "explain": false"""));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return new Answer(response.StatusCode, null, null, null);
        }

        var body = await TestService.Json(response);
        var maternal = body["decisions"]!.AsArray().Single(d => d!["item"]!.GetValue<string>() == "maternal-health")!;
        var antenatal = maternal["level"]!["quantities"]!.AsArray().Single(q => q!["name"]!.GetValue<string>() == "antenatalChecks")!["value"]!.GetValue<decimal>();
        return new Answer(response.StatusCode, response.Headers.GetValues("StandardsKit-Revision").Single(), body["revision"]!["standards"]!.GetValue<string>(), antenatal);
    }

    [Fact]
    public async Task Changing_an_amount_changes_the_answer_while_a_thousand_concurrent_requests_each_get_one_revision()
    {
        var before = await Ask();
        before.Antenatal.Should().Be(9);
        var answers = new ConcurrentBag<Answer>();
        var clock = Stopwatch.StartNew();
        TimeSpan? changedAfter = null;

        _folder.Replace(Shanghai, Nine, Twelve);
        var edited = clock.Elapsed;

        // Waves of 50 simultaneous requests from the moment of the edit until the new answer has been seen and at
        // least 1,000 requests were made, so the requests straddle the swap whatever this machine's speed.
        while (answers.Count < 1000 || changedAfter is null)
        {
            var wave = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(Ask)));
            foreach (var answer in wave)
            {
                answers.Add(answer);
            }

            if (changedAfter is null && wave.Any(a => a.Antenatal == 12))
            {
                changedAfter = clock.Elapsed - edited;
            }

            (clock.Elapsed - edited).Should().BeLessThan(Patience, "the reload never happened (the target on a quiet machine is 5 s)");
            await Task.Delay(20); // two cores: leave the reload some room between waves, as real traffic would
        }

        output.WriteLine(FormattableString.Invariant($"the new answer was first seen {changedAfter!.Value.TotalSeconds:0.00} s after the edit (target 5 s on a quiet machine); load average {LoadAverage()}"));
        answers.Should().HaveCountGreaterThanOrEqualTo(1000).And.OnlyContain(a => a.Status == HttpStatusCode.OK);
        answers.Should().OnlyContain(a => a.Header == a.BodyRevision, "header and body come from one catalog");
        var byRevision = answers.GroupBy(a => a.BodyRevision).ToDictionary(g => g.Key!, g => g.Select(a => a.Antenatal).Distinct().ToList());
        byRevision.Should().HaveCount(2, "the old revision before the swap and the new one after; never a third");
        byRevision[before.BodyRevision!].Should().Equal([9m]);
        byRevision.Single(p => p.Key != before.BodyRevision).Value.Should().Equal([12m]);
    }

    [Fact]
    public async Task A_revision_with_errors_is_not_served_and_readyz_says_why_until_it_is_fixed()
    {
        var before = await Ask();
        _folder.Replace(Shanghai, Nine, "{name: antenatalChecks, unit: times, value: nine}");

        JsonNode ready = null!;
        var clock = Stopwatch.StartNew();
        while ((ready = await TestService.Json(await _service.Client.GetAsync("/readyz")))["status"]!.GetValue<string>() != "Degraded")
        {
            clock.Elapsed.Should().BeLessThan(Patience, "the broken revision was never noticed");
            await Task.Delay(50);
        }

        output.WriteLine(FormattableString.Invariant($"/readyz said Degraded {clock.Elapsed.TotalSeconds:0.00} s after the edit; load average {LoadAverage()}"));

        ready["revision"]!.GetValue<string>().Should().Be(before.BodyRevision);
        ready["lastError"]!.GetValue<string>().Should().Contain("2021.yaml").And.Contain("error");
        var during = await Ask();
        during.BodyRevision.Should().Be(before.BodyRevision);
        during.Antenatal.Should().Be(9);

        _folder.Replace(Shanghai, "value: nine}", "value: 10}");
        clock.Restart();
        while ((await Ask()).Antenatal != 10)
        {
            clock.Elapsed.Should().BeLessThan(Patience, "the fixed revision was never served");
            await Task.Delay(50);
        }

        (await TestService.Json(await _service.Client.GetAsync("/readyz")))["status"]!.GetValue<string>().Should().Be("Healthy");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
