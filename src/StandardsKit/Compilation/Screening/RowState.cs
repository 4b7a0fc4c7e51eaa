using System.Runtime.InteropServices;

namespace StandardsKit.Compilation.Screening;

/// <summary>
/// What a compiled program reads about one row besides its cells, computed once per row before the items run:
/// which facts are known (given, "none", the county default, a derivable age), which were given, and the age.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct RowState
{
    /// <summary>Facts with a value: given, declared <c>absent: none</c>, defaulting to the county, or an age derived from a given birth date.</summary>
    public ulong Known0;
    public ulong Known1;

    /// <summary>What <c>present(x)</c> reads: facts given, and derived ages whose birth date was given.</summary>
    public ulong Given0;
    public ulong Given1;

    /// <summary>The bool facts that are true (false when not given).</summary>
    public ulong Bools0;
    public ulong Bools1;

    /// <summary>The age: derived from the birth date when given, else the stated one (read only when known).</summary>
    public long Age;

    /// <summary>1 when the age was derived from a given birth date.</summary>
    public int BirthGiven;

    /// <summary>1 when a missing age is reported as the missing birth date (the birth date itself is missing).</summary>
    public int ReplaceAge;
}
