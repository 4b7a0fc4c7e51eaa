namespace StandardsKit.Divisions;

/// <summary>Rules of GB/T 2260 codes: PP0000 province, PPCC00 prefecture, PPCCXX county.</summary>
internal static class DivisionCode
{
    public const string National = "000000";

    /// <summary>
    /// The prefix every code inside <paramref name="ancestor"/> starts with. GB/T 2260 codes nest by prefix,
    /// which holds for province-administered county-level units (4290xx lies in 42) too, so containment
    /// needs no lookup and no I/O.
    /// </summary>
    public static string ContainmentPrefix(string ancestor)
    {
        if (ancestor == National)
        {
            return "";
        }

        if (ancestor.EndsWith("0000", StringComparison.Ordinal))
        {
            return ancestor[..2];
        }

        return ancestor.EndsWith("00", StringComparison.Ordinal) ? ancestor[..4] : ancestor;
    }

    public static bool IsWithin(string code, string ancestor) =>
        code.StartsWith(ContainmentPrefix(ancestor), StringComparison.Ordinal);
}
