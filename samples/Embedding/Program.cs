using Microsoft.Extensions.DependencyInjection;
using StandardsKit;
using StandardsKit.DependencyInjection;
using StandardsKit.Engine;

// 1. One resident, every item in force in Xuhui (310104) on 2024-06-01, with explanations.
var catalog = Catalog.Default;                       // embedded standards; load once, share everywhere
var resident = Resident.Empty
    .With("birthDate", new DateOnly(1995, 3, 1))
    .With("sex", "female")
    .With("pregnant", true)
    .With("hukou", "310104");

var evaluation = catalog.Evaluate(resident, county: "310104", on: new DateOnly(2024, 6, 1));
foreach (var d in evaluation.Decisions.Where(d => d.Eligible != false))
{
    var level = string.Join(", ", d.Level?.Quantities.Select(Describe) ?? []);
    var missing = d.MissingFacts.IsEmpty ? "" : $" (needs {string.Join(", ", d.MissingFacts)})";
    Console.WriteLine($"{d.Name.Zh} [{d.Jurisdiction}]: {d.Eligible?.ToString() ?? "undetermined"} {level}{missing}");
}

// 2. Batch screening: resolve the county and date once, then evaluate many residents without explanations.
var screening = catalog.Prepare("510104", new DateOnly(2024, 6, 1),
    new EvaluationOptions { Items = ["family-planning-special-assistance"], Explain = false });
var families = new[]
{
    Resident.Empty.With("onlyChildDeceased", true).With("onlyChildDisabled", false),
    Resident.Empty.With("onlyChildDeceased", false).With("onlyChildDisabled", true),
    Resident.Empty.With("onlyChildDisabled", true), // which tier applies depends on a fact not given
};
foreach (var family in families)
{
    var decision = screening.Evaluate(family).Decisions[0];
    var quantity = decision.Level?.Quantities.FirstOrDefault();
    Console.WriteLine(quantity is { Value: { } a }
        ? $"special assistance in Chengdu: {a} CNY/month"
        : $"special assistance in Chengdu: eligible {decision.Eligible}, " +
          (quantity is null ? "no amount" : $"{string.Join(" or ", quantity.PossibleValues)} CNY/month") +
          $" — needs {string.Join(", ", decision.MissingFacts)}");
}

// 3. Dependency injection: one shared, thread-safe catalog.
using var services = new ServiceCollection().AddStandardsKit().BuildServiceProvider();
Console.WriteLine($"{services.GetRequiredService<Catalog>().Documents.Length} standard editions loaded");

// An amount whose tier depends on a missing fact has no Value; PossibleValues and MissingFacts say why.
static string Describe(ResolvedQuantity q) => q.Value is { } v
    ? $"{q.Name}={v} {q.Unit}"
    : $"{q.Name}={string.Join(" or ", q.PossibleValues)} {q.Unit} (depends on {string.Join(", ", q.MissingFacts)})";
