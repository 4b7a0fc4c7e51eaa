namespace StandardsKit.Engine;

/// <summary>What an evaluation computes beyond the decisions themselves.</summary>
public sealed record EvaluationOptions
{
    /// <summary>The defaults: every item, with explanations.</summary>
    public static EvaluationOptions Default { get; } = new();

    /// <summary>Item ids to keep; null or empty for every item in force.</summary>
    public IReadOnlyCollection<string>? Items { get; init; }

    /// <summary>
    /// When true (the default), decisions carry <see cref="Decision.Because"/> and <see cref="Decision.Citations"/>.
    /// Turn it off for batch screening, where only eligibility, missing facts and levels are needed.
    /// </summary>
    public bool Explain { get; init; } = true;
}
