using System.Text.Json.Serialization;
using StandardsKit.Engine;
using StandardsKit.Json;

namespace StandardsKit.Service.Contracts;

/// <summary>GET /v1/items: what is in force for a county on a date.</summary>
internal sealed record ItemsView(string County, DateOnly On, IReadOnlyList<JsonChainLink> Chain, StandardsRevision Revision, IReadOnlyList<ItemSummary> Items);

/// <summary>An item in force, in brief.</summary>
internal sealed record ItemSummary(string Id, int? Number, JsonText Name, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonText? LocalName,
    string Kind, string Jurisdiction, string? Area, string? Category);

/// <summary>GET /v1/items/{id}: one item as it applies, every layer's texts, rule, level and evidence.</summary>
internal sealed record ItemDetail(string County, DateOnly On, StandardsRevision Revision, ItemSummary Item, IReadOnlyList<LayerView> Layers);

/// <summary>One layer of an item: a standard edition's definition of it.</summary>
internal sealed record LayerView(string Standard, string Jurisdiction, string Item, JsonText Name, string Evidence, IReadOnlyList<string> Sources,
    IReadOnlyDictionary<string, FieldView> Fields, EligibilityView? Eligibility, LevelView? Level, string? Source);

/// <summary>One of the five texts of an item, with its evidence.</summary>
internal sealed record FieldView(JsonText Text, string Evidence);

/// <summary>An eligibility rule as written.</summary>
internal sealed record EligibilityView(string When, string? Evidence, string? Source);

/// <summary>A level as written: text and quantities with their tiers and dated values.</summary>
internal sealed record LevelView(JsonText? Text, IReadOnlyList<QuantityView> Quantities);

/// <summary>A quantity as written.</summary>
internal sealed record QuantityView(string Name, string Unit, bool AtLeast, IReadOnlyList<TierView> Tiers);

/// <summary>A tier: its condition (null: always) and dated values.</summary>
internal sealed record TierView(string? When, IReadOnlyList<DatedValueView> Values);

/// <summary>A value from a date (null: from the edition's start).</summary>
internal sealed record DatedValueView(DateOnly? From, decimal Value);

/// <summary>GET /v1/facts: the resident fact vocabulary (SPEC §4.3), from which the screener builds its form.</summary>
internal sealed record FactsView(StandardsRevision Revision, IReadOnlyList<FactView> Facts);

/// <summary>A declared fact.</summary>
internal sealed record FactView(string Name, string Type, JsonText Description, string? Unit, IReadOnlyList<string> Values, decimal? Min, decimal? Max,
    string? Derived, bool AbsentMeansNone, bool DefaultsToCounty);

/// <summary>GET /v1/standards: every loaded edition.</summary>
internal sealed record StandardsView(StandardsRevision Revision, IReadOnlyList<StandardView> Standards);

/// <summary>A standard edition.</summary>
internal sealed record StandardView(string Key, string Id, string Edition, string Jurisdiction, JsonText Title, DateOnly EffectiveFrom, DateOnly? EffectiveUntil,
    string? Extends, string? Supersedes, int Items, string? Evidence);

/// <summary>GET /v1/divisions: divisions matching a name or code.</summary>
internal sealed record DivisionsView(string Query, IReadOnlyList<DivisionView> Divisions);

/// <summary>A division, with its full name along the chain and whether it is county-level (can be evaluated).</summary>
internal sealed record DivisionView(string Code, string Name, string? Parent, string FullName, bool County);

/// <summary>GET /readyz and /healthz.</summary>
internal sealed record HealthView(string Status, string? Revision, string? Engine, DateTimeOffset? LoadedAt, string? LastError, string? Description);
