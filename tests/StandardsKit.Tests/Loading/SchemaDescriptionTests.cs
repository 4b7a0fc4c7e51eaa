using System.Text.Json.Nodes;
using StandardsKit.Tests.TestSupport;

namespace StandardsKit.Tests.Loading;

/// <summary>
/// Editors show a property's description on hover and completion: every property of every schema has one (its
/// own, or that of the definition it refers to). Branches that only narrow a property described elsewhere
/// (<c>if/then/else</c>, <c>not</c>, and untyped <c>allOf/anyOf/oneOf</c> members) are not properties of their own.
/// </summary>
public class SchemaDescriptionTests
{
    private static readonly HashSet<string> Narrowing = new(StringComparer.Ordinal) { "if", "then", "else", "not" };

    public static TheoryData<string> Schemas()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Repo.Root, "schemas"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Every_property_has_a_description(string name)
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Root, "schemas", name)))!.AsObject();
        var missing = new List<string>();
        Walk(root, root, "#", missing);

        missing.Should().BeEmpty($"every property in schemas/{name} needs a \"description\" (markdown) for editors");
        root["$id"]!.GetValue<string>().Should().Be("https://standardskit.github.io/schemas/" + name);
    }

    private static void Walk(JsonNode? node, JsonObject root, string path, List<string> missing)
    {
        if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Walk(array[i], root, $"{path}/{i}", missing);
            }

            return;
        }

        if (node is not JsonObject schema)
        {
            return;
        }

        foreach (var (key, value) in schema)
        {
            if (Narrowing.Contains(key))
            {
                continue;
            }

            if (key is "allOf" or "anyOf" or "oneOf" && value is JsonArray members)
            {
                for (var i = 0; i < members.Count; i++)
                {
                    if (members[i] is JsonObject member && member.ContainsKey("type"))
                    {
                        Walk(member, root, $"{path}/{key}/{i}", missing);
                    }
                }
            }
            else if (key is "properties" or "patternProperties" && value is JsonObject properties)
            {
                foreach (var (property, sub) in properties)
                {
                    if (sub is JsonObject described && !Described(described, root))
                    {
                        missing.Add($"{path}/{key}/{property}");
                    }

                    Walk(sub, root, $"{path}/{key}/{property}", missing);
                }
            }
            else
            {
                Walk(value, root, $"{path}/{key}", missing);
            }
        }
    }

    private static bool Described(JsonObject schema, JsonObject root) =>
        schema.ContainsKey("description")
        || (schema["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/definitions/", StringComparison.Ordinal)
            && root["definitions"]?[reference["#/definitions/".Length..]]?["description"] is not null);
}
