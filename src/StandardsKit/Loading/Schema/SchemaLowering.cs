using Newtonsoft.Json.Linq;

namespace StandardsKit.Loading.Schema;

/// <summary>
/// Rewrites a schema's text, before NJsonSchema reads it, so that every keyword it uses is enforced:
/// <c>if</c>/<c>then</c>/<c>else</c> and boolean property schemas become what NJsonSchema enforces
/// (<see cref="SchemaConditionals"/>, the one place they are handled), patterns get their ECMA meaning
/// (<see cref="EcmaPattern"/>), <c>const</c> becomes the one-value <c>enum</c> it means, and the keyword NJsonSchema
/// does not implement (<see cref="Supplementary"/>) moves under <c>definitions</c>, where NJsonSchema still reads
/// it as a schema and resolves its <c>$ref</c>s, for <see cref="StrictSchemaValidator"/> to enforce.
/// </summary>
internal static class SchemaLowering
{
    /// <summary>Keywords <see cref="StrictSchemaValidator"/> enforces itself, each a subschema.</summary>
    public static readonly IReadOnlyList<string> Supplementary = ["propertyNames"];

    /// <summary>Keywords rewritten into others before NJsonSchema reads the schema.</summary>
    public static readonly IReadOnlyList<string> Rewritten = ["const", "if", "then", "else"];

    /// <summary>The definitions key a supplementary keyword's subschema is kept under.</summary>
    public static string DefinitionOf(string keyword) => "x-standardskit-" + keyword;

    public static string Lower(string schemaText)
    {
        var root = JObject.Parse(SchemaConditionals.Rewrite(schemaText));
        LowerSchema(root);
        return root.ToString();
    }

    private static void LowerSchema(JToken? node)
    {
        if (node is not JObject schema)
        {
            return;
        }

        foreach (var child in Subschemas(schema).ToList())
        {
            // NJsonSchema reads true/false only as additionalProperties/additionalItems; elsewhere it throws.
            if (child.Type == JTokenType.Boolean && child.Parent is not JProperty { Name: "additionalProperties" or "additionalItems" })
            {
                child.Replace(AsObject(child));
            }

            LowerSchema(child);
        }

        if (schema["pattern"] is JValue { Type: JTokenType.String } pattern)
        {
            pattern.Value = EcmaPattern.ToDotNet((string)pattern!);
        }

        if (schema["patternProperties"] is JObject patterns)
        {
            schema["patternProperties"] = new JObject(patterns.Properties().Select(p => new JProperty(EcmaPattern.ToDotNet(p.Name), p.Value)));
        }

        if (schema.Property("const", StringComparison.Ordinal) is { } constant)
        {
            constant.Remove();
            var allowed = schema["enum"] as JArray;
            schema["enum"] = allowed is null ? new JArray(constant.Value) : new JArray(allowed.Where(v => JToken.DeepEquals(v, constant.Value)));
        }

        foreach (var keyword in Supplementary)
        {
            if (schema.Property(keyword, StringComparison.Ordinal) is { } property)
            {
                property.Remove();
                var definitions = schema["definitions"] as JObject ?? (JObject)(schema["definitions"] = new JObject());
                definitions[DefinitionOf(keyword)] = property.Value;
            }
        }
    }

    /// <summary>A boolean schema as the object schema that means the same.</summary>
    private static JToken AsObject(JToken schema) => schema.Type switch
    {
        JTokenType.Boolean when (bool)schema => new JObject(),
        JTokenType.Boolean => new JObject { ["not"] = new JObject() },
        _ => schema,
    };

    private static IEnumerable<JToken> Subschemas(JObject schema)
    {
        foreach (var map in new[] { "properties", "patternProperties", "definitions", "dependencies" })
        {
            if (schema[map] is JObject children)
            {
                foreach (var child in children.Properties())
                {
                    yield return child.Value;
                }
            }
        }

        foreach (var single in new[] { "items", "additionalProperties", "additionalItems", "not", "contains", "propertyNames" })
        {
            if (schema[single] is { } child)
            {
                foreach (var each in child is JArray tuple ? tuple.Children().ToList() : [child])
                {
                    yield return each;
                }
            }
        }

        foreach (var list in new[] { "allOf", "anyOf", "oneOf" })
        {
            if (schema[list] is JArray members)
            {
                foreach (var member in members)
                {
                    yield return member;
                }
            }
        }
    }
}
