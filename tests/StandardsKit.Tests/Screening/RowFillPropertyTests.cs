using System.Collections.Immutable;
using CsCheck;
using StandardsKit.Engine;
using StandardsKit.Model;
using StandardsKit.Screening;
using StandardsKit.Tests.TestSupport;

namespace StandardsKit.Tests.Screening;

/// <summary>
/// <see cref="ResidentRowLayout.Fill"/> stores plainly valid raw values straight into the row and leaves the rest to
/// evaluation's check: it must accept exactly what the check accepts, store the same cells, and refuse the rest
/// with the check's message. Raw values are drawn near every edge the shortcut tests (text forms of dates and codes,
/// impossible days, range bounds, fractions, unknown enum values and set members, wrong types).
/// </summary>
public sealed class RowFillPropertyTests
{
    private static readonly ResidentRowLayout Rows = Catalog.Default.Rows;

    [Fact]
    public void Filling_a_row_from_raw_values_equals_checking_each_value_as_evaluation_does()
    {
        var slots = Rows.Slots.Where(s => s.Declaration.Derived is null).ToArray();
        Gen.Int[0, slots.Length - 1].SelectMany(i => Raw(slots[i].Declaration).Select(raw => (slots[i], raw)))
            .Sample(((RowSlot Slot, object Raw) c) =>
            {
                var (expected, expectedError) = RowReference.Checked(Rows, c.Slot, c.Raw);
                var resident = With(c.Slot.Declaration.Name, c.Raw);
                var actual = default(ResidentRow);
                string? error = null;
                try
                {
                    Rows.Fill(resident, ref actual);
                }
                catch (ResidentException e)
                {
                    error = e.Message;
                }

                error.Should().Be(expectedError, "raw {0} for {1}", Show(c.Raw), c.Slot.Declaration.Name);
                if (error is null)
                {
                    RowReference.Cells(actual, c.Slot).Should().Equal(RowReference.Cells(expected, c.Slot), "raw {0} for {1}", Show(c.Raw), c.Slot.Declaration.Name);
                }
            }, iter: 20_000);
    }

    private static Resident With(string name, object raw) => raw switch
    {
        bool b => Resident.Empty.With(name, b),
        decimal n => Resident.Empty.With(name, n),
        DateOnly d => Resident.Empty.With(name, d),
        string s => Resident.Empty.With(name, s),
        _ => Resident.Empty.With(name, (ImmutableArray<string>)raw),
    };

    private static Gen<object> Raw(FactDeclaration f)
    {
        var wrongType = Gen.OneOfConst<object>(true, 3m, "x", new DateOnly(2000, 1, 1), ImmutableArray.Create("x"));
        var typed = f.Kind switch
        {
            FactKind.Bool => Gen.Bool.Select(b => (object)b),
            FactKind.Int or FactKind.Decimal => Gen.Frequency(
                (4, Gen.Int[-5, 200].Select(i => (object)(decimal)i)),
                (2, Gen.OneOfConst(f.Min ?? 0m, f.Max ?? 100m, (f.Min ?? 0m) - 1, (f.Max ?? 100m) + 1, 0.5m, 2.0m, -0.0m,
                    1_000_000_000_000_000m, -1_000_000_000_000_001m, 79_228_162_514_264_337_593_543_950_335m).Select(d => (object)d)),
                (1, Gen.Int[-1000, 1000].Select(i => (object)(i / 7m)))),
            FactKind.Date => Gen.Frequency(
                (3, Gen.Int[-60_000, 300_000].Select(d => (object)new DateOnly(1800, 1, 1).AddDays(d))),
                (1, Gen.OneOfConst<object>(new DateOnly(1799, 12, 31), new DateOnly(2400, 1, 1), DateOnly.MinValue, DateOnly.MaxValue)),
                (4, Gen.Select(Gen.Int[0, 9999], Gen.Int[0, 13], Gen.Int[0, 32], (y, m, d) => (object)$"{y:D4}-{m:D2}-{d:D2}")),
                (2, Gen.OneOfConst<object>("1990-01-01", "2000-02-29", "1900-02-29", "2023-02-29", "1799-12-31", "1800-01-01", "2399-12-31",
                    "2400-01-01", "0000-01-01", "0001-01-01", " 1990-01-01", "1990-01-01 ", "1990-1-01", "1990/01/01", "19900101",
                    "1990-01-0a", "199a-01-01", "-990-01-01", "1990-01-01T00:00", "١٩٩٠-01-01", ""))),
            FactKind.Enum => Gen.Frequency(
                (4, Gen.OneOfConst([.. f.Values]).Select(v => (object)v)),
                (1, Gen.OneOfConst<object>("", "none ", "NONE", "unknown"))),
            FactKind.Division => Gen.Frequency(
                (3, Gen.Int[0, 999_999].Select(c => (object)c.ToString("D6", System.Globalization.CultureInfo.InvariantCulture))),
                (1, Gen.OneOfConst<object>("31010", "3101040", "31010a", " 31010", "-31010", "٣١٠١٠٤", "+31010", ""))),
            FactKind.Set => Gen.Frequency(
                (4, Gen.Int[0, 255].Select(mask => (object)f.Values.Where((_, i) => i < 8 && (mask & (1 << i)) != 0).ToImmutableArray())),
                (1, Gen.OneOfConst<object>(ImmutableArray.Create("unknown"), ImmutableArray.Create(f.Values[0], f.Values[0]), "single"))),
            _ => Gen.OneOfConst<object>("a", ""),
        };
        return Gen.Frequency((9, typed), (1, wrongType));
    }

    private static string Show(object raw) => raw switch
    {
        ImmutableArray<string> list => "[" + string.Join(", ", list) + "]",
        _ => $"{raw} ({raw.GetType().Name})",
    };
}
