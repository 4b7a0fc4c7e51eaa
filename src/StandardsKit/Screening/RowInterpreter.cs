using StandardsKit.Compilation.Screening;
using StandardsKit.Engine;
using StandardsKit.Expressions;

namespace StandardsKit.Screening;

/// <summary>
/// Screening where the runtime cannot generate code (NativeAOT): each row becomes a resident and a frame, and the
/// items' compiled expressions are interpreted, with the tier walk and its outcomes exactly as the compiled
/// program records them. It allocates per row; the answers are the same.
/// </summary>
internal sealed class RowInterpreter(ScreeningProgram program, ScreeningTables tables, FrameLayout frames, string county)
{
    public void Run(in ResidentRow row, Span<ScreenDecision> decisions, Span<ScreenQuantity> quantities)
    {
        var frame = Frame(row);
        var slot = 0;
        for (var j = 0; j < program.Items.Count; j++)
        {
            var item = program.Items[j];
            var (state, missing) = item.Rule is { } rule ? Tri(rule.Evaluate(frame)) : (1, 0);
            var m0 = (ulong)missing;
            var m1 = (ulong)(missing >> 64);
            foreach (var quantity in item.Quantities)
            {
                ref var q = ref quantities[slot];
                if (state != 1)
                {
                    QuantityOutcomes.NotApplicable(ref q);
                }
                else
                {
                    Walk(quantity, frame, slot, ref q, ref m0, ref m1);
                }

                slot++;
            }

            QuantityOutcomes.WriteDecision(ref decisions[j], state, m0, m1);
        }
    }

    public void RunParts(in ResidentRow row, Span<byte> parts)
    {
        var frame = Frame(row);
        var p = 0;
        foreach (var item in program.Items)
        {
            foreach (var part in item.Rule?.Expression.Parts ?? [])
            {
                parts[p++] = (byte)Tri(part.Evaluate(frame)).State;
            }
        }
    }

    private void Walk(EffectiveQuantity quantity, EvalFrame frame, int slot, ref ScreenQuantity q, ref ulong m0, ref ulong m1)
    {
        var seen = 0;
        ulong noted = 0;
        UInt128 under = 0;
        var stop = -1;
        for (var t = 0; t < quantity.Conditions.Length; t++)
        {
            if (quantity.Conditions[t] is not { } condition)
            {
                stop = t;
                break;
            }

            var (state, missing) = Tri(condition.Evaluate(frame));
            if (state == 3)
            {
                seen = 1;
                noted |= 1UL << t;
                under |= missing;
            }
            else if (state == 1)
            {
                stop = t;
                break;
            }
        }

        QuantityOutcomes.Finish(tables, slot, stop, seen, noted, (ulong)under, (ulong)(under >> 64), ref q, ref m0, ref m1);
    }

    private EvalFrame Frame(in ResidentRow row) => FrameBuilder.Build(tables.Layout.ToResident(row), frames, county, tables.On);

    private static (int State, UInt128 Missing) Tri(Value v) => v.Kind == ValueKind.Bool ? (v.Bool ? 1 : 2, 0) : (3, v.Missing);
}
