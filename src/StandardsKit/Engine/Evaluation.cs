using System.Collections.Immutable;

namespace StandardsKit.Engine;

/// <summary>Every decision for one resident in one county on one date.</summary>
/// <param name="County">The county-level code evaluated.</param>
/// <param name="On">The evaluation date.</param>
/// <param name="Chain">The standards in force along the jurisdiction chain, national first.</param>
/// <param name="Decisions">One per item in force, national items by number then local-only items.</param>
public sealed record Evaluation(string County, DateOnly On, ImmutableArray<ChainLink> Chain, ImmutableArray<Decision> Decisions)
{
    /// <summary>
    /// Warnings about the input, e.g. a county that is neither the resident's hukou nor their residence (a county
    /// serves its hukou holders and its permanent residents, so the answers may not apply to this person there).
    /// </summary>
    public ImmutableArray<EvaluationWarning> Warnings { get; init; } = [];
}

/// <summary>A standard edition in force for a jurisdiction of the chain.</summary>
/// <param name="Jurisdiction">Its jurisdiction code.</param>
/// <param name="Standard">Standard id.</param>
/// <param name="Edition">Edition in force.</param>
public sealed record ChainLink(string Jurisdiction, string Standard, string Edition);
