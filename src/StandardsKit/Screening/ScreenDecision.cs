using System.Runtime.InteropServices;

namespace StandardsKit.Screening;

/// <summary>
/// One item's decision for one resident, as <see cref="Engine.PreparedEvaluation.Screen"/> writes it: the
/// answer and the facts that would change it, in 24 bytes with no reference to the heap. Names are resolved
/// only when asked (<see cref="ResidentRowLayout.NamesOf"/> on <see cref="MissingFacts"/>).
/// </summary>
/// <remarks>
/// Read-only for callers; screening overwrites it in place, so copy what you keep before screening into the
/// same buffer again. It carries the same answer as <see cref="Engine.Decision.Eligible"/> and
/// <see cref="Engine.Decision.MissingFacts"/> of evaluation.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct ScreenDecision : IEquatable<ScreenDecision>
{
    internal const byte HasMissing = 4;

    internal ulong Missing0;
    internal ulong Missing1;

    /// <summary>Bits 0–1: <see cref="EligibilityState"/>; bit 2: <see cref="Missing0"/>/<see cref="Missing1"/> are set.</summary>
    internal byte Code;

    /// <summary>Eligible, not eligible or undetermined.</summary>
    public readonly EligibilityState Eligibility => (EligibilityState)(Code & 3);

    /// <summary>The answer as <see cref="Engine.Decision.Eligible"/> gives it: true, false, or null when undetermined.</summary>
    public readonly bool? Eligible => Eligibility switch
    {
        EligibilityState.Eligible => true,
        EligibilityState.NotEligible => false,
        _ => null,
    };

    /// <summary>
    /// The facts whose value would change the answer or an amount: what to ask next. Empty when nothing is
    /// missing.
    /// </summary>
    public readonly FactMask MissingFacts => (Code & HasMissing) != 0 ? new FactMask(Missing0, Missing1) : default;

    /// <inheritdoc/>
    public readonly bool Equals(ScreenDecision other) => Eligibility == other.Eligibility && MissingFacts == other.MissingFacts;

    /// <inheritdoc/>
    public override readonly bool Equals(object? obj) => obj is ScreenDecision other && Equals(other);

    /// <inheritdoc/>
    public override readonly int GetHashCode() => HashCode.Combine(Eligibility, MissingFacts);

    /// <summary>Equal when both give the same answer with the same missing facts.</summary>
    public static bool operator ==(ScreenDecision left, ScreenDecision right) => left.Equals(right);

    /// <summary>Not equal when the answers or missing facts differ.</summary>
    public static bool operator !=(ScreenDecision left, ScreenDecision right) => !left.Equals(right);
}
