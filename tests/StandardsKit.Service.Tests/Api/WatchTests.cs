using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using StandardsKit.Service.Tests.Support;

namespace StandardsKit.Service.Tests.Api;

/// <summary>
/// serve --watch: an amount changed in the served folder changes the answer within 5 s, while requests fired all
/// through the reload each get one revision's answer; a broken revision is never served and /readyz says why.
/// </summary>
public sealed class WatchTests : IAsyncLifetime
{
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
    public async Task Changing_an_amount_changes_the_answer_within_5_s_while_a_thousand_concurrent_requests_each_get_one_revision()
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

            (clock.Elapsed - edited).Should().BeLessThan(TimeSpan.FromSeconds(30), "the reload should have happened long ago");
            await Task.Delay(20); // two cores: leave the reload some room between waves, as real traffic would

        }

        changedAfter.Should().BeLessThan(TimeSpan.FromSeconds(5));
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
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
            await Task.Delay(50);
        }

        ready["revision"]!.GetValue<string>().Should().Be(before.BodyRevision);
        ready["lastError"]!.GetValue<string>().Should().Contain("2021.yaml").And.Contain("error");
        var during = await Ask();
        during.BodyRevision.Should().Be(before.BodyRevision);
        during.Antenatal.Should().Be(9);

        _folder.Replace(Shanghai, "value: nine}", "value: 10}");
        while ((await Ask()).Antenatal != 10)
        {
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
            await Task.Delay(50);
        }

        (await TestService.Json(await _service.Client.GetAsync("/readyz")))["status"]!.GetValue<string>().Should().Be("Healthy");
    }
}
