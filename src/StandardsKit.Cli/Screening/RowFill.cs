using System.Globalization;
using System.Text.Json;
using StandardsKit.Engine;
using StandardsKit.Model;
using StandardsKit.Screening;

namespace StandardsKit.Cli.Screening;

/// <summary>
/// Fills a <see cref="ResidentRow"/> straight from the cells of an input (JSON values, CSV text, Parquet values),
/// typed by facts.yaml, without building a <see cref="Resident"/> per row: the fast path of <c>screen</c> (issue 13).
/// </summary>
/// <remarks>
/// <para>
/// It only ever takes values it is sure of, with the meaning the reference reading gives them
/// (<see cref="InputRecord.Decode"/> then <see cref="PreparedEvaluation.Evaluate"/>): each value is set through
/// the row's setters, which check it as evaluation does. Anything else — an unknown fact, a value of the wrong
/// type or out of range, a derived fact such as <c>age</c> — makes the fill give up (<c>false</c>, or a
/// <see cref="ResidentException"/> from a setter), and the caller reads the record the reference way, which reports
/// the row's error exactly as before. A row that fills is decided by <see cref="PreparedEvaluation.EvaluateRow"/>,
/// which gives <see cref="PreparedEvaluation.Evaluate"/>'s decisions.
/// </para>
/// <para>Immutable and thread-safe; each worker fills its own row.</para>
/// </remarks>
internal sealed class RowFill(ResidentRowLayout layout)
{
    public ResidentRowLayout Layout { get; } = layout;

    /// <summary>The slot of a fact column, or null when the name is no fact the fill takes (unknown, or derived).</summary>
    public RowSlot? Slot(string name) => Layout.Find(name) is { Declaration.Derived: null } slot ? slot : null;

    /// <summary>The slots of a header's columns (null for reserved, unknown or derived ones).</summary>
    public RowSlot?[] Slots(string[] names) => [.. names.Select(n => FactValues.IsReserved(n) ? null : Slot(n))];

    /// <summary>Forgets the previous resident.</summary>
    public void Begin(ref ResidentRow row) => row.Adopt(Layout);

    /// <summary>A JSON value of a fact (JSON Lines); false when the fill does not take it.</summary>
    public static bool Json(ref ResidentRow row, RowSlot slot, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return true; // not given, as the reference reads it
            case JsonValueKind.True:
                row.Set(slot.Handle, true);
                return true;
            case JsonValueKind.False:
                row.Set(slot.Handle, false);
                return true;
            case JsonValueKind.Number:
                return value.TryGetDecimal(out var n) && Number(ref row, slot, n);
            case JsonValueKind.String:
                return Text(ref row, slot, value.GetString()!, fromJson: true);
            case JsonValueKind.Array:
                if (slot.Declaration.Kind != FactKind.Set || slot.Width != 1)
                {
                    return false;
                }

                ulong mask = 0;
                foreach (var member in value.EnumerateArray())
                {
                    var index = member.ValueKind == JsonValueKind.String ? slot.IndexOf(member.GetString()!) : -1;
                    if (index < 0)
                    {
                        return false;
                    }

                    mask |= 1UL << index;
                }

                row.SetMask(slot.Handle, mask);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// A cell written as text (CSV, a Parquet string column), as <see cref="FactValues.WithText"/> reads it: empty is
    /// not given, bools as true/false/1/0, numbers in the invariant culture, sets <c>a|b</c> with <c>[]</c> for none.
    /// </summary>
    public static bool Text(ref ResidentRow row, RowSlot slot, string text) => text.Length == 0 || Text(ref row, slot, text, fromJson: false);

    /// <summary>A typed Parquet value of a fact; false when the fill does not take it.</summary>
    public static bool Cell(ref ResidentRow row, RowSlot slot, object value)
    {
        switch (value)
        {
            case string s:
                return Text(ref row, slot, s);
            case bool b:
                row.Set(slot.Handle, b);
                return true;
            case DateTime dt:
                row.Set(slot.Handle, DateOnly.FromDateTime(dt));
                return true;
            case DateOnly d:
                row.Set(slot.Handle, d);
                return true;
            case double d when !double.IsFinite(d):
                return false;
            case float f when !float.IsFinite(f):
                return false;
            case IConvertible c:
                return Number(ref row, slot, c.ToDecimal(CultureInfo.InvariantCulture));
            default:
                return false;
        }
    }

    private static bool Text(ref ResidentRow row, RowSlot slot, string text, bool fromJson)
    {
        switch (slot.Declaration.Kind)
        {
            case FactKind.Enum:
                var index = slot.IndexOf(text);
                if (index < 0)
                {
                    return false;
                }

                row.SetIndex(slot.Handle, index);
                return true;
            case FactKind.Bool when !fromJson:
                switch (text)
                {
                    case "true" or "TRUE" or "True" or "1":
                        row.Set(slot.Handle, true);
                        return true;
                    case "false" or "FALSE" or "False" or "0":
                        row.Set(slot.Handle, false);
                        return true;
                    default:
                        return false;
                }

            case FactKind.Int or FactKind.Decimal when !fromJson:
                return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) && Number(ref row, slot, n);
            case FactKind.Set when !fromJson:
                return Members(ref row, slot, text);
            case FactKind.Date or FactKind.Division or FactKind.String:
                row.Set(slot.Handle, text); // checked as evaluation checks a string of this kind
                return true;
            default:
                return false; // a string for a bool, number or set fact in JSON: the reference reports it
        }
    }

    private static bool Number(ref ResidentRow row, RowSlot slot, decimal n)
    {
        if (slot.Declaration.Kind == FactKind.Int && n == decimal.Truncate(n) && n >= long.MinValue && n <= long.MaxValue)
        {
            row.Set(slot.Handle, (long)n);
            return true;
        }

        if (slot.Declaration.Kind is FactKind.Int or FactKind.Decimal)
        {
            row.Set(slot.Handle, n); // a fraction for an int fact throws, with evaluation's message
            return true;
        }

        return false;
    }

    private static bool Members(ref ResidentRow row, RowSlot slot, string text)
    {
        if (slot.Width != 1)
        {
            return false;
        }

        ulong mask = 0;
        if (text != FactValues.EmptySet)
        {
            // As FactValues.WithText: split on '|', members trimmed, empty pieces dropped.
            var rest = text.AsSpan();
            while (true)
            {
                var bar = rest.IndexOf('|');
                var piece = (bar < 0 ? rest : rest[..bar]).Trim();
                if (!piece.IsEmpty)
                {
                    var index = slot.IndexOf(piece);
                    if (index < 0)
                    {
                        return false;
                    }

                    mask |= 1UL << index;
                }

                if (bar < 0)
                {
                    break;
                }

                rest = rest[(bar + 1)..];
            }
        }

        row.SetMask(slot.Handle, mask);
        return true;
    }
}
