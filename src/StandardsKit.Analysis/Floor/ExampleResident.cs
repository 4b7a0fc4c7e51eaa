using StandardsKit.Analysis.Symbolic;
using StandardsKit.Engine;
using StandardsKit.Expressions;
using StandardsKit.Model;

namespace StandardsKit.Analysis;

/// <summary>Turns a solver model into a resident the engine accepts, and trims it to the facts that matter.</summary>
internal static class ExampleResident
{
    public static (Resident Resident, string County) Build(SatModel model, SymbolTable table, Translator translator, FactVocabulary facts)
    {
        bool Leaf(string name) => table.TryGetBool(name, out var id) && model.Leaves.GetValueOrDefault(id);
        var county = model.Codes.GetValueOrDefault(translator.CountyVar) ?? table.Fds[translator.CountyVar].Values.First();
        var resident = Resident.Empty;
        foreach (var name in translator.FactsRead)
        {
            var d = facts.Find(name)!;
            if (d.Derived is not null)
            {
                continue; // age is written as a birth date, below
            }

            if (d.Name == "birthDate")
            {
                resident = Birth(resident, model, table, translator, facts);
                continue;
            }

            if (!Leaf(Translator.GivenName(name)))
            {
                continue;
            }

            resident = d.Kind switch
            {
                FactKind.Bool => resident.With(name, Leaf(Translator.ValueName(name))),
                FactKind.Int or FactKind.Decimal => resident.With(name, Number(model, translator, d)),
                FactKind.Date => resident.With(name, DateOnly.FromDayNumber((int)Number(model, translator, d))),
                FactKind.Set => resident.With(name, d.Values.Where(m => Leaf(Translator.MemberName(name, m)))),
                FactKind.Enum => resident.With(name, Code(model, translator, name) ?? d.Values[0]),
                FactKind.String => resident.With(name, Code(model, translator, name) ?? "other"),
                _ => resident.With(name, Code(model, translator, name) ?? table.Fds[translator.FdVars[name]].Values.FirstOrDefault() ?? county),
            };
        }

        return (resident, county);
    }

    /// <summary>The age part of the example: a birth date when a rule reads it, else a stated age.</summary>
    private static Resident Birth(Resident resident, SatModel model, SymbolTable table, Translator translator, FactVocabulary facts)
    {
        bool Leaf(string name) => table.TryGetBool(name, out var id) && model.Leaves.GetValueOrDefault(id);
        var age = facts.Facts.FirstOrDefault(f => f.Derived is not null);
        if (translator.BirthDateMode)
        {
            if (Leaf(Translator.GivenName("birthDate")))
            {
                var day = translator.NumericVars.TryGetValue("birthDate", out var v) && model.Numbers.TryGetValue(v, out var r) ? (int)r.Numerator : translator.On.DayNumber;
                return resident.With("birthDate", DateOnly.FromDayNumber(day));
            }

            return age is not null && Leaf(Translator.StatedAge) ? resident.With(age.Name, Number(model, translator, age)) : resident;
        }

        if (age is null || !Leaf(Translator.GivenName(age.Name)))
        {
            return resident;
        }

        // Rules read only age, so a stated age is the whole story and, unlike a birth date, reads the same on any day.
        return resident.With(age.Name, Number(model, translator, age));
    }

    private static decimal Number(SatModel model, Translator translator, FactDeclaration d)
    {
        if (translator.NumericVars.TryGetValue(d.Name, out var v) && model.Numbers.TryGetValue(v, out var r))
        {
            return r.ToDecimal();
        }

        // Unconstrained: the value nearest zero that the declaration allows.
        var min = d.Min ?? decimal.MinValue;
        var max = d.Max ?? decimal.MaxValue;
        return Math.Clamp(0m, min, max);
    }

    private static string? Code(SatModel model, Translator translator, string fact) =>
        translator.FdVars.TryGetValue(fact, out var v) ? model.Codes.GetValueOrDefault(v) : null;

    /// <summary>Drops facts one at a time while <paramref name="stillShows"/> holds, so the example names only what matters.</summary>
    public static Resident Minimise(Resident resident, Func<Resident, bool> stillShows)
    {
        foreach (var name in resident.Facts.Keys.Order(StringComparer.Ordinal).ToList())
        {
            var smaller = resident.Without(name);
            if (stillShows(smaller))
            {
                resident = smaller;
            }
        }

        return resident;
    }
}
