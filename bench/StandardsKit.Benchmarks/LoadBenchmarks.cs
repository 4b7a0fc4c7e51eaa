using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace StandardsKit.Benchmarks;

/// <summary>Load, validate (including floor proofs) and compile every embedded standard.</summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 3, warmupCount: 0, iterationCount: 1, id: "cold")]
[SimpleJob(RunStrategy.Throughput, id: "warm")]
public class LoadBenchmarks
{
    [Benchmark(Description = "load embedded standards")]
    public int Load() => Catalog.LoadEmbedded().Documents.Length;
}
