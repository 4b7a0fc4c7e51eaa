using BenchmarkDotNet.Attributes;
using StandardsKit.Analysis;

namespace StandardsKit.Benchmarks;

/// <summary>
/// The national equalisation run: every county-level unit (2,854) × every item in force, floor comparisons per chain
/// of editions, non-hukou probes per county; and the same with the synthetic population's cost. Run in process
/// (<c>--inProcess</c>): on a busy 2-core machine the generated project's build can exceed BenchmarkDotNet's timeout.
/// </summary>
public class EqualizationBenchmarks
{
    private static readonly DateOnly On = new(2024, 6, 1);
    private Catalog _catalog = null!;
    private IReadOnlyList<PopulationRecord> _population = [];

    [GlobalSetup]
    public void Setup()
    {
        _catalog = Catalog.LoadEmbedded().GetCatalogOrThrow();
        var sample = Path.Combine(AppContext.BaseDirectory, "synthetic.jsonl");
        using var reader = new StreamReader(sample);
        _population = PopulationFile.Read(reader, csv: false, _catalog.Facts);
    }

    [Benchmark(Description = "equalization, every county on 2024-06-01")]
    public int National() => Equalization.Run(_catalog, On).Counties.Length;

    [Benchmark(Description = "equalization with the synthetic population's cost")]
    public decimal WithCost() => Equalization.Run(_catalog, On, new EqualizationOptions { Population = _population }).Cost!.National.Annual;
}
