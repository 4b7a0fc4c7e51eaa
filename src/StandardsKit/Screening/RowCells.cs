using System.Runtime.CompilerServices;

namespace StandardsKit.Screening;

/// <summary>The cells of a row kept inline: one 64-bit cell per non-bool fact (two for a decimal), 32 of them.</summary>
[InlineArray(Capacity)]
internal struct RowCells
{
    /// <summary>Inline cells; a vocabulary that needs more spills the rest into one array per row.</summary>
    public const int Capacity = 32;

    private long _first;
}
