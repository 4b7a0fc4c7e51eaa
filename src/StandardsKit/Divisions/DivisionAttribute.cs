using System.Collections.Immutable;
using StandardsKit.Diagnostics;
using StandardsKit.Model;

namespace StandardsKit.Divisions;

/// <summary>
/// An attribute of administrative divisions declared in <c>standards/divisions/attributes/</c>: a fiscal band, a
/// region, a list of counties. Values attach to divisions; an entry on a province or prefecture applies to every
/// division inside it unless a more specific entry says otherwise.
/// </summary>
/// <remarks>Immutable. A value the sources do not give is unknown, never a silent <c>false</c>.</remarks>
public sealed record DivisionAttribute
{
    /// <summary>camelCase name, as expressions read it.</summary>
    public required string Name { get; init; }

    /// <summary>The type of its values.</summary>
    public required DivisionAttributeKind Kind { get; init; }

    /// <summary>Allowed values of an enum attribute.</summary>
    public ImmutableArray<string> Values { get; init; } = [];

    /// <summary>Smallest allowed value of an int attribute.</summary>
    public int? Min { get; init; }

    /// <summary>Largest allowed value of an int attribute.</summary>
    public int? Max { get; init; }

    /// <summary>What the attribute means.</summary>
    public required LocalizedText Description { get; init; }

    /// <summary>Evidence for the attribute as a whole (an entry may carry its own).</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The sources of the file that declares it.</summary>
    public ImmutableArray<SourceReference> Sources { get; init; } = [];

    /// <summary>
    /// The value of a division no entry covers: <c>false</c> for a list complete outside its unknown entries,
    /// null (unknown) where the sources name no one.
    /// </summary>
    public object? Default { get; init; }

    /// <summary>Name endings from which entries are derived mechanically (e.g. 自治县); empty when none.</summary>
    public ImmutableArray<string> DerivedFromNameEndings { get; init; } = [];

    /// <summary>Explicit entries, in file order.</summary>
    public ImmutableArray<DivisionAttributeEntry> Entries { get; init; } = [];

    /// <summary>Where the attribute is declared.</summary>
    public SourceSpan? Span { get; init; }

    /// <summary>True when some division may have an unknown value (a partial list).</summary>
    public bool IsPartial => Default is null || Entries.Any(e => e.Value is null);
}

/// <summary>One entry of a division attribute: the value for a division and everything inside it.</summary>
/// <param name="Division">The 6-digit code.</param>
/// <param name="Name">The division's name as written beside the code (checked against the division list).</param>
/// <param name="Value"><see cref="bool"/>, <see cref="decimal"/> or <see cref="string"/>; null where the sources do not say.</param>
/// <param name="Provenance">Evidence for this entry, or null to use the attribute's.</param>
/// <param name="Span">Where the entry is written.</param>
public sealed record DivisionAttributeEntry(string Division, string Name, object? Value, Provenance? Provenance, SourceSpan? Span);
