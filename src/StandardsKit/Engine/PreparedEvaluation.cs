using System.Collections.Immutable;

namespace StandardsKit.Engine;

/// <summary>
/// The items in force for one county on one date, resolved once, ready to evaluate many residents: the batch
/// path (screening a population, a case-worker queue). Obtain it from <see cref="Catalog.Prepare"/>.
/// </summary>
/// <remarks>Immutable and thread-safe; evaluating does no I/O and touches no shared mutable state.</remarks>
public sealed class PreparedEvaluation
{
    private readonly FrameLayout _layout;
    private readonly EffectiveItem[] _items;
    private readonly bool _explain;

    internal PreparedEvaluation(FrameLayout layout, string county, DateOnly on, ImmutableArray<ChainLink> chain, EffectiveItem[] items, bool explain)
    {
        _layout = layout;
        County = county;
        On = on;
        Chain = chain;
        _items = items;
        _explain = explain;
    }

    /// <summary>The county evaluated.</summary>
    public string County { get; }

    /// <summary>The evaluation date.</summary>
    public DateOnly On { get; }

    /// <summary>The standards in force, national first.</summary>
    public ImmutableArray<ChainLink> Chain { get; }

    /// <summary>The items this preparation decides, in decision order.</summary>
    public IReadOnlyList<EffectiveItem> Items => Array.AsReadOnly(_items);

    /// <summary>Decides every prepared item for one resident.</summary>
    /// <exception cref="ResidentException">A fact is unknown, has a value of the wrong type, or is outside its supported range.</exception>
    public Evaluation Evaluate(Resident resident)
    {
        ArgumentNullException.ThrowIfNull(resident);
        var frame = FrameBuilder.Build(resident, _layout, County, On);
        var decisions = new Decision[_items.Length];
        for (var i = 0; i < _items.Length; i++)
        {
            decisions[i] = DecisionMaker.Decide(_items[i], frame, _layout, _explain);
        }

        return new Evaluation(County, On, Chain, ImmutableArray.Create(decisions)) { Warnings = Residence.Warnings(resident, County) };
    }
}
