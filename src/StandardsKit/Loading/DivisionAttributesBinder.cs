using System.Collections.Immutable;
using Newtonsoft.Json.Linq;
using StandardsKit.Diagnostics;
using StandardsKit.Divisions;
using StandardsKit.Loading.Yaml;
using StandardsKit.Model;

namespace StandardsKit.Loading;

/// <summary>
/// Binds <c>standards/divisions/attributes/*.yaml</c> and checks what the schema cannot: every entry names a
/// division of the loaded list by its right name, values fit the attribute's type, names and entries are unique.
/// </summary>
internal static class DivisionAttributesBinder
{
    public static IEnumerable<DivisionAttribute> Bind(YamlMapping root, NodeReader r)
    {
        var sources = SourceList.Read(root["sources"]);
        var sourceIds = sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var node in NodeReader.List(root["attributes"]))
        {
            if (NodeReader.Map(node) is not { } m || NodeReader.String(m["name"]) is not { } name)
            {
                continue;
            }

            var kind = NodeReader.String(m["type"]) switch
            {
                "int" => DivisionAttributeKind.Int,
                "enum" => DivisionAttributeKind.Enum,
                _ => DivisionAttributeKind.Bool,
            };
            var attribute = new DivisionAttribute
            {
                Name = name,
                Kind = kind,
                Values = NodeReader.Strings(m["values"]),
                Min = NodeReader.Int(m["min"]),
                Max = NodeReader.Int(m["max"]),
                Description = NodeReader.Text(m["description"]) ?? new LocalizedText(name, null),
                Provenance = NodeReader.Provenance(m["provenance"]) ?? new Provenance(Evidence.Reconstructed, [], null),
                Sources = sources,
                Span = node.Span,
                DerivedFromNameEndings = NodeReader.Strings(NodeReader.Map(m["derive"])?["nameEndsWith"]),
            };
            attribute = attribute with
            {
                Default = ValueOf(attribute, m["default"], r),
                Entries = [.. EntriesOf(attribute, m, r)],
            };

            CheckShape(attribute, m, r);
            ReferenceChecker.CheckSources(attribute.Provenance, node.Span, sourceIds, r.Diagnostics);
            foreach (var entry in attribute.Entries.Where(e => e.Provenance is not null))
            {
                ReferenceChecker.CheckSources(entry.Provenance, entry.Span, sourceIds, r.Diagnostics);
            }

            yield return attribute;
        }
    }

    /// <summary>Checks the declarations together and against the division list they describe.</summary>
    public static ImmutableArray<DivisionAttribute> Check(IReadOnlyList<DivisionAttribute> attributes, IDivisionDirectory divisions, DiagnosticBag d)
    {
        var unique = new List<DivisionAttribute>();
        foreach (var attribute in attributes)
        {
            if (unique.FirstOrDefault(a => a.Name == attribute.Name) is { } first)
            {
                d.Error(DiagnosticCodes.BadDivisionAttribute, attribute.Span,
                    $"division attribute '{attribute.Name}' is declared twice (also at {first.Span})", "remove one declaration");
                continue;
            }

            var seen = new Dictionary<string, DivisionAttributeEntry>(StringComparer.Ordinal);
            foreach (var entry in attribute.Entries)
            {
                if (!seen.TryAdd(entry.Division, entry))
                {
                    d.Error(DiagnosticCodes.BadDivisionAttribute, entry.Span,
                        $"'{attribute.Name}' has two entries for {entry.Division} (also at {seen[entry.Division].Span})", "keep one entry per division");
                }

                if (divisions.Find(entry.Division) is not { } division)
                {
                    d.Error(DiagnosticCodes.BadDivisionAttribute, entry.Span,
                        $"'{attribute.Name}' names division {entry.Division}, which is not in the division list", "use a code from standards/divisions/");
                }
                else if (division.Name != entry.Name)
                {
                    d.Error(DiagnosticCodes.BadDivisionAttribute, entry.Span,
                        $"'{attribute.Name}' names {entry.Division} '{entry.Name}', but the division list calls it '{division.Name}'",
                        "check the code: the name is there so a reviewer can see which division is meant");
                }
            }

            unique.Add(attribute);
        }

        return [.. unique];
    }

    private static IEnumerable<DivisionAttributeEntry> EntriesOf(DivisionAttribute attribute, YamlMapping m, NodeReader r)
    {
        foreach (var node in NodeReader.List(m["entries"]))
        {
            if (NodeReader.Map(node) is { } e && NodeReader.String(e["division"]) is { } code)
            {
                yield return new DivisionAttributeEntry(code, NodeReader.String(e["name"]) ?? "", ValueOf(attribute, e["value"], r),
                    NodeReader.Provenance(e["provenance"]), node.Span);
            }
        }
    }

    /// <summary>The typed value of a scalar (bool, decimal or string), or null; reports a value of the wrong type.</summary>
    private static object? ValueOf(DivisionAttribute attribute, YamlNode? node, NodeReader r)
    {
        if (node is not YamlScalar scalar || scalar.IsNull)
        {
            return null;
        }

        var token = JsonProjection.Scalar(scalar);
        object? value = (attribute.Kind, token.Type) switch
        {
            (DivisionAttributeKind.Bool, JTokenType.Boolean) => token.Value<bool>(),
            (DivisionAttributeKind.Int, JTokenType.Integer) => (decimal)token.Value<long>(),
            (DivisionAttributeKind.Enum, JTokenType.String) when attribute.Values.Contains(scalar.Value) => scalar.Value,
            _ => null,
        };
        if (value is null)
        {
            var expected = attribute.Kind switch
            {
                DivisionAttributeKind.Bool => "true, false or null",
                DivisionAttributeKind.Int => "a whole number or null",
                _ => $"one of {string.Join(", ", attribute.Values)} or null",
            };
            r.Diagnostics.Error(DiagnosticCodes.BadDivisionAttribute, node.Span, $"'{scalar.Value}' is not a value of {attribute.Kind.ToString().ToLowerInvariant()} attribute '{attribute.Name}'",
                $"write {expected}");
        }
        else if (value is decimal n && (n < attribute.Min || n > attribute.Max))
        {
            r.Diagnostics.Error(DiagnosticCodes.BadDivisionAttribute, node.Span, $"{n} is outside {attribute.Min}..{attribute.Max}, the range of '{attribute.Name}'", null);
        }

        return value;
    }

    private static void CheckShape(DivisionAttribute attribute, YamlMapping m, NodeReader r)
    {
        if (attribute.Kind == DivisionAttributeKind.Enum && attribute.Values.IsEmpty)
        {
            r.Diagnostics.Error(DiagnosticCodes.BadDivisionAttribute, m.Span, $"enum attribute '{attribute.Name}' has no values", "list them under 'values:'");
        }

        if (!attribute.DerivedFromNameEndings.IsEmpty && attribute.Kind != DivisionAttributeKind.Bool)
        {
            r.Diagnostics.Error(DiagnosticCodes.BadDivisionAttribute, m["derive"]?.Span ?? m.Span,
                $"'{attribute.Name}' is derived from division names, which only a bool attribute can be", "use type: bool");
        }
    }
}
