using System.Text.Json;
using StandardsKit.Diagnostics;
using StandardsKit.Engine;

namespace StandardsKit.Cli.Output;

/// <summary>
/// <c>validate --format sarif</c>: a SARIF 2.1.0 log (one run) for code-scanning tools. The rules the results use
/// are described in <c>tool.driver.rules</c> with their documentation; results point at them by id and index.
/// </summary>
internal static class SarifOutput
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static void Write(TextWriter w, IReadOnlyList<Diagnostic> diagnostics)
    {
        // Every documented rule, plus any code a newer library emits that the table lacks (never a dangling ruleId).
        var rules = DiagnosticRules.All.ToList();
        foreach (var code in diagnostics.Select(d => d.Code).Distinct(StringComparer.Ordinal).Where(c => rules.All(r => r.Id != c)))
        {
            rules.Add((code, code, code));
        }

        var index = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        using var json = JsonOutput.Writer(w, out var flush);
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "standardskit");
        json.WriteString("semanticVersion", SemanticVersion(StandardsRevision.EngineVersion));
        json.WriteString("informationUri", "https://github.com/standardskit/standardskit");
        json.WriteStartArray("rules");
        foreach (var (id, name, description) in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteString("name", name);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", description);
            json.WriteEndObject();
            json.WriteString("helpUri", DiagnosticRules.HelpUri(id));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("results");
        foreach (var d in diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", d.Code);
            json.WriteNumber("ruleIndex", index[d.Code]);
            json.WriteString("level", d.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "note" });
            json.WriteStartObject("message");
            json.WriteString("text", d.Message + (d.Help is null ? "" : " — " + d.Help));
            json.WriteEndObject();
            if (d.Span is { } s)
            {
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartObject("physicalLocation");
                json.WriteStartObject("artifactLocation");
                json.WriteString("uri", Uri(s.File));
                json.WriteEndObject();
                json.WriteStartObject("region");
                json.WriteNumber("startLine", Math.Max(1, s.Line));
                json.WriteNumber("startColumn", Math.Max(1, s.Column));
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        flush();
    }

    /// <summary>A file as a URI reference: relative paths stay relative (to the repository root, as code scanning expects).</summary>
    private static string Uri(string file)
    {
        var path = file.Replace('\\', '/');
        if (Path.IsPathFullyQualified(file))
        {
            return new Uri(file).AbsoluteUri;
        }

        return string.Join('/', path.Split('/').Select(System.Uri.EscapeDataString));
    }

    /// <summary>"0.1.0+665f508…" is already SemVer 2.0; anything else is reported as 0.0.0.</summary>
    private static string SemanticVersion(string version) =>
        version.Length > 0 && char.IsAsciiDigit(version[0]) ? version : "0.0.0";
}
