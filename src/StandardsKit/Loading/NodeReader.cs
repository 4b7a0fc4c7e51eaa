using System.Collections.Immutable;
using System.Globalization;
using StandardsKit.Diagnostics;
using StandardsKit.Expressions;
using StandardsKit.Loading.Yaml;
using StandardsKit.Model;

namespace StandardsKit.Loading;

/// <summary>
/// Typed reads from a schema-checked YAML tree. The schema has already rejected wrong shapes, so a mismatch
/// here yields null rather than a second diagnostic; dates get their own check because a pattern cannot
/// tell 2023-02-30 from a real day.
/// </summary>
internal sealed class NodeReader(DiagnosticBag diagnostics)
{
    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public static string? String(YamlNode? node) => node is YamlScalar { IsNull: false } s ? s.Value : null;

    public static YamlMapping? Map(YamlNode? node) => node as YamlMapping;

    public static IEnumerable<YamlNode> List(YamlNode? node) => node is YamlSequence s ? s.Items : [];

    public static ImmutableArray<string> Strings(YamlNode? node) => [.. List(node).Select(String).OfType<string>()];

    /// <summary>A whole number read as validation read it (YAML 1.2 core: 0x1F, 0o17 and 1.0 are whole numbers).</summary>
    public static int? Int(YamlNode? node) =>
        node is YamlScalar s && YamlCoreSchema.WholeNumber(s) is { } l && l is >= int.MinValue and <= int.MaxValue ? (int)l : null;

    /// <summary>A number read as validation read it (YAML 1.2 core); null for text, infinity and not-a-number.</summary>
    public static decimal? Decimal(YamlNode? node) => node is YamlScalar s ? YamlCoreSchema.Number(s) : null;

    public static bool Bool(YamlNode? node) => String(node) is "true" or "True" or "TRUE";

    public DateOnly? Date(YamlNode? node)
    {
        if (String(node) is not { } s)
        {
            return null;
        }

        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            // Standards are evaluated on these dates, so they share the expressions' supported range.
            if (ExpressionLimits.IsSupported(d))
            {
                return d;
            }

            Diagnostics.Error(DiagnosticCodes.BadDates, node!.Span, $"{s} is outside the supported range {ExpressionLimits.DateRangeText}", "use a date in that range");
            return null;
        }

        Diagnostics.Error(DiagnosticCodes.BadDates, node!.Span, $"'{s}' is not a calendar date", "write YYYY-MM-DD");
        return null;
    }

    public static LocalizedText? Text(YamlNode? node) => node switch
    {
        YamlMapping m when String(m["zh"]) is { } zh => new LocalizedText(zh, String(m["en"])),
        YamlScalar { IsNull: false } s => new LocalizedText(s.Value, null),
        _ => null,
    };

    public static Provenance? Provenance(YamlNode? node)
    {
        if (Map(node) is not { } m)
        {
            return null;
        }

        return new Provenance(EvidenceNames.Parse(String(m["evidence"])), Strings(m["sources"]), String(m["note"]));
    }
}
