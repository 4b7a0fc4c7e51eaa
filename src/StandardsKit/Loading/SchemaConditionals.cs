using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace StandardsKit.Loading;

/// <summary>
/// Draft-07 <c>if/then/else</c> and boolean property schemas for NJsonSchema, which ignores the first and cannot
/// read the second. The schemas use them because editors (yaml-language-server) report one diagnostic for a
/// failed <c>if/then/else</c> where a choosing <c>oneOf</c> gives one per branch and per item.
/// </summary>
internal static class SchemaConditionals
{
    /// <summary>Marks the rewritten form so that an error in it can be traced back to the branch that applies.</summary>
    private const string Marker = "x-standardskit-if";

    /// <summary>Marks the rewritten form of a <c>false</c> property schema.</summary>
    private const string Forbidden = "x-standardskit-forbidden";

    /// <summary>Marks a <c>then</c> or <c>else</c> branch, whose description says why its keys are required.</summary>
    private const string Branch = "x-standardskit-branch";

    private static readonly HashSet<string> SchemaMaps = new(StringComparer.Ordinal) { "properties", "patternProperties", "definitions" };

    /// <summary>
    /// Rewrites every <c>{if: A, then: B, else: C}</c> into the equivalent
    /// <c>allOf: [{anyOf: [{allOf: [A, B]}, {allOf: [{not: A}, C]}]}]</c>, and every <c>false</c>/<c>true</c>
    /// property schema into <c>{not: {}}</c>/<c>{}</c>. Both accept exactly the same documents. References to other
    /// files are dropped.
    /// </summary>
    public static string Rewrite(string schemaText)
    {
        var root = JObject.Parse(schemaText);
        VisitSchema(root);
        return root.ToString();
    }

    private static void VisitSchema(JObject schema)
    {
        foreach (var (key, value) in schema.Properties().Select(p => (p.Name, p.Value)).ToList())
        {
            if (SchemaMaps.Contains(key) && value is JObject map)
            {
                foreach (var property in map.Properties().ToList())
                {
                    if (property.Value.Type == JTokenType.Boolean)
                    {
                        property.Value = (bool)property.Value! ? new JObject() : Forbid(schema["description"]);
                    }

                    if (property.Value is JObject inner)
                    {
                        VisitSchema(inner);
                    }
                }
            }
            else if (value is JObject child)
            {
                VisitSchema(child);
            }
            else if (value is JArray array)
            {
                foreach (var element in array.OfType<JObject>())
                {
                    VisitSchema(element);
                }
            }
        }

        // A reference to another file (resident.schema.json, generated from facts.yaml) is for editors: the
        // validator checks facts against the vocabulary in use, which may not be the one that file was made from.
        if (schema["$ref"] is JValue { Type: JTokenType.String } reference && !((string)reference!).StartsWith('#'))
        {
            schema.Remove("$ref");
        }

        if (schema["if"] is not JObject condition)
        {
            return;
        }

        var then = schema["then"] as JObject ?? [];
        var otherwise = schema["else"] as JObject ?? [];
        then[Branch] = true;
        otherwise[Branch] = true;
        schema.Remove("if");
        schema.Remove("then");
        schema.Remove("else");
        var conditional = new JObject
        {
            [Marker] = true,
            ["anyOf"] = new JArray(
                new JObject { ["allOf"] = new JArray(condition, then) },
                new JObject { ["allOf"] = new JArray(new JObject { ["not"] = condition.DeepClone() }, otherwise) }),
        };
        if (schema["allOf"] is JArray allOf)
        {
            allOf.Add(conditional);
        }
        else
        {
            schema["allOf"] = new JArray(conditional);
        }
    }

    /// <summary>A schema no value matches, carrying the description of the schema that forbids the property (why).</summary>
    private static JObject Forbid(JToken? why)
    {
        var schema = new JObject { ["not"] = new JObject(), [Forbidden] = true };
        if (why is not null)
        {
            schema["description"] = why.DeepClone();
        }

        return schema;
    }

    /// <summary>
    /// For an error raised by a rewritten <c>if/then/else</c>, the errors of the branch whose condition holds for
    /// the value (the other branch failing is no news); null for any other error.
    /// </summary>
    public static ICollection<ValidationError>? ChosenBranch(ValidationError error)
    {
        if (error is not ChildSchemaValidationError child || error.Schema?.ActualSchema is not { } schema
            || schema.ExtensionData?.ContainsKey(Marker) != true || schema.AnyOf.Count != 2 || error.Token is null)
        {
            return null;
        }

        var branches = schema.AnyOf.ToList();
        var holds = branches[0].AllOf.First().Validate(error.Token).Count == 0;
        return child.Errors.TryGetValue(branches[holds ? 0 : 1], out var errors) ? errors : [];
    }

    /// <summary>The description of the <c>then</c> or <c>else</c> branch that raised the error, if any.</summary>
    public static string? BranchDescription(ValidationError error) =>
        error.Schema?.ActualSchema is { } schema && schema.ExtensionData?.ContainsKey(Branch) == true && schema.Description is { Length: > 0 } d ? d : null;

    /// <summary>True for the error of a <c>false</c> property schema: the property is not allowed here.</summary>
    public static bool IsForbiddenProperty(ValidationError error) =>
        error.Kind == ValidationErrorKind.ExcludedSchemaValidates && error.Schema?.ActualSchema.ExtensionData?.ContainsKey(Forbidden) == true;
}
