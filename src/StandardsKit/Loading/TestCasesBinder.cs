using System.Collections.Immutable;
using StandardsKit.Engine;
using StandardsKit.Loading.Yaml;
using StandardsKit.Testing;

namespace StandardsKit.Loading;

internal static class TestCasesBinder
{
    public static IEnumerable<TestCase> Bind(YamlMapping root, NodeReader r)
    {
        foreach (var node in NodeReader.List(root["tests"]))
        {
            if (NodeReader.Map(node) is not { } m || NodeReader.String(m["county"]) is not { } county || r.Date(m["on"]) is not { } on)
            {
                continue;
            }

            yield return new TestCase
            {
                Name = NodeReader.String(m["name"]) ?? "(unnamed)",
                County = county,
                On = on,
                Resident = ResidentOf(NodeReader.Map(m["resident"])),
                Expectations = [.. NodeReader.List(m["expect"]).Select(NodeReader.Map).OfType<YamlMapping>().Select(Expectation)],
                Span = node.Span,
            };
        }
    }

    private static Resident ResidentOf(YamlMapping? m)
    {
        var resident = Resident.Empty;
        foreach (var (key, value) in m?.Entries ?? [])
        {
            resident = value switch
            {
                YamlSequence s => resident.With(key.Value, s.Items.Select(NodeReader.String).OfType<string>()),
                YamlScalar s => YamlCoreSchema.Resolve(s) switch
                {
                    bool b => resident.With(key.Value, b),
                    long or decimal => resident.With(key.Value, YamlCoreSchema.Number(s)!.Value),
                    null => resident,
                    _ => resident.With(key.Value, s.Value),
                },
                _ => resident,
            };
        }

        return resident;
    }

    private static TestExpectation Expectation(YamlMapping m)
    {
        var eligibleNode = m["eligible"];
        // A null expectation means "no value": the quantity must be absent for this resident.
        var level = ImmutableDictionary.CreateBuilder<string, decimal?>(StringComparer.Ordinal);
        foreach (var (key, value) in NodeReader.Map(m["level"])?.Entries ?? [])
        {
            level[key.Value] = NodeReader.Decimal(value);
        }

        return new TestExpectation
        {
            Item = NodeReader.String(m["item"]) ?? "",
            InForce = m["inForce"] is null || NodeReader.Bool(m["inForce"]),
            ChecksEligible = eligibleNode is not null,
            Eligible = eligibleNode is YamlScalar { IsNull: true } ? null : NodeReader.Bool(eligibleNode),
            Jurisdiction = NodeReader.String(m["jurisdiction"]),
            Level = level.ToImmutable(),
            MissingFacts = m["missingFacts"] is null ? null : NodeReader.Strings(m["missingFacts"]),
            Span = m.Span,
        };
    }
}
