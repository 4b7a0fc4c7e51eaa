namespace StandardsKit.Divisions;

/// <summary>The source of administrative divisions used to build jurisdiction chains.</summary>
/// <remarks>
/// The embedded default reads <c>standards/divisions/</c>; supply your own to use another edition of GB/T 2260.
/// Implementations must be immutable and thread-safe: the engine calls them while evaluating.
/// </remarks>
public interface IDivisionDirectory
{
    /// <summary>Looks a code up.</summary>
    Division? Find(string code);

    /// <summary>All divisions, in code order.</summary>
    IEnumerable<Division> All { get; }
}
