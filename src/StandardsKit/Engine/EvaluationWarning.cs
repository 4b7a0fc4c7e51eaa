namespace StandardsKit.Engine;

/// <summary>Something about an evaluation's input that may make its answers inapplicable, though they were computed.</summary>
/// <param name="Code">A stable code, e.g. <c>outside-hukou-and-residence</c>.</param>
/// <param name="Message">What is wrong and what to check.</param>
public sealed record EvaluationWarning(string Code, string Message)
{
    /// <summary>The county evaluated is neither the resident's hukou county nor their county of residence.</summary>
    public const string OutsideHukouAndResidence = "outside-hukou-and-residence";
}
