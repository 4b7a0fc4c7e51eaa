using StandardsKit.Model;

namespace StandardsKit.Divisions;

/// <summary>An attribute's value for one division, with the evidence behind it.</summary>
/// <param name="Value"><see cref="bool"/>, <see cref="decimal"/> or <see cref="string"/>; null when the sources do not say.</param>
/// <param name="Provenance">The evidence for this value (the entry's, else the attribute's).</param>
/// <param name="DefinedAt">The division whose entry gave the value (itself or an ancestor); null for the attribute's default.</param>
public sealed record DivisionAttributeValue(object? Value, Provenance Provenance, string? DefinedAt)
{
    /// <summary>True when a source gives the value; false when it is unknown.</summary>
    public bool IsKnown => Value is not null;
}
