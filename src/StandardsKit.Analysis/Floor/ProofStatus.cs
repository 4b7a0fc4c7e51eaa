namespace StandardsKit.Analysis;

/// <summary>How a proof obligation ended. There is no fourth answer: nothing is "clean" by assumption.</summary>
public enum ProofStatus
{
    /// <summary>Decided for every resident: no counterexample exists.</summary>
    Proved,

    /// <summary>A counterexample resident exists (and the evaluator confirmed it).</summary>
    Violated,

    /// <summary>Not decided; <see cref="FloorProof.Reason"/> names the construct or limit that blocked it.</summary>
    Unsupported,
}
