using System.Globalization;
using System.Text.Json;
using StandardsKit.Analysis;
using StandardsKit.Json;

namespace StandardsKit.Cli.Output;

/// <summary>The floor obligations of `validate`: counts and every violated or unsupported one (text), or all of them (JSON).</summary>
internal static class ProofsOutput
{
    public static void Text(TextWriter w, FloorProofReport report)
    {
        w.Line($"floor proofs: {report.Count(ProofStatus.Proved)} proved, {report.Count(ProofStatus.Violated)} violated, {report.Count(ProofStatus.Unsupported)} unsupported");
        foreach (var p in report.Proofs.Where(p => p.Status != ProofStatus.Proved))
        {
            w.Line($"  {Status(p.Status)} {p.Standard} '{p.Item}' (implements {p.Parent} '{p.Implements}') {Day(p.From)}..{(p.Until is { } u ? Day(u) : "")}: {p.Reason}");
        }
    }

    public static void Json(Utf8JsonWriter json, FloorProofReport report)
    {
        json.WriteStartArray("proofs");
        foreach (var p in report.Proofs)
        {
            json.WriteStartObject();
            json.WriteString("standard", p.Standard);
            json.WriteString("item", p.Item);
            json.WriteString("implements", p.Implements);
            json.WriteString("parent", p.Parent);
            json.WriteString("from", Day(p.From));
            if (p.Until is { } until)
            {
                json.WriteString("until", Day(until));
            }
            else
            {
                json.WriteNull("until");
            }

            json.WriteString("status", Status(p.Status));
            if (p.Example is { } example)
            {
                json.WritePropertyName("example");
                ResidentJson.Write(json, example);
                json.WriteString("county", p.County);
            }
            else
            {
                json.WriteNull("example");
                json.WriteNull("county");
            }

            if (p.Reason is { } reason)
            {
                json.WriteString("reason", reason);
            }
            else
            {
                json.WriteNull("reason");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("proofSummary");
        json.WriteNumber("proved", report.Count(ProofStatus.Proved));
        json.WriteNumber("violated", report.Count(ProofStatus.Violated));
        json.WriteNumber("unsupported", report.Count(ProofStatus.Unsupported));
        json.WriteEndObject();
    }

    private static string Status(ProofStatus s) => s.ToString().ToLowerInvariant();

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
