using System.Collections.Immutable;
using StandardsKit.Diagnostics;

namespace StandardsKit.Model;

/// <summary>A service item (服务项目) of one edition of a standard, national or local.</summary>
/// <remarks>Pure data; equality compares <see cref="Fields"/> and <see cref="LeadDepartments"/> element by element.</remarks>
public sealed record ServiceItem
{
    /// <summary>Stable kebab-case id, the same across editions.</summary>
    public required string Id { get; init; }

    /// <summary>The item's number in its edition, where known.</summary>
    public int? Number { get; init; }

    /// <summary>Area id, from this standard's taxonomy or its parent's.</summary>
    public string? Area { get; init; }

    /// <summary>Category id.</summary>
    public string? Category { get; init; }

    /// <summary>Basic, non-basic or local.</summary>
    public required ItemKind Kind { get; init; }

    /// <summary>Official name in this edition.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>Evidence for the item and its name.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The five texts, keyed by <see cref="ItemFieldNames"/>; absent where no source shows them.</summary>
    public ImmutableDictionary<string, ItemField> Fields { get; init; } = ImmutableDictionary<string, ItemField>.Empty;

    /// <summary>支出责任 in the controlled vocabulary, e.g. <c>central-local-shared</c>.</summary>
    public string? Funding { get; init; }

    /// <summary>牵头负责单位.</summary>
    public ImmutableArray<string> LeadDepartments { get; init; } = [];

    /// <summary>Who qualifies; null in a local item that inherits its parent's rule.</summary>
    public Eligibility? Eligibility { get; init; }

    /// <summary>At what level; null where inherited or not stated.</summary>
    public Level? Level { get; init; }

    /// <summary>For a local item: the national (or parent) item id it implements.</summary>
    public string? Implements { get; init; }

    /// <summary>Where the item starts in its file.</summary>
    public SourceSpan? Span { get; init; }

    /// <inheritdoc/>
    public bool Equals(ServiceItem? other) =>
        ReferenceEquals(this, other) || (other is not null && Id == other.Id && Number == other.Number && Area == other.Area && Category == other.Category
        && Kind == other.Kind && Name == other.Name && Provenance == other.Provenance && Funding == other.Funding
        && Eligibility == other.Eligibility && Level == other.Level && Implements == other.Implements && Span == other.Span
        && ModelEquality.Equal(Fields, other.Fields) && ModelEquality.Equal(LeadDepartments, other.LeadDepartments));

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Id);
        hash.Add(Number);
        hash.Add(Area);
        hash.Add(Category);
        hash.Add(Kind);
        hash.Add(Name);
        hash.Add(Provenance);
        hash.Add(Funding);
        hash.Add(Eligibility);
        hash.Add(Level);
        hash.Add(Implements);
        hash.Add(Span);
        hash.Add(ModelEquality.Hash(Fields));
        hash.Add(ModelEquality.Hash(LeadDepartments));
        return hash.ToHashCode();
    }
}
