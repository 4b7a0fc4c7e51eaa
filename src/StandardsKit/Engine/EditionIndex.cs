using System.Collections.Immutable;
using StandardsKit.Divisions;
using StandardsKit.Model;

namespace StandardsKit.Engine;

/// <summary>Which edition of each standard is in force for a jurisdiction chain on a date.</summary>
/// <remarks>Immutable; shared by the catalog (evaluation) and the analyses (floor proof, diff).</remarks>
internal sealed class EditionIndex
{
    private readonly ImmutableDictionary<string, ImmutableArray<StandardDocument>> _byJurisdiction;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ImmutableArray<ImmutableArray<StandardDocument>>> _chains = new(StringComparer.Ordinal);

    public EditionIndex(IEnumerable<StandardDocument> documents, IDivisionDirectory divisions)
    {
        Divisions = divisions;
        _byJurisdiction = documents.GroupBy(d => d.Jurisdiction, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.OrderBy(d => d.EffectiveFrom).ToImmutableArray(), StringComparer.Ordinal);
    }

    public IDivisionDirectory Divisions { get; }

    /// <summary>The editions in force along the chain of <paramref name="code"/>, national first.</summary>
    public List<StandardDocument> InForce(string code, DateOnly on)
    {
        // The chain's standards (grouped by id) depend only on the code: computed once per code, then only the
        // edition in force is picked per date.
        var chain = _chains.GetOrAdd(code, c => [.. JurisdictionChain.Of(c, Divisions)
            .SelectMany(link => _byJurisdiction.GetValueOrDefault(link, []).GroupBy(d => d.Id, StringComparer.Ordinal))
            .Select(g => g.ToImmutableArray())]);
        var result = new List<StandardDocument>(chain.Length);
        foreach (var editions in chain)
        {
            if (EditionInForce(editions, on) is { } edition)
            {
                result.Add(edition);
            }
        }

        return result;
    }

    /// <summary>The last day <paramref name="document"/> is in force, or null when open-ended.</summary>
    public DateOnly? LastDay(StandardDocument document)
    {
        if (document.EffectiveUntil is { } until)
        {
            return until;
        }

        var next = _byJurisdiction.GetValueOrDefault(document.Jurisdiction, [])
            .Where(d => d.Id == document.Id && d.EffectiveFrom > document.EffectiveFrom)
            .Select(d => (DateOnly?)d.EffectiveFrom)
            .Min();
        return next?.AddDays(-1);
    }

    /// <summary>All editions, for analyses that need every date where something changes.</summary>
    public IEnumerable<StandardDocument> All => _byJurisdiction.Values.SelectMany(d => d);

    /// <summary>Every edition of every standard issued for <paramref name="jurisdiction"/>, oldest first.</summary>
    public ImmutableArray<StandardDocument> IssuedFor(string jurisdiction) => _byJurisdiction.GetValueOrDefault(jurisdiction, []);

    /// <summary>The editions of <paramref name="document"/>'s standard (itself included), oldest first.</summary>
    public IEnumerable<StandardDocument> EditionsOf(StandardDocument document) =>
        IssuedFor(document.Jurisdiction).Where(d => d.Id == document.Id);

    /// <summary>The latest edition that has started by <paramref name="on"/> and has not ended.</summary>
    public static StandardDocument? EditionInForce(IEnumerable<StandardDocument> editions, DateOnly on)
    {
        StandardDocument? current = null;
        foreach (var edition in editions)
        {
            if (edition.EffectiveFrom <= on)
            {
                current = edition;
            }
        }

        return current?.EffectiveUntil is { } until && until < on ? null : current;
    }
}
