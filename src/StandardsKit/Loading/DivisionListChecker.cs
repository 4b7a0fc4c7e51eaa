using StandardsKit.Diagnostics;
using StandardsKit.Loading.Yaml;

namespace StandardsKit.Loading;

/// <summary>
/// Checks the division list as a tree: a code listed twice, a division that is its own parent, and a cycle of
/// parents are errors at the division's line. A chain built from such a list would be cut short (or never end)
/// without a word, so some county would silently lose its province's standards.
/// </summary>
internal static class DivisionListChecker
{
    public static void Check(IEnumerable<YamlMapping> lists, DiagnosticBag diagnostics)
    {
        var byCode = new Dictionary<string, (string? Parent, SourceSpan Span)>(StringComparer.Ordinal);
        foreach (var list in lists)
        {
            foreach (var node in NodeReader.List(list["divisions"]))
            {
                if (NodeReader.Map(node) is not { } m || NodeReader.String(m["code"]) is not { } code)
                {
                    continue;
                }

                var parent = NodeReader.String(m["parent"]);
                if (byCode.TryGetValue(code, out var first))
                {
                    diagnostics.Error(DiagnosticCodes.DuplicateId, node.Span, $"division {code} is listed twice (first at {first.Span})",
                        "remove one of them; a code names one division");
                    continue;
                }

                if (parent == code)
                {
                    diagnostics.Error(DiagnosticCodes.DivisionCycle, m["parent"]!.Span, $"division {code} is its own parent",
                        "set parent to the code of the prefecture or province above it, or omit it for a province");
                }

                byCode[code] = (parent, node.Span);
            }
        }

        // Every cycle is reported once, at the member that comes first in the list.
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (code, (_, span)) in byCode.OrderBy(d => d.Value.Span.File, StringComparer.Ordinal).ThenBy(d => d.Value.Span.Line))
        {
            var path = new List<string>();
            var onPath = new HashSet<string>(StringComparer.Ordinal);
            var current = code;
            while (current is not null && !done.Contains(current) && onPath.Add(current))
            {
                path.Add(current);
                current = byCode.TryGetValue(current, out var d) && d.Parent != current ? d.Parent : null;
            }

            if (current is not null && onPath.Contains(current) && !done.Contains(current))
            {
                var cycle = path.SkipWhile(c => c != current).Append(current).ToList();
                var first = cycle.Take(cycle.Count - 1).OrderBy(c => byCode[c].Span.File, StringComparer.Ordinal).ThenBy(c => byCode[c].Span.Line).First();
                diagnostics.Error(DiagnosticCodes.DivisionCycle, byCode[first].Span, $"the division parents form a cycle: {string.Join(" → ", cycle)}",
                    "each parent must be a division above it: county → prefecture → province");
            }

            done.UnionWith(path);
        }
    }
}
