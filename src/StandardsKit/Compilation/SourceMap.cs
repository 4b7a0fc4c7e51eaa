using System.Collections.Immutable;
using StandardsKit.Diagnostics;

namespace StandardsKit.Compilation;

/// <summary>
/// Where each character of an expression sits in its file: the start of the expression, and whether offsets
/// move along the line (a plain or quoted one-line YAML scalar) or all map to the start (a block scalar, or a
/// rule built in code without a position).
/// </summary>
/// <param name="Start">Where the expression's text starts (or, when not <paramref name="Exact"/>, the nearest known place).</param>
/// <param name="Shift">Columns between <paramref name="Start"/> and the first character (1 for a quoted scalar's opening quote).</param>
/// <param name="PerCharacter">True when offset n is n columns to the right of the first character.</param>
/// <param name="Exact">False when <paramref name="Start"/> is only the enclosing item or document.</param>
/// <param name="Positions">When known, the position of each character (and of the end): wrapped and escaped scalars.</param>
internal readonly record struct SourceMap(SourceSpan Start, int Shift, bool PerCharacter, bool Exact = true, ImmutableArray<SourceSpan> Positions = default)
{
    /// <summary>The position of character <paramref name="offset"/> of the expression.</summary>
    public SourceSpan At(int offset) =>
        !Positions.IsDefaultOrEmpty ? Positions[Math.Clamp(offset, 0, Positions.Length - 1)]
        : PerCharacter ? Start.Offset(Shift + offset) : Start;

    /// <summary>An expression whose every character's position is known.</summary>
    public static SourceMap Exactly(ImmutableArray<SourceSpan> positions) => new(positions[0], 0, PerCharacter: true, Positions: positions);

    /// <summary>A one-line expression written at <paramref name="start"/> with nothing before its first character.</summary>
    public static SourceMap Plain(SourceSpan start) => new(start, 0, PerCharacter: true);

    /// <summary>An expression without a position of its own: every offset maps to the enclosing <paramref name="place"/>.</summary>
    public static SourceMap Approximate(SourceSpan place) => new(place, 0, PerCharacter: false, Exact: false);
}
