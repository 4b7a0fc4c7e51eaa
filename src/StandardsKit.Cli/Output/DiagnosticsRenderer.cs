using System.Globalization;
using System.Text.Json;
using StandardsKit.Analysis;
using StandardsKit.Diagnostics;
using StandardsKit.Model;

namespace StandardsKit.Cli.Output;

/// <summary>Renders diagnostics as text lines, JSON or GitHub workflow annotations.</summary>
internal static class DiagnosticsRenderer
{
    public static void Text(TextWriter w, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<ProvenanceSummary> provenance, int files, FloorProofReport? proofs = null)
    {
        foreach (var d in diagnostics)
        {
            w.Line(d.ToString());
        }

        if (proofs is not null)
        {
            ProofsOutput.Text(w, proofs);
        }

        foreach (var p in provenance)
        {
            w.Line($"provenance {p.Standard}: items {Counts(p.Items)}; fields {Counts(p.Fields)}");
        }

        w.Line(Summary(diagnostics, files));
    }

    public static void GitHub(TextWriter w, IReadOnlyList<Diagnostic> diagnostics, int files)
    {
        foreach (var d in diagnostics)
        {
            var level = d.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "notice" };
            var where = d.Span is { } s ? $" file={Workflow(s.File, true)},line={Number(s.Line)},col={Number(s.Column)}," : " ";
            var message = d.Message + (d.Help is null ? "" : " — " + d.Help);
            w.WriteLine($"::{level}{where}title={d.Code}::{Workflow(message, false)}");
        }

        w.WriteLine(Summary(diagnostics, files));
    }

    public static void Json(TextWriter w, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<ProvenanceSummary> provenance, int files, FloorProofReport? proofs = null)
    {
        using var json = JsonOutput.Writer(w, out var flush);
        json.WriteStartObject();
        json.WriteStartArray("diagnostics");
        foreach (var d in diagnostics)
        {
            Json(json, d);
        }

        json.WriteEndArray();
        json.WriteStartArray("provenance");
        foreach (var p in provenance)
        {
            json.WriteStartObject();
            json.WriteString("standard", p.Standard);
            json.WriteString("file", p.Path);
            WriteCounts(json, "items", p.Items);
            WriteCounts(json, "fields", p.Fields);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (proofs is not null)
        {
            ProofsOutput.Json(json, proofs);
        }

        json.WriteStartObject("summary");
        json.WriteNumber("files", files);
        json.WriteNumber("errors", diagnostics.Count(d => d.Severity == Severity.Error));
        json.WriteNumber("warnings", diagnostics.Count(d => d.Severity == Severity.Warning));
        json.WriteNumber("notices", diagnostics.Count(d => d.Severity == Severity.Info));
        json.WriteEndObject();
        json.WriteEndObject();
        flush();
    }

    /// <summary>One diagnostic as a JSON object: code, severity, file, line, column (when it has a place), message, help (when known).</summary>
    public static void Json(Utf8JsonWriter json, Diagnostic d)
    {
        json.WriteStartObject();
        json.WriteString("code", d.Code);
        json.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
        if (d.Span is { } s)
        {
            json.WriteString("file", s.File);
            json.WriteNumber("line", s.Line);
            json.WriteNumber("column", s.Column);
        }

        json.WriteString("message", d.Message);
        if (d.Help is { } help)
        {
            json.WriteString("help", help);
        }

        json.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter json, string name, IReadOnlyDictionary<Evidence, int> counts)
    {
        json.WriteStartObject(name);
        foreach (var e in Enum.GetValues<Evidence>().Reverse())
        {
            json.WriteNumber(e.Name(), counts.GetValueOrDefault(e));
        }

        json.WriteEndObject();
    }

    private static string Counts(IReadOnlyDictionary<Evidence, int> counts) =>
        string.Join(", ", Enum.GetValues<Evidence>().Reverse().Select(e => $"{e.Name()} {counts.GetValueOrDefault(e)}"));

    private static string Summary(IReadOnlyList<Diagnostic> diagnostics, int files)
    {
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = diagnostics.Count(d => d.Severity == Severity.Warning);
        return $"{errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")} in {files} file{(files == 1 ? "" : "s")}";
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    // GitHub's workflow-command escaping: %, CR and LF always; ':' and ',' inside properties. Other control
    // characters (ESC, bidi overrides) would still reach the log raw, so they are made visible first.
    private static string Workflow(string s, bool property)
    {
        s = SafeText.Escape(s).Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);
        return property ? s.Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal) : s;
    }
}
