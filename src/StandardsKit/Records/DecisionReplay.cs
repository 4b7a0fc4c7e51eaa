using System.Globalization;
using System.Text.Json;
using StandardsKit.Engine;
using StandardsKit.Json;

namespace StandardsKit.Records;

/// <summary>
/// Re-evaluates decision records (<c>eval --record</c>) against a catalog and compares the decisions, so an auditor
/// can say whether, and why, a stored answer would be different today.
/// </summary>
/// <remarks>
/// A decision is the same when eligibility, the missing facts, every quantity (amount, unit, "not lower than",
/// possible values) and the level text are the same. Explanations (<c>because</c>, <c>citations</c>) are not
/// compared: editing a YAML file moves source positions without changing any answer. Thread-safe.
/// </remarks>
public static class DecisionReplay
{
    /// <summary>Evaluates the record's input with <paramref name="catalog"/> and compares.</summary>
    /// <exception cref="ArgumentException">The document is not a decision record (it has no <c>input</c>).</exception>
    public static ReplayOutcome Replay(Catalog catalog, JsonEvaluation record)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(record);
        var input = record.Input ?? throw new ArgumentException("not a decision record: it has no \"input\"; make records with 'standardskit eval --record'", nameof(record));

        JsonEvaluation replayed;
        try
        {
            var resident = Resident.FromJson(input.Resident.GetRawText());

            // Every item in force, then filtered here: an item of the record that is no longer in force is a
            // difference to report, not an error that hides the others.
            replayed = EvaluationJson.ToContract(catalog.Evaluate(resident, input.County, input.On), catalog.Revision);
        }
        catch (Exception e) when (e is ResidentException or UnknownDivisionException or ArgumentException)
        {
            return new ReplayOutcome(record, null, [], e.Message.Split(" (Parameter", 2)[0]);
        }

        return new ReplayOutcome(record, replayed, Compare(record.Decisions, replayed.Decisions, input.Items), null);
    }

    /// <summary>The differences between two lists of decisions, in the recorded order, then items newly in force.</summary>
    public static IReadOnlyList<DecisionDifference> Compare(IReadOnlyList<JsonDecision> recorded, IReadOnlyList<JsonDecision> replayed, IReadOnlyCollection<string>? items = null)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(replayed);
        var now = replayed.ToDictionary(d => d.Item, StringComparer.Ordinal);
        var differences = new List<DecisionDifference>();
        foreach (var old in recorded)
        {
            if (!now.Remove(old.Item, out var current))
            {
                differences.Add(new DecisionDifference(old.Item, "removed", Eligibility(old.Eligible), null));
                continue;
            }

            CompareOne(old, current, differences);
        }

        // With an item filter, the other items were never part of the record.
        if (items is not { Count: > 0 })
        {
            differences.AddRange(replayed.Where(d => now.ContainsKey(d.Item))
                .Select(d => new DecisionDifference(d.Item, "added", null, Eligibility(d.Eligible))));
        }

        return differences;
    }

    private static void CompareOne(JsonDecision old, JsonDecision current, List<DecisionDifference> differences)
    {
        if (old.Eligible != current.Eligible)
        {
            differences.Add(new DecisionDifference(old.Item, "eligible", Eligibility(old.Eligible), Eligibility(current.Eligible)));
        }

        if (!old.MissingFacts.SequenceEqual(current.MissingFacts, StringComparer.Ordinal))
        {
            differences.Add(new DecisionDifference(old.Item, "missingFacts", List(old.MissingFacts), List(current.MissingFacts)));
        }

        var oldQuantities = old.Level?.Quantities ?? [];
        var newQuantities = current.Level?.Quantities ?? [];
        foreach (var name in oldQuantities.Select(q => q.Name).Union(newQuantities.Select(q => q.Name), StringComparer.Ordinal))
        {
            var a = oldQuantities.FirstOrDefault(q => q.Name == name);
            var b = newQuantities.FirstOrDefault(q => q.Name == name);
            if (Amount(a) != Amount(b))
            {
                differences.Add(new DecisionDifference(old.Item, "quantity", Amount(a), Amount(b), name));
            }
        }

        if (old.Level?.Text != current.Level?.Text)
        {
            differences.Add(new DecisionDifference(old.Item, "levelText", old.Level?.Text?.Zh, current.Level?.Text?.Zh));
        }
    }

    /// <summary>A quantity as text: <c>9 times</c>, <c>≥ 720 CNY/year</c>, <c>460|590 CNY/month</c>; null when absent.</summary>
    private static string? Amount(JsonQuantity? q)
    {
        if (q is null)
        {
            return null;
        }

        var value = q.Value is { } v
            ? Number(v)
            : string.Join("|", (q.PossibleValues ?? []).Select(Number)) + (q.MayBeAbsent ? "|none" : "");
        return (q.AtLeast ? "≥ " : "") + value + " " + q.Unit;
    }

    private static string Number(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    private static string Eligibility(bool? eligible) => eligible switch { true => "eligible", false => "not eligible", null => "undetermined" };

    private static string List(IReadOnlyList<string> facts) => facts.Count == 0 ? "[]" : "[" + string.Join(", ", facts) + "]";

    /// <summary>Reads every record in UTF-8 JSON: one document, or several in a row (JSON Lines).</summary>
    /// <remarks>
    /// Strict, like every JSON input: a key given twice, a member the §6 contract does not name (or names with other
    /// letter case) and a value of the wrong type are errors. The exception's message says what and where
    /// (<c>$.input.county</c>); its <see cref="JsonException.LineNumber"/> is the 0-based line in the whole text and its
    /// <see cref="JsonException.BytePositionInLine"/> the 0-based position in that line counted in characters, not bytes.
    /// </remarks>
    /// <exception cref="JsonException">A value is not a JSON object of the §6 shape.</exception>
    public static IReadOnlyList<JsonEvaluation> Read(ReadOnlySpan<byte> utf8) => Read(new ReadOnlyMemory<byte>(utf8.ToArray()));

    /// <inheritdoc cref="Read(ReadOnlySpan{byte})"/>
    internal static IReadOnlyList<JsonEvaluation> Read(ReadOnlyMemory<byte> utf8)
    {
        try
        {
            Input.StrictJson.CheckKeys(utf8, maxDepth: 64);
        }
        catch (Input.StrictJsonException e)
        {
            throw new JsonException($"the record {e.Message}", e.Pointer, e.Position.Line - 1, e.Position.Column - 1);
        }

        // One reader per value (rather than AllowMultipleValues, which net8.0 lacks): each is read whole, then
        // the rest of the input is looked at again after the whitespace that separates values.
        var records = new List<JsonEvaluation>();
        var offset = 0;
        while (true)
        {
            var rest = utf8.Span[offset..];
            offset += rest.Length - rest.TrimStart(" \t\r\n"u8).Length;
            if (offset >= utf8.Length)
            {
                return records;
            }

            var reader = new Utf8JsonReader(utf8.Span[offset..], isFinalBlock: false, state: default);
            try
            {
                records.Add(EvaluationJson.DeserializeStrict(ref reader));
            }
            catch (JsonException e)
            {
                throw Positioned(utf8.Span, offset, e);
            }

            offset += (int)reader.BytesConsumed;
        }
    }

    /// <summary>The reader's error with its position in the whole text (in characters) and a message without .NET type names.</summary>
    private static JsonException Positioned(ReadOnlySpan<byte> all, int start, JsonException e)
    {
        // The absolute byte offset: the value started at start; the error is at (line, byte) within the value.
        var at = start;
        for (var l = 0L; l < (e.LineNumber ?? 0) && at < all.Length; l++)
        {
            var next = all[at..].IndexOf((byte)'\n');
            at = next < 0 ? all.Length : at + next + 1;
        }

        at = (int)Math.Min(all.Length, at + (e.BytePositionInLine ?? 0));
        var lineStart = all[..at].LastIndexOf((byte)'\n') + 1;
        var line = all[..lineStart].Count((byte)'\n');
        var column = System.Text.Encoding.UTF8.GetCharCount(all[lineStart..at]);
        var message = e.Message;
        var what = message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal)
            ? "is not a member of a decision record; remove it"
            : message.Contains("could not be converted", StringComparison.Ordinal) ? "has the wrong type for a decision record"
            : message.IndexOf("missing required properties including: ", StringComparison.Ordinal) is var m and >= 0
                ? "lacks the members " + message[(m + "missing required properties including: ".Length)..].TrimEnd('.') + " of a decision record"
            : message.Split(". ", 2)[0].Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0];
        return new JsonException($"{e.Path ?? "$"}: {what}", e.Path, line, column, e);
    }
}
