using BenchmarkDotNet.Attributes;
using StandardsKit.Engine;
using StandardsKit.Screening;

namespace StandardsKit.Benchmarks;

/// <summary>
/// Screening 1,000 realistic residents (54 given facts each, plus the derived age) of Xuhui (310104) on
/// 2024-06-01 for all 83 items in force: the rules hard-coded in C# against StandardsKit with each resident's
/// row built from the raw record inside the measured loop. Results are per decision (83,000 per operation).
/// </summary>
[MemoryDiagnoser]
public class ScreeningBenchmarks
{
    private const int Residents = 1_000;
    private const int Decisions = Residents * 83;

    /// <summary>Residents screened per call: the buffers of a block stay in the CPU's cache.</summary>
    private const int Block = 16;

    private RawResident[] _people = [];
    private PreparedEvaluation _prepared = null!;
    private RowFiller _filler = null!;
    private ResidentRow[] _rows = [];
    private ScreenDecision[] _decisions = [];
    private ScreenQuantity[] _quantities = [];
    private int _items;
    private int _slots;

    [GlobalSetup]
    public void Setup()
    {
        var catalog = Catalog.Default;
        _prepared = catalog.Prepare("310104", BenchResident.On, new EvaluationOptions { Explain = false });
        _filler = new RowFiller(_prepared.Rows);
        _people = RawResident.Population(catalog.Facts, Residents, BenchResident.On);
        ScreeningCheck.HandWrittenAgrees(_prepared, _filler, _people, BenchResident.On);
        _items = _prepared.Items.Count;
        _slots = _prepared.Quantities.Length;
        _rows = new ResidentRow[Block];
        _decisions = new ScreenDecision[Block * _prepared.Items.Count];
        _quantities = new ScreenQuantity[Block * _prepared.Quantities.Length];
    }

    [Benchmark(Baseline = true, Description = "hand-written C#", OperationsPerInvoke = Decisions)]
    public decimal HandWritten()
    {
        var summary = default(Summary);
        var people = _people;
        for (var i = 0; i < people.Length; i++)
        {
            HandWrittenRules.Decide(people[i], BenchResident.On, ref summary);
        }

        return summary.Total + summary.Eligible;
    }

    [Benchmark(Description = "StandardsKit (rows built in the loop)", OperationsPerInvoke = Decisions)]
    public decimal StandardsKit()
    {
        var summary = default(Summary);
        var people = _people;
        var rows = _rows;
        for (var start = 0; start < people.Length; start += Block)
        {
            var count = Math.Min(Block, people.Length - start);
            for (var i = 0; i < count; i++)
            {
                _filler.Fill(ref rows[i], people[start + i]);
            }

            _prepared.Screen(rows.AsSpan(0, count), _decisions, _quantities);
            Consume(_decisions.AsSpan(0, count * _items), _quantities.AsSpan(0, count * _slots), ref summary);
        }

        return summary.Total + summary.Eligible;
    }

    /// <summary>Reads every decision and amount, as a caller does.</summary>
    public static void Consume(ReadOnlySpan<ScreenDecision> decisions, ReadOnlySpan<ScreenQuantity> quantities, ref Summary summary)
    {
        foreach (ref readonly var d in decisions)
        {
            summary.Item(0, d.Eligibility == EligibilityState.Eligible);
        }

        foreach (ref readonly var q in quantities)
        {
            if (q.State == QuantityState.Determined)
            {
                summary.Quantity(0, q.Value.GetValueOrDefault());
            }
        }
    }
}
