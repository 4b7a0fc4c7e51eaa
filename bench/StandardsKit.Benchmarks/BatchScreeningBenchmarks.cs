using BenchmarkDotNet.Attributes;
using RulesEngine.Models;
using StandardsKit.Engine;

namespace StandardsKit.Benchmarks;

/// <summary>
/// Five items for 1,000 residents of 310104 on 2024-06-01 (5,000 item decisions per operation): StandardsKit,
/// the same rules hand-written in C#, and Microsoft RulesEngine 6.0.1 with the same rules as lambda strings.
/// </summary>
[MemoryDiagnoser]
public class BatchScreeningBenchmarks
{
    private static readonly string[] Items =
        ["maternal-health", "child-health-management", "family-planning-special-assistance", "folic-acid-supplementation", "sh-elderly-allowance"];

    private BenchResident[] _population = [];
    private Resident[] _residents = [];
    private Catalog _catalog = null!;
    private PreparedEvaluation _prepared = null!;
    private RulesEngine.RulesEngine _rulesEngine = null!;

    [GlobalSetup]
    public void Setup()
    {
        _population = BenchResident.Population(1_000);
        _residents = [.. _population.Select(p => p.ToResident())];
        _catalog = Catalog.Default;
        _prepared = _catalog.Prepare("310104", BenchResident.On, new EvaluationOptions { Items = Items, Explain = false });
        _rulesEngine = new RulesEngine.RulesEngine([Workflow()], new ReSettings());
    }

    [Benchmark(Baseline = true, Description = "hand-written C#")]
    public decimal HandWritten()
    {
        decimal total = 0;
        foreach (var r in _population)
        {
            total += HandWrittenRules.Decide(r);
        }

        return total;
    }

    [Benchmark(Description = "StandardsKit")]
    public decimal StandardsKitEngine()
    {
        decimal total = 0;
        foreach (var r in _residents)
        {
            foreach (var d in _prepared.Evaluate(r).Decisions)
            {
                if (d.Level is { } level)
                {
                    foreach (var q in level.Quantities)
                    {
                        total += q.Value ?? 0;
                    }
                }
            }
        }

        return total;
    }

    [Benchmark(Description = "RulesEngine 6.0.1")]
    public int MicrosoftRulesEngine()
    {
        var eligible = 0;
        foreach (var r in _population)
        {
            // RulesEngine has no synchronous API; a synchronous caller waits like this. Its rules run without I/O,
            // so the ValueTask has completed by the time GetResult is called.
#pragma warning disable CA2012
            var results = _rulesEngine.ExecuteAllRulesAsync("screening", r).GetAwaiter().GetResult();
#pragma warning restore CA2012
            foreach (var result in results)
            {
                eligible += result.IsSuccess ? 1 : 0;
            }
        }

        return eligible;
    }

    private static Workflow Workflow() => new()
    {
        WorkflowName = "screening",
        Rules =
        [
            new Rule { RuleName = "maternal-health", Expression = "input1.Pregnant" },
            new Rule { RuleName = "child-health-management", Expression = "input1.Age <= 6" },
            new Rule { RuleName = "special-assistance-deceased", Expression = "input1.OnlyChildDeceased" },
            new Rule { RuleName = "special-assistance-disabled", Expression = "input1.OnlyChildDisabled && !input1.OnlyChildDeceased" },
            new Rule { RuleName = "folic-acid", Expression = "input1.Sex == \"female\" && input1.RuralHukou && (input1.PlanningPregnancy || (input1.Pregnant && input1.PregnancyWeeks < 13))" },
            new Rule { RuleName = "elderly-allowance-100", Expression = "input1.Age >= 100 && input1.Hukou.StartsWith(\"31\")" },
            new Rule { RuleName = "elderly-allowance-90", Expression = "input1.Age >= 90 && input1.Age < 100 && input1.Hukou.StartsWith(\"31\")" },
            new Rule { RuleName = "elderly-allowance-80", Expression = "input1.Age >= 80 && input1.Age < 90 && input1.Hukou.StartsWith(\"31\")" },
            new Rule { RuleName = "elderly-allowance-70", Expression = "input1.Age >= 70 && input1.Age < 80 && input1.Hukou.StartsWith(\"31\")" },
            new Rule { RuleName = "elderly-allowance-65", Expression = "input1.Age >= 65 && input1.Age < 70 && input1.Hukou.StartsWith(\"31\")" },
        ],
    };
}
