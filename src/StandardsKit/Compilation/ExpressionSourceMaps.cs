using StandardsKit.Model;

namespace StandardsKit.Compilation;

/// <summary>
/// The source maps loading records beside the model: for each rule and tier condition read from YAML, how its
/// characters map to the file (the model keeps where each expression starts; the scalar's style decides the rest).
/// </summary>
/// <remarks>Keyed by the model instances loading created; a rule without an entry is mapped from its own span.</remarks>
internal sealed class ExpressionSourceMaps
{
    private readonly Dictionary<object, SourceMap> _maps = new(ReferenceEqualityComparer.Instance);

    public void Add(Eligibility rule, SourceMap map) => _maps[rule] = map;

    public void Add(QuantityTier tier, SourceMap map) => _maps[tier] = map;

    public SourceMap? Find(object site) => _maps.TryGetValue(site, out var map) ? map : null;
}
