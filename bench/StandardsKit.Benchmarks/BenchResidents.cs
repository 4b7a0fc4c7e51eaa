using StandardsKit.Engine;

namespace StandardsKit.Benchmarks;

/// <summary>A fixed, reproducible population: the same residents for StandardsKit, hand-written C# and RulesEngine.</summary>
public sealed class BenchResident
{
    public int Age { get; init; }
    public bool Pregnant { get; init; }
    public int PregnancyWeeks { get; init; }
    public bool PlanningPregnancy { get; init; }
    public bool RuralHukou { get; init; }
    public string Sex { get; init; } = "female";
    public string Hukou { get; init; } = "310104";
    public int HukouCode => Hukou == "310104" ? 310104 : 520102;
    public DateOnly BirthDate { get; private init; }
    public bool OnlyChildDeceased { get; init; }
    public bool OnlyChildDisabled { get; init; }

    public static readonly DateOnly On = new(2024, 6, 1);

    public static BenchResident[] Population(int count)
    {
        var random = new Random(42);
        return [.. Enumerable.Range(0, count).Select(_ => random.Next(0, 101)).Select(age => new BenchResident
        {
            Age = age,
            BirthDate = On.AddYears(-age).AddDays(-1),
            Pregnant = random.Next(4) == 0,
            PregnancyWeeks = random.Next(0, 40),
            PlanningPregnancy = random.Next(4) == 0,
            RuralHukou = random.Next(2) == 0,
            Sex = random.Next(2) == 0 ? "female" : "male",
            Hukou = random.Next(2) == 0 ? "310104" : "520102",
            OnlyChildDeceased = random.Next(10) == 0,
            OnlyChildDisabled = random.Next(10) == 0,
        })];
    }

    public Resident ToResident() => Resident.Empty
        .With("birthDate", BirthDate)
        .With("pregnant", Pregnant)
        .With("pregnancyWeeks", PregnancyWeeks)
        .With("planningPregnancy", PlanningPregnancy)
        .With("ruralHukou", RuralHukou)
        .With("sex", Sex)
        .With("hukou", Hukou)
        .With("onlyChildDeceased", OnlyChildDeceased)
        .With("onlyChildDisabled", OnlyChildDisabled);
}
