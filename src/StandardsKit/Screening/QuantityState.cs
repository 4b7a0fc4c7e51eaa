namespace StandardsKit.Screening;

/// <summary>What a screened quantity holds.</summary>
#pragma warning disable CA1028 // one byte per quantity in screening buffers
public enum QuantityState : byte
#pragma warning restore CA1028
{
    /// <summary>The decision is not eligible (or undetermined), so it has no level: nothing was resolved.</summary>
    NotApplicable = 0,

    /// <summary>Eligible, but no tier applies on that date: the quantity is not part of the level.</summary>
    NoAmount = 1,

    /// <summary>The amount is known: <see cref="ScreenQuantity.Value"/>.</summary>
    Determined = 2,

    /// <summary>
    /// The amount depends on missing facts: <see cref="ScreenQuantity.MissingFacts"/> names them and
    /// <see cref="Engine.PreparedEvaluation.PossibleValues"/> lists what it may be.
    /// </summary>
    Undetermined = 3,
}
