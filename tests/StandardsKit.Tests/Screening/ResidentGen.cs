using System.Collections.Immutable;
using CsCheck;
using StandardsKit.Engine;
using StandardsKit.Model;

namespace StandardsKit.Tests.Screening;

/// <summary>
/// Residents drawn from the fact vocabulary, biased to where rules turn: facts missing about a third of the time,
/// "none" facts often absent, birth dates at boundary ages and on 29 February, whole numbers at small values and
/// declared bounds, division codes inside and outside the county's prefecture and province.
/// </summary>
internal static class ResidentGen
{
    private static readonly int[] BoundaryAges = [0, 1, 5, 6, 7, 15, 16, 17, 18, 24, 25, 34, 35, 49, 50, 59, 60, 64, 65, 69, 70, 79, 80, 89, 90, 99, 100, 101];

    private static readonly string[] OtherCodes = ["110101", "310104", "310115", "330203", "330902", "440305", "500101", "510104", "510105", "520102", "513231", "433130", "659001", "000000"];

    public static Gen<Resident> For(FactVocabulary facts, string county, DateOnly on)
    {
        var codes = OtherCodes.Append(county).Append(county[..4] + "99").Append(county[..2] + "0101").Distinct().ToArray();
        var gens = facts.Facts.Where(f => f.Derived is null).Select(f => Fact(f, on, codes)).ToArray();
        var age = facts.Facts.FirstOrDefault(f => f.Derived is not null);
        return Gen.Select(gens.Aggregate(Gen.Const(ImmutableList<(string, object?)>.Empty), (acc, g) => Gen.Select(acc, g, (list, fact) => list.Add(fact))),
            Gen.Int[0, 9], Gen.OneOfConst(BoundaryAges), (list, statedAge, ageValue) =>
            {
                var resident = Resident.Empty;
                foreach (var (name, value) in list)
                {
                    resident = value switch
                    {
                        null => resident,
                        bool b => resident.With(name, b),
                        decimal n => resident.With(name, n),
                        DateOnly d => resident.With(name, d),
                        string s => resident.With(name, s),
                        string[] set => resident.With(name, set),
                        _ => resident,
                    };
                }

                // A stated age, with or without a birth date (the birth date wins when both are given).
                return age is not null && statedAge < 3 ? resident.With(age.Name, ageValue) : resident;
            });
    }

    private static Gen<(string, object?)> Fact(FactDeclaration f, DateOnly on, string[] codes)
    {
        Gen<object?> value = f.Kind switch
        {
            FactKind.Bool => Gen.Bool.Select(b => (object?)b),
            FactKind.Int => Number(f),
            FactKind.Decimal => Number(f).Select(n => n is decimal d ? (object?)(d + 0.5m) : null),
            FactKind.Date => BirthDate(on),
            FactKind.Enum => Gen.OneOfConst([.. f.Values]).Select(v => (object?)v),
            FactKind.Set => Gen.Int[0, (1 << Math.Min(f.Values.Length, 16)) - 1]
                .Select(mask => (object?)f.Values.Where((_, i) => i < 16 && (mask & (1 << i)) != 0).ToArray()),
            FactKind.Division => Gen.OneOfConst(codes).Select(c => (object?)c),
            _ => Gen.OneOfConst("a", "b", "").Select(s => (object?)s),
        };

        // Facts whose absence means "none" are absent more often, as in real data.
        var missing = f.AbsentMeansNone ? 6 : 3;
        return Gen.Frequency((missing, Gen.Const((object?)null)), (7, value)).Select(v => ((string, object?))(f.Name, v));
    }

    private static Gen<object?> Number(FactDeclaration f)
    {
        var min = (int)Math.Max(f.Min ?? 0, -5);
        var max = (int)Math.Min(f.Max ?? 130, 130);
        return Gen.Frequency(
            (6, Gen.Int[min, Math.Max(min, max)].Select(i => (object?)(decimal)i)),
            (1, Gen.OneOfConst((decimal)min, (decimal)Math.Max(min, max), 12m, 13m, 24m).Select(d => (object?)d)));
    }

    /// <summary>Births at boundary ages (a day either side), on 29 February, and the odd one after the evaluation date.</summary>
    private static Gen<object?> BirthDate(DateOnly on) => Gen.Frequency(
        (6, Gen.Select(Gen.OneOfConst(BoundaryAges), Gen.Int[-1, 1], (k, d) => (object?)Clamp(on.AddYears(-k).AddDays(d), on))),
        (2, Gen.OneOfConst(1924, 1936, 1956, 1960, 1964, 1984, 2000, 2004, 2008, 2016, 2020).Select(y => (object?)Clamp(new DateOnly(y, 2, 29), on))),
        (2, Gen.Int[0, 110 * 365].Select(days => (object?)on.AddDays(-days))),
        (1, Gen.Int[1, 400].Select(days => (object?)on.AddDays(days))));

    private static DateOnly Clamp(DateOnly d, DateOnly on) => d > on ? on : d;
}
