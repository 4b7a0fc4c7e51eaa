using StandardsKit.Model;

namespace StandardsKit.Diagnostics;

/// <summary>The strict publishing check: refuse content backed by less than a chosen evidence level.</summary>
public static class EvidenceCheck
{
    /// <summary>One error per item, text, rule or level whose evidence is below <paramref name="minimum"/>.</summary>
    public static IEnumerable<Diagnostic> Below(IEnumerable<StandardDocument> documents, Evidence minimum)
    {
        foreach (var document in documents)
        {
            foreach (var item in document.Items)
            {
                foreach (var (part, provenance) in ProvenanceSummary.PartsOf(item))
                {
                    if (provenance.Evidence < minimum)
                    {
                        yield return new Diagnostic(DiagnosticCodes.EvidenceBelowMinimum, Severity.Error,
                            $"{document.Key} item '{item.Id}' {part} is {provenance.Evidence.Name()}, below the required {minimum.Name()}",
                            item.Span, "find a stronger source, or publish without --min-evidence");
                    }
                }
            }
        }
    }
}
