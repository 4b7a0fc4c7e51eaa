using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using StandardsKit.Engine;
using StandardsKit.Screening;

namespace StandardsKit.Benchmarks;

/// <summary>
/// What a decision costs with 0, 300 and 3,000 further county standards loaded beside the national editions:
/// the county screened (the first synthetic county, 110101) has the same chain in every case — the national
/// 2023 edition and its own standard — so any difference is the cost of the others being loaded.
/// </summary>
[MemoryDiagnoser]
public class StandardsCountBenchmarks
{
    private const int Residents = 1_000;
    private const string County = "110101";
    private string _folder = null!;
    private PreparedEvaluation _prepared = null!;
    private Catalog _catalog = null!;
    private Resident _resident = null!;
    private ResidentRow[] _rows = [];
    private ScreenDecision[] _decisions = [];
    private ScreenQuantity[] _quantities = [];

    [Params(0, 300, 3000)]
    public int OtherStandards { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = SyntheticCounties.Write(Path.Combine(Path.GetTempPath(), $"standardskit-count-{OtherStandards}-{Environment.ProcessId}"), OtherStandards + 1);
        var result = Catalog.LoadDirectory(_folder);
        _catalog = result.Catalog ?? throw new InvalidOperationException(string.Join('\n', result.Diagnostics));
        _prepared = _catalog.Prepare(County, BenchResident.On, new EvaluationOptions { Explain = false });
        var chain = string.Join(" → ", _prepared.Chain.Select(c => $"{c.Standard}@{c.Edition}"));
        Console.WriteLine($"// {OtherStandards + 1} local standards loaded; {County} on {BenchResident.On:yyyy-MM-dd}: {chain}, {_prepared.Items.Count} items");
        var people = RawResident.Population(_catalog.Facts, Residents, BenchResident.On);
        var filler = new RowFiller(_prepared.Rows);
        _rows = new ResidentRow[Residents];
        for (var i = 0; i < Residents; i++)
        {
            filler.Fill(ref _rows[i], people[i]);
        }

        _resident = _prepared.Rows.ToResident(_rows[0]);
        _decisions = new ScreenDecision[Residents * _prepared.Items.Count];
        _quantities = new ScreenQuantity[Residents * _prepared.Quantities.Length];
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Description = "screen 1,000 residents (prebuilt rows)")]
    public int Screen()
    {
        _prepared.Screen(_rows, _decisions, _quantities);
        return _decisions[^1].Code;
    }

    [Benchmark(Description = "evaluate one resident (Catalog.Evaluate, no explanations)")]
    public int Evaluate() => _catalog.Evaluate(_resident, County, BenchResident.On, new EvaluationOptions { Explain = false }).Decisions.Length;
}

/// <summary>Loading (schema, references, expressions, compiling) a folder with the national editions and 0, 300 or 3,000 county standards.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class LoadScaleBenchmarks
{
    private string _folder = null!;

    [Params(0, 300, 3000)]
    public int Standards { get; set; }

    [GlobalSetup]
    public void Setup() =>
        _folder = SyntheticCounties.Write(Path.Combine(Path.GetTempPath(), $"standardskit-load-{Standards}-{Environment.ProcessId}"), Standards);

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Description = "load and compile")]
    public int Load() => Catalog.LoadDirectory(_folder).Documents.Length;
}
