using StandardsKit.Engine;
using StandardsKit.Screening;

namespace StandardsKit.Tests.TestSupport;

/// <summary>What a row should hold for a fact, by evaluation's own check: the reference for the row-filling shortcuts.</summary>
internal static class RowReference
{
    /// <summary>A row of <paramref name="layout"/> holding <paramref name="raw"/> as checked and stored, or the check's message.</summary>
    public static (ResidentRow Row, string? Error) Checked(ResidentRowLayout layout, RowSlot slot, object raw)
    {
        var row = default(ResidentRow);
        row.Adopt(layout);
        try
        {
            row.Store(slot, slot.Check(raw));
            return (row, null);
        }
        catch (ResidentException e)
        {
            return (row, e.Message);
        }
    }

    /// <summary>What the row holds for the fact: given, the bool's value, and every cell it uses.</summary>
    public static long[] Cells(in ResidentRow row, RowSlot slot)
    {
        var cells = new List<long> { row.IsGiven(slot.Slot) ? 1 : 0, row.BoolAt(slot.Slot) ? 1 : 0 };
        for (var w = 0; w < slot.Width; w++)
        {
            cells.Add(row.CellAt(slot.Cell + w));
        }

        return [.. cells];
    }
}
