namespace StandardsKit.Model;

/// <summary>How strongly a piece of content is backed, weakest first so levels compare with &lt; and &gt;.</summary>
/// <remarks>The YAML and JSON spelling of each value is given by <see cref="EvidenceNames"/>.</remarks>
public enum Evidence
{
    /// <summary>A lead from background knowledge, not yet checked against any source.</summary>
    Reconstructed,

    /// <summary>
    /// Text seen in the previous edition and carried forward, not seen in this one (<c>carried-forward</c>): the
    /// edition may have reworded it. Weaker than <see cref="Policy"/>, which at least speaks for the time it covers.
    /// </summary>
    CarriedForward,

    /// <summary>An amount from the ministry notice the standard refers to, not from the standard's text.</summary>
    Policy,

    /// <summary>Official interpretation, a provincial mirror or news coverage.</summary>
    Secondary,

    /// <summary>Quoted from the official text.</summary>
    Verbatim,
}
