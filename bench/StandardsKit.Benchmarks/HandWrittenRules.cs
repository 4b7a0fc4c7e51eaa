namespace StandardsKit.Benchmarks;

/// <summary>
/// The five benchmark items hard-coded in C#, as a developer would write them without StandardsKit: the
/// baseline the engine must stay within 3× of. Same rules as the embedded data for 310104 on 2024-06-01.
/// </summary>
public static class HandWrittenRules
{
    /// <summary>Returns how many of the five decisions are "eligible" and sums the levels, so nothing is optimised away.</summary>
    public static decimal Decide(BenchResident r)
    {
        decimal total = 0;
        if (r.Pregnant)
        {
            total += 9 + 2 + 1; // Shanghai antenatal checks, postpartum visits, national 42-day check
        }

        if (r.Age <= 6)
        {
            total += 13;
        }

        if (r.OnlyChildDeceased)
        {
            total += 590;
        }
        else if (r.OnlyChildDisabled)
        {
            total += 460;
        }

        if (r.Sex == "female" && r.RuralHukou && (r.PlanningPregnancy || (r.Pregnant && r.PregnancyWeeks < 13)))
        {
            total += 0.4m + 6;
        }

        if (r.Age >= 65 && r.Hukou.StartsWith("31", StringComparison.Ordinal))
        {
            total += r.Age >= 100 ? 600 : r.Age >= 90 ? 350 : r.Age >= 80 ? 180 : r.Age >= 70 ? 150 : 75;
        }

        return total;
    }
}
