using BenchmarkDotNet.Attributes;
using StandardsKit.Engine;

namespace StandardsKit.Benchmarks;

/// <summary>Every item in force for one resident of Xuhui (310104) on 2024-06-01: about 90 decisions.</summary>
[MemoryDiagnoser]
public class CountyEvaluationBenchmarks
{
    private static readonly EvaluationOptions WithoutTrace = new() { Explain = false };
    private Catalog _catalog = null!;
    private Resident _resident = null!;

    [GlobalSetup]
    public void Setup()
    {
        _catalog = Catalog.Default;
        _resident = Resident.Empty.With("birthDate", "1990-01-01").With("sex", "female").With("pregnant", true)
            .With("hukou", "310104").With("ruralHukou", false).With("dibao", false);
    }

    [Benchmark(Description = "all items, without trace")]
    public int WithoutExplanation() => _catalog.Evaluate(_resident, "310104", BenchResident.On, WithoutTrace).Decisions.Length;

    [Benchmark(Description = "all items, with because and citations")]
    public int WithExplanation() => _catalog.Evaluate(_resident, "310104", BenchResident.On).Decisions.Length;
}
