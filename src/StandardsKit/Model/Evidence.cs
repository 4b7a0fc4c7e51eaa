namespace StandardsKit.Model;

/// <summary>How strongly a piece of content is backed, weakest first so levels compare with &lt; and &gt;.</summary>
public enum Evidence
{
    /// <summary>A lead from background knowledge, not yet checked against any source.</summary>
    Reconstructed,

    /// <summary>An amount from the ministry notice the standard refers to, not from the standard's text.</summary>
    Policy,

    /// <summary>Official interpretation, a provincial mirror or news coverage.</summary>
    Secondary,

    /// <summary>Quoted from the official text.</summary>
    Verbatim,
}
