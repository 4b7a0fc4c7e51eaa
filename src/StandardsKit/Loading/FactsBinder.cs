using System.Collections.Immutable;
using StandardsKit.Diagnostics;
using StandardsKit.Loading.Yaml;
using StandardsKit.Model;

namespace StandardsKit.Loading;

internal static class FactsBinder
{
    public static IEnumerable<FactDeclaration> Bind(YamlMapping root, NodeReader r)
    {
        foreach (var node in NodeReader.List(root["facts"]))
        {
            if (NodeReader.Map(node) is not { } m || NodeReader.String(m["name"]) is not { } name)
            {
                continue;
            }

            var kind = NodeReader.String(m["type"]) switch
            {
                "bool" => FactKind.Bool,
                "int" => FactKind.Int,
                "decimal" => FactKind.Decimal,
                "date" => FactKind.Date,
                "enum" => FactKind.Enum,
                "set" => FactKind.Set,
                "division" => FactKind.Division,
                _ => FactKind.String,
            };
            var values = NodeReader.Strings(m["values"]);
            if (kind is FactKind.Enum or FactKind.Set && values.IsEmpty)
            {
                r.Diagnostics.Error(DiagnosticCodes.BadFactDeclaration, node.Span, $"fact '{name}' is an {kind.ToString().ToLowerInvariant()} without values",
                    "list its allowed values under 'values:'");
            }

            var derived = NodeReader.String(m["derived"]);
            yield return new FactDeclaration
            {
                Name = name,
                Kind = kind,
                Description = NodeReader.Text(m["description"]) ?? new LocalizedText(name, null),
                Unit = NodeReader.String(m["unit"]),
                Values = values,
                Min = NodeReader.Decimal(m["min"]),
                Max = NodeReader.Decimal(m["max"]),
                Derived = derived,
                AbsentMeansNone = NodeReader.String(m["absent"]) == "none",
                DefaultsToCounty = NodeReader.String(m["default"]) == "county",
                Span = node.Span,
            };
        }
    }
}
