using System.Globalization;
using System.Text.Json;
using StandardsKit.Engine;

namespace StandardsKit.Service.Http;

/// <summary>An evaluation request, checked field by field so that every problem names its field.</summary>
internal sealed record RequestInput(string County, DateOnly On, Resident Resident, IReadOnlyList<string>? Items, bool Explain, JsonElement? Id)
{
    public const int MaxDepth = 16;

    public static RequestInput Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ProblemException(Problem.Field("#", "the body must be a JSON object: {\"county\": \"310104\", \"on\": \"2024-06-01\", \"resident\": {…}}"));
        }

        var county = root.TryGetProperty("county", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : null;
        if (county is null || county.Length != 6 || !county.All(char.IsAsciiDigit))
        {
            throw new ProblemException(Problem.Field("#/county", "county must be a 6-digit county-level code as a string, e.g. \"310104\""));
        }

        if (!root.TryGetProperty("on", out var o) || o.ValueKind != JsonValueKind.String
            || !DateOnly.TryParseExact(o.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on))
        {
            throw new ProblemException(Problem.Field("#/on", "on must be the evaluation date as \"YYYY-MM-DD\", e.g. \"2024-06-01\""));
        }

        if (!root.TryGetProperty("resident", out var r) || r.ValueKind != JsonValueKind.Object)
        {
            throw new ProblemException(Problem.Field("#/resident", "resident must be a JSON object of facts, e.g. {\"birthDate\": \"1995-03-01\", \"pregnant\": true}"));
        }

        Resident resident;
        try
        {
            resident = Resident.FromJson(r.GetRawText());
        }
        catch (ResidentException e)
        {
            throw new ProblemException(e.Fact is { } fact ? Problem.Fact(fact, e.Message) : Problem.Field("#/resident", e.Message));
        }

        List<string>? items = null;
        if (root.TryGetProperty("items", out var i) && i.ValueKind != JsonValueKind.Null)
        {
            if (i.ValueKind != JsonValueKind.Array)
            {
                throw new ProblemException(Problem.Field("#/items", "items must be a list of item ids, e.g. [\"maternal-health\"]"));
            }

            items = [];
            foreach (var (element, index) in i.EnumerateArray().Select((e, n) => (e, n)))
            {
                items.Add(element.ValueKind == JsonValueKind.String
                    ? element.GetString()!
                    : throw new ProblemException(Problem.Field($"#/items/{index}", "each item must be an item id string")));
            }
        }

        var explain = true;
        if (root.TryGetProperty("explain", out var x) && x.ValueKind != JsonValueKind.Null)
        {
            explain = x.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw new ProblemException(Problem.Field("#/explain", "explain must be true or false")),
            };
        }

        JsonElement? id = root.TryGetProperty("id", out var idValue) ? idValue.Clone() : null;
        return new RequestInput(county, on, resident, items, explain, id);
    }

    /// <summary>Evaluates with one catalog; an input the catalog rejects becomes a problem naming the field.</summary>
    public Evaluation Evaluate(Catalog catalog)
    {
        try
        {
            return catalog.Evaluate(Resident, County, On, new EvaluationOptions { Items = Items, Explain = Explain });
        }
        catch (ResidentException e)
        {
            throw new ProblemException(e.Fact is { } fact ? Problem.Fact(fact, e.Message) : Problem.Field("#/resident", e.Message));
        }
        catch (UnknownDivisionException e)
        {
            throw new ProblemException(Problem.Field("#/county", e.Message));
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ProblemException(Problem.Field("#/on", Plain(e)));
        }
        catch (ArgumentException e)
        {
            // The message starts "item 'ID' is not in force…" (a suggestion may name another id after it).
            var index = Items?.Select((item, n) => (item, n)).FirstOrDefault(p => Plain(e).StartsWith($"item '{p.item}'", StringComparison.Ordinal));
            throw new ProblemException(Problem.Field(index is { item: not null } b ? $"#/items/{b.n}" : "#/items", Plain(e)));
        }
    }

    private static string Plain(ArgumentException e) => e.Message.Split(" (Parameter", 2)[0];
}

/// <summary>A request that cannot be answered, carrying the problem to send back.</summary>
internal sealed class ProblemException(Problem problem) : Exception(problem.Detail)
{
    public Problem Problem { get; } = problem;
}
