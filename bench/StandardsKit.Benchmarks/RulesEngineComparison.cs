using BenchmarkDotNet.Attributes;
using RulesEngine.Models;
using StandardsKit.Engine;
using StandardsKit.Screening;

namespace StandardsKit.Benchmarks;

/// <summary>
/// Five items for 1,000 residents of 310104 on 2024-06-01: the rules hand-written in C#, StandardsKit (rows
/// built from the records inside the loop, screened into structs), and Microsoft RulesEngine 6.0.1 with the same
/// rules as lambda strings. Results are per decision (5,000 per operation).
/// </summary>
[MemoryDiagnoser]
public class RulesEngineComparison
{
    private const int Decisions = 5_000;

    private static readonly string[] Items =
        ["maternal-health", "child-health-management", "family-planning-special-assistance", "folic-acid-supplementation", "sh-elderly-allowance"];

    private BenchResident[] _population = [];
    private PreparedEvaluation _prepared = null!;
    private RulesEngine.RulesEngine _rulesEngine = null!;
    private ResidentRow[] _rows = [];
    private ScreenDecision[] _decisions = [];
    private ScreenQuantity[] _quantities = [];
    private int _slots;
    private FactHandle _birthDate;
    private FactHandle _pregnant;
    private FactHandle _pregnancyWeeks;
    private FactHandle _planningPregnancy;
    private FactHandle _ruralHukou;
    private FactHandle _sex;
    private FactHandle _hukou;
    private FactHandle _onlyChildDeceased;
    private FactHandle _onlyChildDisabled;

    [GlobalSetup]
    public void Setup()
    {
        _population = BenchResident.Population(1_000);
        _prepared = Catalog.Default.Prepare("310104", BenchResident.On, new EvaluationOptions { Items = Items, Explain = false });
        _rulesEngine = new RulesEngine.RulesEngine([Workflow()], new ReSettings());
        var rows = _prepared.Rows;
        (_birthDate, _pregnant, _pregnancyWeeks, _planningPregnancy, _ruralHukou) =
            (rows.Fact("birthDate"), rows.Fact("pregnant"), rows.Fact("pregnancyWeeks"), rows.Fact("planningPregnancy"), rows.Fact("ruralHukou"));
        (_sex, _hukou, _onlyChildDeceased, _onlyChildDisabled) = (rows.Fact("sex"), rows.Fact("hukou"), rows.Fact("onlyChildDeceased"), rows.Fact("onlyChildDisabled"));
        _slots = _prepared.Quantities.Length;
        _rows = new ResidentRow[Block];
        _decisions = new ScreenDecision[Block * _prepared.Items.Count];
        _quantities = new ScreenQuantity[Block * _prepared.Quantities.Length];
        var sum = default(Summary);
        Screen(checkAmounts: true, ref sum);
        if (HandWritten() != sum.Total)
        {
            throw new InvalidOperationException($"the hand-written rules and the engine disagree on the five items: {HandWritten()} against {sum.Total}");
        }
    }

    private const int Block = 16;

    [Benchmark(Baseline = true, Description = "hand-written C#", OperationsPerInvoke = Decisions)]
    public decimal HandWritten()
    {
        decimal total = 0;
        foreach (var r in _population)
        {
            total += HandWrittenRules.Decide(r);
        }

        return total;
    }

    [Benchmark(Description = "StandardsKit (rows built in the loop)", OperationsPerInvoke = Decisions)]
    public int StandardsKitEngine()
    {
        var summary = default(Summary);
        return Screen(checkAmounts: false, ref summary);
    }

    /// <summary>
    /// Fills rows and screens them; counts eligible decisions and determined amounts, as the RulesEngine loop counts
    /// successful rules (and, for the setup's check, sums the amounts).
    /// </summary>
    private int Screen(bool checkAmounts, ref Summary summary)
    {
        var used = 0;
        var people = _population;
        var rows = _rows;
        for (var start = 0; start < people.Length; start += Block)
        {
            var count = Math.Min(Block, people.Length - start);
            for (var i = 0; i < count; i++)
            {
                ref var row = ref rows[i];
                var r = people[start + i];
                row.Clear();
                row.Set(_birthDate, r.BirthDate);
                row.Set(_pregnant, r.Pregnant);
                row.Set(_pregnancyWeeks, r.PregnancyWeeks);
                row.Set(_planningPregnancy, r.PlanningPregnancy);
                row.Set(_ruralHukou, r.RuralHukou);
                row.SetIndex(_sex, r.Sex == "female" ? 0 : 1);
                row.SetDivision(_hukou, r.HukouCode);
                row.Set(_onlyChildDeceased, r.OnlyChildDeceased);
                row.Set(_onlyChildDisabled, r.OnlyChildDisabled);
            }

            _prepared.Screen(rows.AsSpan(0, count), _decisions, _quantities);
            foreach (ref readonly var d in _decisions.AsSpan(0, count * Items.Length))
            {
                used += d.Eligibility == EligibilityState.Eligible ? 1 : 0;
            }

            foreach (ref readonly var q in _quantities.AsSpan(0, count * _slots))
            {
                used += q.State == QuantityState.Determined ? 1 : 0;
            }

            if (checkAmounts)
            {
                ScreeningBenchmarks.Consume([], _quantities.AsSpan(0, count * _slots), ref summary);
            }
        }

        return used;
    }

    [Benchmark(Description = "RulesEngine 6.0.1", OperationsPerInvoke = Decisions)]
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
