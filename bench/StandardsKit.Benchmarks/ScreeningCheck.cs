using System.Globalization;
using StandardsKit.Engine;
using StandardsKit.Screening;

namespace StandardsKit.Benchmarks;

/// <summary>Records hand-written decisions so they can be compared with the engine's.</summary>
public struct RecordingSink(bool[] eligible, decimal?[] quantities) : IDecisionSink
{
    public readonly void Item(int index, bool value) => eligible[index] = value;

    public readonly void Quantity(int slot, decimal value) => quantities[slot] = value;
}

/// <summary>
/// Before anything is measured: the hand-written rules and the engine must give the same decision and amount
/// for every item of every generated resident, or the comparison would measure two different things.
/// </summary>
public static class ScreeningCheck
{
    public static void HandWrittenAgrees(PreparedEvaluation prepared, RowFiller filler, RawResident[] people, DateOnly on)
    {
        var items = prepared.Items.Count;
        var slots = prepared.Quantities.Length;
        if (items != 83 || slots != 21)
        {
            throw new InvalidOperationException($"310104 on {on:yyyy-MM-dd} has {items} items and {slots} quantities; HandWrittenRules encodes 83 and 21 — update it to the standards; the quantities are "
                + string.Join(", ", prepared.Quantities.Select((q, k) => $"{k}: {prepared.Items[q.Item].Id}.{q.Name}")));
        }

        var rows = new ResidentRow[1];
        var decisions = new ScreenDecision[items];
        var quantities = new ScreenQuantity[slots];
        var eligible = new bool[items];
        var amounts = new decimal?[slots];
        for (var p = 0; p < people.Length; p++)
        {
            Array.Clear(amounts);
            var sink = new RecordingSink(eligible, amounts);
            HandWrittenRules.Decide(people[p], on, ref sink);
            filler.Fill(ref rows[0], people[p]);
            prepared.Screen(rows, decisions, quantities);
            for (var j = 0; j < items; j++)
            {
                var engine = decisions[j].Eligible;
                if (engine != eligible[j])
                {
                    throw Disagree(prepared, people[p], p, $"item {prepared.Items[j].Id}: engine {engine?.ToString() ?? "undetermined"}, hand-written {eligible[j]}");
                }
            }

            for (var k = 0; k < slots; k++)
            {
                var engine = quantities[k].Value;
                if (engine != amounts[k])
                {
                    var info = prepared.Quantities[k];
                    throw Disagree(prepared, people[p], p, $"{prepared.Items[info.Item].Id} {info.Name}: engine {engine?.ToString(CultureInfo.InvariantCulture) ?? "none"} ({quantities[k].State}), hand-written {amounts[k]?.ToString(CultureInfo.InvariantCulture) ?? "none"}");
                }
            }
        }
    }

    private static InvalidOperationException Disagree(PreparedEvaluation prepared, RawResident person, int index, string what)
    {
        var rows = new ResidentRow[1];
        new RowFiller(prepared.Rows).Fill(ref rows[0], person);
        var facts = prepared.Rows.ToResident(rows[0]).Facts.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}");
        return new InvalidOperationException($"hand-written rules disagree with the engine for resident {index} ({string.Join(", ", facts)}): {what}");
    }
}
