using System.Collections.Immutable;
using System.Globalization;
using CsCheck;
using StandardsKit.Engine;
using StandardsKit.Model;
using StandardsKit.Screening;
using StandardsKit.Tests.TestSupport;

namespace StandardsKit.Tests.Screening;

/// <summary>
/// The typed setters (<see cref="ResidentRow.Set(FactHandle, long)"/> and its siblings) take a fast path that trusts
/// the handle's packed key, including whether the fact's cells are inline or in the row's spill array. Over a
/// vocabulary wide enough to spill, each setter must store exactly what evaluation's check stores for the same value,
/// refuse what the check refuses with the check's message, and, once a row's spill array exists, allocate nothing.
/// </summary>
public sealed class TypedSetterPropertyTests
{
    private static readonly ResidentRowLayout Rows = ResidentRowLayout.For(new FactVocabulary(Declarations()));

    /// <summary>Twelve rounds of every kind: 12 × (int, bounded int, date, enum, set, division, decimal) needs 96 cells, 32 of them inline.</summary>
    private static IEnumerable<FactDeclaration> Declarations()
    {
        var text = new LocalizedText("测试", "test");
        for (var round = 0; round < 12; round++)
        {
            yield return new FactDeclaration { Name = $"count{round}", Kind = FactKind.Int, Description = text };
            yield return new FactDeclaration { Name = $"months{round}", Kind = FactKind.Int, Description = text, Min = 0, Max = 240 };
            yield return new FactDeclaration { Name = $"day{round}", Kind = FactKind.Date, Description = text };
            yield return new FactDeclaration { Name = $"stage{round}", Kind = FactKind.Enum, Description = text, Values = ["none", "primary", "junior"] };
            yield return new FactDeclaration { Name = $"groups{round}", Kind = FactKind.Set, Description = text, Values = ["a", "b", "c", "d", "e"] };
            yield return new FactDeclaration { Name = $"place{round}", Kind = FactKind.Division, Description = text };
            yield return new FactDeclaration { Name = $"income{round}", Kind = FactKind.Decimal, Description = text };
            yield return new FactDeclaration { Name = $"flag{round}", Kind = FactKind.Bool, Description = text };
        }
    }

    [Fact]
    public void The_vocabulary_spills()
    {
        Rows.Slots.Should().Contain(s => s.Declaration.Kind != FactKind.Bool && s.Cell >= 32, "otherwise this class tests only the inline cells");
        Rows.Slots.Should().Contain(s => s.Declaration.Kind == FactKind.Int && s.Cell < 32);
    }

    [Fact]
    public void Each_typed_setter_stores_what_the_check_stores_and_refuses_what_it_refuses()
    {
        var slots = Rows.Slots;
        Gen.Select(Gen.Int[0, slots.Length - 1], Setter(), Gen.Bool)
            .Sample(((int Slot, Call Call, bool Bound) c) =>
            {
                var slot = slots[c.Slot];
                var (expected, expectedError) = RowReference.Checked(Rows, slot, c.Call.Raw(slot));
                var actual = default(ResidentRow);
                if (c.Bound)
                {
                    // A row already bound to the layout (and with its spill array) must behave as a fresh one.
                    actual.Set(Rows.Fact("count11"), 1L);
                    actual.Clear();
                }

                string? error = null;
                try
                {
                    c.Call.Apply(ref actual, slot.Handle);
                }
                catch (ResidentException e)
                {
                    error = e.Message;
                }

                if (expectedError is null)
                {
                    error.Should().BeNull("{0} on {1}", c.Call, slot.Declaration.Name);
                    RowReference.Cells(actual, slot).Should().Equal(RowReference.Cells(expected, slot), "{0} on {1}", c.Call, slot.Declaration.Name);
                }
                else if (c.Call.ChecksItself)
                {
                    error.Should().NotBeNull("{0} on {1} should be refused as '{2}'", c.Call, slot.Declaration.Name, expectedError);
                    actual.Has(slot.Handle).Should().BeFalse();
                }
                else
                {
                    error.Should().Be(expectedError, "{0} on {1}", c.Call, slot.Declaration.Name);
                }
            }, iter: 20_000);
    }

    [Fact]
    public void Setting_spilled_facts_on_a_reused_row_allocates_nothing()
    {
        var count = Rows.Fact("count11");
        var day = Rows.Fact("day11");
        var stage = Rows.Fact("stage11");
        var groups = Rows.Fact("groups11");
        var place = Rows.Fact("place11");
        var flag = Rows.Fact("flag11");
        Rows.Slots.Single(s => s.Declaration.Name == "count11").Cell.Should().BeGreaterThanOrEqualTo(32);
        var row = default(ResidentRow);
        void Fill(ref ResidentRow r, int i)
        {
            r.Clear();
            r.Set(count, i);
            r.Set(day, new DateOnly(1990, 1, 1).AddDays(i));
            r.SetIndex(stage, i % 3);
            r.SetMask(groups, (ulong)(i % 32));
            r.SetDivision(place, 310104);
            r.Set(flag, i % 2 == 0);
        }

        Fill(ref row, 0);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            Fill(ref row, i);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
        Rows.ToResident(row).Facts["count11"].Should().Be(999m);
    }

    /// <summary>One typed setter call with its argument, and the raw value evaluation's check takes for it.</summary>
    internal sealed record Call(string Name, object Argument)
    {
        /// <summary>The index, mask and code setters check their argument themselves (with their own message).</summary>
        public bool ChecksItself => Name is "SetIndex" or "SetMask" or "SetDivision";

        public object Raw(RowSlot slot) => Name switch
        {
            "SetIndex" => (int)Argument is var i && i >= 0 && i < slot.Declaration.Values.Length && slot.Declaration.Kind == FactKind.Enum
                ? slot.Declaration.Values[i]
                : "not a value",
            "SetMask" => slot.Declaration.Kind == FactKind.Set && ((ulong)Argument & ~slot.ValidMask) == 0
                ? slot.Declaration.Values.Where((_, b) => ((ulong)Argument & (1UL << b)) != 0).ToImmutableArray()
                : "not a set",
            "SetDivision" => (int)Argument is >= 0 and <= 999_999 && slot.Declaration.Kind == FactKind.Division
                ? ((int)Argument).ToString("D6", CultureInfo.InvariantCulture)
                : "not a code",
            _ => Argument is long n ? (decimal)n : Argument,
        };

        public void Apply(ref ResidentRow row, FactHandle fact)
        {
            switch (Name)
            {
                case "SetIndex": row.SetIndex(fact, (int)Argument); break;
                case "SetMask": row.SetMask(fact, (ulong)Argument); break;
                case "SetDivision": row.SetDivision(fact, (int)Argument); break;
                default:
                    switch (Argument)
                    {
                        case bool b: row.Set(fact, b); break;
                        case long n: row.Set(fact, n); break;
                        case DateOnly d: row.Set(fact, d); break;
                        default: throw new InvalidOperationException(Argument.GetType().Name);
                    }

                    break;
            }
        }

        public override string ToString() => $"{Name}({Argument})";
    }

    private static Gen<Call> Setter() => Gen.Frequency(
        (2, Gen.Bool.Select(b => new Call("Set", b))),
        (4, Gen.Frequency(
            (4, Gen.Long[-300, 300]),
            (1, Gen.OneOfConst(0L, 240L, 241L, -1L, 999_999_999_999_999L, 1_000_000_000_000_000L, -1_000_000_000_000_000L, long.MinValue, long.MaxValue)))
            .Select(n => new Call("Set", n))),
        (3, Gen.Frequency(
            (4, Gen.Int[-60_000, 300_000].Select(d => new DateOnly(1800, 1, 1).AddDays(d))),
            (1, Gen.OneOfConst(new DateOnly(1799, 12, 31), new DateOnly(2400, 1, 1), DateOnly.MinValue, DateOnly.MaxValue)))
            .Select(d => new Call("Set", d))),
        (2, Gen.Int[-2, 4].Select(i => new Call("SetIndex", i))),
        (2, Gen.Frequency((4, Gen.ULong[0, 31]), (1, Gen.OneOfConst(32UL, 1UL << 63, ulong.MaxValue))).Select(m => new Call("SetMask", m))),
        (2, Gen.Frequency((4, Gen.Int[0, 999_999]), (1, Gen.OneOfConst(-1, 1_000_000, int.MaxValue, int.MinValue))).Select(c => new Call("SetDivision", c))));
}
