using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using StandardsKit.Expressions;
using StandardsKit.Model;

namespace StandardsKit.Engine;

/// <summary>
/// How a fact vocabulary is laid out for compiled rules: one slot per declared fact, the "nothing known" frame
/// to start each evaluation from, the slots the engine fills itself (county defaults, derived ages), and the
/// slots in name order so missing-fact lists come out sorted. Built once per vocabulary by the compiler.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class FrameLayout
{
    private static readonly ConditionalWeakTable<FactVocabulary, FrameLayout> Layouts = new();

    private FrameLayout(FactVocabulary facts)
    {
        Facts = facts;
        var declarations = facts.Facts;
        AbsentSlots = new Value[declarations.Length];
        for (var i = 0; i < declarations.Length; i++)
        {
            AbsentSlots[i] = Absent(declarations[i], i);
        }

        CountyDefaultSlots = [.. Slots(facts, f => f.DefaultsToCounty)];
        AgeSlots = [.. Slots(facts, f => f.Derived == "age-from-birthDate")];
        BirthDateSlot = facts.SlotOf("birthDate");
        SlotsByName = [.. declarations.Select((f, i) => (f.Name, i)).OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.i)];
    }

    /// <summary>The layout of <paramref name="facts"/>, built on first use and shared while the vocabulary lives.</summary>
    public static FrameLayout For(FactVocabulary facts) => Layouts.GetValue(facts, f => new FrameLayout(f));

    public FactVocabulary Facts { get; }

    /// <summary>The slot values of a resident about whom nothing is known (county defaults are filled per evaluation).</summary>
    public Value[] AbsentSlots { get; }

    public ImmutableArray<int> CountyDefaultSlots { get; }

    public ImmutableArray<int> AgeSlots { get; }

    /// <summary>The slot of <c>birthDate</c>, or -1.</summary>
    public int BirthDateSlot { get; }

    /// <summary>Slot indexes in ordinal name order.</summary>
    public ImmutableArray<int> SlotsByName { get; }

    private static IEnumerable<int> Slots(FactVocabulary facts, Func<FactDeclaration, bool> where) =>
        facts.Facts.Select((f, i) => (f, i)).Where(p => where(p.f)).Select(p => p.i);

    private static Value Absent(FactDeclaration declaration, int slot)
    {
        if (!declaration.AbsentMeansNone || declaration.DefaultsToCounty)
        {
            // A county default is overwritten per evaluation; until then it is as unknown as any other fact.
            return Value.Unknown(UInt128.One << slot);
        }

        return declaration.Kind switch
        {
            FactKind.Bool => Value.False,
            FactKind.Set => Value.EmptySet,
            _ => Value.NoneValue,
        };
    }
}
