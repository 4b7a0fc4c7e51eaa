namespace StandardsKit.Screening;

/// <summary>A screened decision's answer: eligible, not eligible, or undetermined for want of facts.</summary>
#pragma warning disable CA1028 // one byte per decision in screening buffers
public enum EligibilityState : byte
#pragma warning restore CA1028
{
    /// <summary>The slot was never written by <see cref="Engine.PreparedEvaluation.Screen"/>.</summary>
    NotScreened = 0,

    /// <summary>Eligible (<see cref="Engine.Decision.Eligible"/> is true).</summary>
    Eligible = 1,

    /// <summary>Not eligible (<see cref="Engine.Decision.Eligible"/> is false).</summary>
    NotEligible = 2,

    /// <summary>Undetermined: facts are missing (<see cref="ScreenDecision.MissingFacts"/> names them).</summary>
    Undetermined = 3,
}
