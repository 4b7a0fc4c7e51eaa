using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using StandardsKit.Analysis;

namespace StandardsKit.Benchmarks;

/// <summary>
/// What <c>validate</c> does for a folder of many county standards with distinct effective dates: load it, then
/// prove every floor obligation. The cost should grow with the number of standards, not its square.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class FloorProofScaleBenchmarks
{
    private string _folder = null!;

    [Params(300, 3000)]
    public int Counties { get; set; }

    [GlobalSetup]
    public void Setup() =>
        _folder = SyntheticCounties.Write(Path.Combine(Path.GetTempPath(), $"standardskit-bench-{Counties}-{Environment.ProcessId}"), Counties);

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Description = "load and prove the floor")]
    public int LoadAndProve()
    {
        var result = Catalog.LoadDirectory(_folder);
        var catalog = result.Catalog ?? throw new InvalidOperationException(string.Join('\n', result.Diagnostics));
        var report = FloorProver.Prove(catalog);
        if (report.Count(ProofStatus.Proved) != 3 * Counties)
        {
            throw new InvalidOperationException($"expected {3 * Counties} proved obligations, got {report.Count(ProofStatus.Proved)}");
        }

        return report.Proofs.Length;
    }
}
