using System.Collections.Immutable;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using StandardsKit.Engine;
using StandardsKit.Expressions;
using StandardsKit.Screening;

namespace StandardsKit.Compilation.Screening;

/// <summary>
/// Compiles a prepared chain of items into a <see cref="ScreeningProgram"/>. For each item, the fast path is
/// inline: when every fact the item's rule and tiers need is known, it decides in two-valued logic and writes
/// the decision and amounts; otherwise it calls the item's own method, which walks the rule and tiers in
/// Kleene logic and records what is missing. Items are split into slices so that no method grows past what the
/// JIT still optimises fully.
/// </summary>
internal static class ChainCompiler
{
    private const int SliceIlBudget = 30_000;
    private const int SliceItemBudget = 128;

    private static readonly Type[] RowParameters =
        [typeof(ScreeningTables), typeof(ResidentRow).MakeByRefType(), typeof(RowState).MakeByRefType(), typeof(ScreenDecision).MakeByRefType(), typeof(ScreenQuantity).MakeByRefType()];

    private static readonly Type[] PartParameters =
        [typeof(ScreeningTables), typeof(ResidentRow).MakeByRefType(), typeof(RowState).MakeByRefType(), typeof(byte).MakeByRefType()];

    private static readonly int DecisionSize = Unsafe.SizeOf<ScreenDecision>();
    private static readonly int QuantitySize = Unsafe.SizeOf<ScreenQuantity>();

    /// <param name="items">The prepared items, in decision order.</param>
    /// <param name="layout">The rows' layout.</param>
    /// <param name="emit">False to lay the program out without generating code (where the runtime cannot, or to test the interpreted path).</param>
    /// <remarks>
    /// A chain whose rules or tiers read division attributes (<c>hasAttribute</c>, <c>attribute</c>) is laid out
    /// without code, like a runtime that cannot generate it: such a read can be undetermined with every fact known
    /// (a division the attribute's sources leave open), which the two-valued fast path cannot express, so
    /// screening interprets the chain's items and evaluation stays on the interpreter (docs/performance.md).
    /// </remarks>
    public static ScreeningProgram Compile(IReadOnlyList<EffectiveItem> items, ResidentRowLayout layout, bool? emit = null)
    {
        var generate = (emit ?? RuntimeFeature.IsDynamicCodeSupported) && !items.Any(ReadsAttributes);
        var types = new ScreenTyping(layout);
        var firstQuantity = new int[items.Count];
        var firstTier = ImmutableArray.CreateBuilder<int>();
        var tierCount = ImmutableArray.CreateBuilder<int>();
        var firstPart = new int[items.Count];
        var tiers = 0;
        var parts = 0;
        for (var j = 0; j < items.Count; j++)
        {
            firstQuantity[j] = firstTier.Count;
            firstPart[j] = parts;
            parts += items[j].Rule?.Expression.Parts.Length ?? 0;
            foreach (var q in items[j].Quantities)
            {
                if (q.Conditions.Length > ExpressionLimits.MaxTiers)
                {
                    throw new NotSupportedException($"quantity '{q.Quantity.Name}' of '{items[j].Id}' has {q.Conditions.Length} tiers; at most {ExpressionLimits.MaxTiers} are supported");
                }

                firstTier.Add(tiers);
                tierCount.Add(q.Conditions.Length);
                tiers += q.Conditions.Length;
            }
        }

        var plan = new Plan(items, types, firstQuantity, firstTier.ToImmutable(), firstPart);
        var slices = new List<DynamicMethod>();
        var start = 0;
        while (generate && start < items.Count)
        {
            var (method, end) = Slice(plan, start);
            slices.Add(method);
            start = end;
        }

        return new ScreeningProgram(items, [.. slices], () => generate ? Parts(plan) : [], plan.FirstTier, tierCount.ToImmutable(), [.. firstPart], parts);
    }

    /// <summary>True when the item's rule or a tier condition reads a division attribute.</summary>
    internal static bool ReadsAttributes(EffectiveItem item) =>
        (item.Rule is { } rule && ScreenTyping.ReadsAttributes(rule.Expression.Syntax))
        || item.Quantities.Any(q => q.Conditions.Any(c => c is not null && ScreenTyping.ReadsAttributes(c.Expression.Syntax)));

    private sealed record Plan(IReadOnlyList<EffectiveItem> Items, ScreenTyping Types, int[] FirstQuantity, ImmutableArray<int> FirstTier, int[] FirstPart);

    private static (DynamicMethod Method, int End) Slice(Plan plan, int start)
    {
        var method = new DynamicMethod($"screen_{start}", typeof(void), RowParameters, typeof(ChainCompiler).Module, skipVisibility: true);
        var il = method.GetILGenerator();
        var emitter = new ConditionEmitter(il, plan.Types);
        var j = start;
        while (j < plan.Items.Count && (j == start || (j - start < SliceItemBudget && il.ILOffset < SliceIlBudget)))
        {
            EmitFastItem(plan, emitter, j, ItemMethod(plan, j));
            j++;
        }

        il.Emit(OpCodes.Ret);
        return (method, j);
    }

    /// <summary>
    /// The item in two-valued logic while every fact it reaches is known; the first part that needs a missing fact
    /// hands the whole item to its three-valued method, which rewrites the decision and every quantity.
    /// </summary>
    private static void EmitFastItem(Plan plan, ConditionEmitter e, int j, DynamicMethod slow)
    {
        var il = e.IL;
        var item = plan.Items[j];
        var rule = item.Rule?.Expression.Syntax;
        var missing = il.DefineLabel();
        var done = il.DefineLabel();
        var notEligible = il.DefineLabel();
        if (rule is not null)
        {
            e.EmitCondition(rule, notEligible, missing);
        }

        EmitDecisionCode(il, j, (byte)EligibilityState.Eligible);
        for (var k = 0; k < item.Quantities.Length; k++)
        {
            var slot = plan.FirstQuantity[j] + k;
            var quantityDone = il.DefineLabel();
            var conditions = item.Quantities[k].Conditions;
            var unconditional = false;
            for (var t = 0; t < conditions.Length && !unconditional; t++)
            {
                var next = il.DefineLabel();
                if (conditions[t] is { } c)
                {
                    e.EmitCondition(c.Expression.Syntax, next, missing);
                }
                else
                {
                    unconditional = true;
                }

                EmitTierApplies(il, slot, plan.FirstTier[slot] + t, t, quantityDone);
                il.MarkLabel(next);
            }

            if (!unconditional)
            {
                EmitQuantityCode(il, slot, (byte)QuantityState.NoAmount, -1);
            }

            il.MarkLabel(quantityDone);
        }

        il.Emit(OpCodes.Br, done);
        il.MarkLabel(notEligible);
        if (rule is not null)
        {
            EmitDecisionCode(il, j, (byte)EligibilityState.NotEligible);
            for (var k = 0; k < item.Quantities.Length; k++)
            {
                EmitQuantityCode(il, plan.FirstQuantity[j] + k, (byte)QuantityState.NotApplicable, -1);
            }

            il.Emit(OpCodes.Br, done);
        }

        il.MarkLabel(missing);
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Ldarg_2);
        EmitDecisionAddress(il, j);
        EmitQuantityAddress(il, plan.FirstQuantity[j]);
        il.Emit(OpCodes.Call, slow);
        il.MarkLabel(done);
    }

    /// <summary>
    /// The tier holds: the quantity takes the tier's state on the date (determined, or no amount when the tier has no
    /// value yet) and its amount, copied without a branch (the amount is read only when determined).
    /// </summary>
    private static void EmitTierApplies(ILGenerator il, int slot, int tierIndex, int tier, Label quantityDone)
    {
        EmitQuantityAddress(il, slot);
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldfld, Fields.TierStateAddress);
        if (tierIndex > 0)
        {
            il.Emit(OpCodes.Ldc_I4, tierIndex);
            il.Emit(OpCodes.Add);
        }

        il.Emit(OpCodes.Ldind_U1);
        il.Emit(OpCodes.Stfld, Fields.QuantityCode);
        EmitQuantityAddress(il, slot);
        il.Emit(OpCodes.Ldc_I4, tier);
        il.Emit(OpCodes.Stfld, Fields.QuantityTier);
        EmitQuantityAddress(il, slot);
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldfld, Fields.TierValueAddress);
        if (tierIndex > 0)
        {
            il.Emit(OpCodes.Ldc_I4, tierIndex * 16);
            il.Emit(OpCodes.Add);
        }

        il.Emit(OpCodes.Ldobj, typeof(decimal));
        il.Emit(OpCodes.Stfld, Fields.QuantityAmount);
        il.Emit(OpCodes.Br, quantityDone);
    }

    /// <summary>
    /// The item in Kleene logic, as <see cref="DecisionMaker"/> and <see cref="QuantityResolver"/> decide it: the
    /// rule's state and missing facts; when eligible, each quantity's tiers walked with undetermined tiers noted.
    /// </summary>
    private static DynamicMethod ItemMethod(Plan plan, int j)
    {
        var item = plan.Items[j];
        var method = new DynamicMethod($"item_{j}_{item.Id}", typeof(void), RowParameters, typeof(ChainCompiler).Module, skipVisibility: true);
        var il = method.GetILGenerator();
        var e = new ConditionEmitter(il, plan.Types);
        var state = il.DeclareLocal(typeof(int));
        var missing0 = il.DeclareLocal(typeof(ulong));
        var missing1 = il.DeclareLocal(typeof(ulong));
        if (item.Rule is { } rule)
        {
            var t = e.EmitTri(rule.Expression.Syntax);
            il.Emit(OpCodes.Ldloc, t.State);
            il.Emit(OpCodes.Stloc, state);
            il.Emit(OpCodes.Ldloc, t.Missing0);
            il.Emit(OpCodes.Stloc, missing0);
            il.Emit(OpCodes.Ldloc, t.Missing1);
            il.Emit(OpCodes.Stloc, missing1);
            e.Release(t);
        }
        else
        {
            il.Emit(OpCodes.Ldc_I4_1);
            il.Emit(OpCodes.Stloc, state);
        }

        var notEligible = il.DefineLabel();
        var write = il.DefineLabel();
        il.Emit(OpCodes.Ldloc, state);
        il.Emit(OpCodes.Ldc_I4_1);
        il.Emit(OpCodes.Bne_Un, notEligible);
        var seen = il.DeclareLocal(typeof(int));
        var noted = il.DeclareLocal(typeof(ulong));
        var under0 = il.DeclareLocal(typeof(ulong));
        var under1 = il.DeclareLocal(typeof(ulong));
        var stop = il.DeclareLocal(typeof(int));
        for (var k = 0; k < item.Quantities.Length; k++)
        {
            il.Emit(OpCodes.Ldc_I4_0);
            il.Emit(OpCodes.Stloc, seen);
            foreach (var local in new[] { noted, under0, under1 })
            {
                il.Emit(OpCodes.Ldc_I8, 0L);
                il.Emit(OpCodes.Stloc, local);
            }

            var finish = il.DefineLabel();
            var conditions = item.Quantities[k].Conditions;
            var unconditional = false;
            for (var t = 0; t < conditions.Length && !unconditional; t++)
            {
                var next = il.DefineLabel();
                var holds = il.DefineLabel();
                if (conditions[t] is { } c)
                {
                    var tri = e.EmitTri(c.Expression.Syntax);
                    il.Emit(OpCodes.Ldloc, tri.State);
                    il.Emit(OpCodes.Ldc_I4_2);
                    il.Emit(OpCodes.Beq, next);
                    il.Emit(OpCodes.Ldloc, tri.State);
                    il.Emit(OpCodes.Ldc_I4_3);
                    il.Emit(OpCodes.Bne_Un, holds);

                    // Undetermined: its amount is one possible outcome, and the walk goes on.
                    il.Emit(OpCodes.Ldc_I4_1);
                    il.Emit(OpCodes.Stloc, seen);
                    il.Emit(OpCodes.Ldloc, noted);
                    il.Emit(OpCodes.Ldc_I8, (long)(1UL << t));
                    il.Emit(OpCodes.Or);
                    il.Emit(OpCodes.Stloc, noted);
                    foreach (var (into, from) in new[] { (under0, tri.Missing0), (under1, tri.Missing1) })
                    {
                        il.Emit(OpCodes.Ldloc, into);
                        il.Emit(OpCodes.Ldloc, from);
                        il.Emit(OpCodes.Or);
                        il.Emit(OpCodes.Stloc, into);
                    }

                    il.Emit(OpCodes.Br, next);
                    e.Release(tri);
                }
                else
                {
                    unconditional = true;
                }

                il.MarkLabel(holds);
                il.Emit(OpCodes.Ldc_I4, t);
                il.Emit(OpCodes.Stloc, stop);
                il.Emit(OpCodes.Br, finish);
                il.MarkLabel(next);
            }

            if (!unconditional)
            {
                il.Emit(OpCodes.Ldc_I4_M1);
                il.Emit(OpCodes.Stloc, stop);
            }

            il.MarkLabel(finish);
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldc_I4, plan.FirstQuantity[j] + k);
            il.Emit(OpCodes.Ldloc, stop);
            il.Emit(OpCodes.Ldloc, seen);
            il.Emit(OpCodes.Ldloc, noted);
            il.Emit(OpCodes.Ldloc, under0);
            il.Emit(OpCodes.Ldloc, under1);
            EmitQuantityAddress(il, k);
            il.Emit(OpCodes.Ldloca, missing0);
            il.Emit(OpCodes.Ldloca, missing1);
            il.Emit(OpCodes.Call, Methods.Finish);
        }

        il.Emit(OpCodes.Br, write);
        il.MarkLabel(notEligible);
        for (var k = 0; k < item.Quantities.Length; k++)
        {
            EmitQuantityAddress(il, k);
            il.Emit(OpCodes.Call, Methods.NotApplicable);
        }

        il.MarkLabel(write);
        il.Emit(OpCodes.Ldarg_3);
        il.Emit(OpCodes.Ldloc, state);
        il.Emit(OpCodes.Ldloc, missing0);
        il.Emit(OpCodes.Ldloc, missing1);
        il.Emit(OpCodes.Call, Methods.WriteDecision);
        il.Emit(OpCodes.Ret);
        return method;
    }

    /// <summary>Methods writing the three-valued state of each explanation part (the operands of a top-level and/or chain).</summary>
    private static DynamicMethod[] Parts(Plan plan)
    {
        var methods = new List<DynamicMethod>();
        var j = 0;
        while (j < plan.Items.Count)
        {
            var method = new DynamicMethod($"parts_{j}", typeof(void), PartParameters, typeof(ChainCompiler).Module, skipVisibility: true);
            var il = method.GetILGenerator();
            var e = new ConditionEmitter(il, plan.Types);
            var start = j;
            while (j < plan.Items.Count && (j == start || il.ILOffset < SliceIlBudget))
            {
                var parts = plan.Items[j].Rule?.Expression.Parts ?? [];
                for (var p = 0; p < parts.Length; p++)
                {
                    var tri = e.EmitTri(parts[p].Syntax);
                    il.Emit(OpCodes.Ldarg_3);
                    var offset = plan.FirstPart[j] + p;
                    if (offset > 0)
                    {
                        il.Emit(OpCodes.Ldc_I4, offset);
                        il.Emit(OpCodes.Add);
                    }

                    il.Emit(OpCodes.Ldloc, tri.State);
                    il.Emit(OpCodes.Stind_I1);
                    e.Release(tri);
                }

                j++;
            }

            il.Emit(OpCodes.Ret);
            methods.Add(method);
        }

        return [.. methods];
    }

    private static void EmitDecisionCode(ILGenerator il, int item, byte code)
    {
        EmitDecisionAddress(il, item);
        il.Emit(OpCodes.Ldc_I4, (int)code);
        il.Emit(OpCodes.Stfld, Fields.DecisionCode);
    }

    private static void EmitQuantityCode(ILGenerator il, int slot, byte code, int tier)
    {
        EmitQuantityAddress(il, slot);
        il.Emit(OpCodes.Ldc_I4, (int)code);
        il.Emit(OpCodes.Stfld, Fields.QuantityCode);
        if (code != (byte)QuantityState.NotApplicable)
        {
            EmitQuantityAddress(il, slot);
            il.Emit(OpCodes.Ldc_I4, tier);
            il.Emit(OpCodes.Stfld, Fields.QuantityTier);
        }
    }

    private static void EmitDecisionAddress(ILGenerator il, int item)
    {
        il.Emit(OpCodes.Ldarg_3);
        if (item > 0)
        {
            il.Emit(OpCodes.Ldc_I4, item * DecisionSize);
            il.Emit(OpCodes.Add);
        }
    }

    private static void EmitQuantityAddress(ILGenerator il, int slot)
    {
        il.Emit(OpCodes.Ldarg, (short)4);
        if (slot > 0)
        {
            il.Emit(OpCodes.Ldc_I4, slot * QuantitySize);
            il.Emit(OpCodes.Add);
        }
    }
}
