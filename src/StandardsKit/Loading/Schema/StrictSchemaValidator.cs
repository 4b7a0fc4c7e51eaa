using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace StandardsKit.Loading.Schema;

/// <summary>
/// NJsonSchema's validator plus what it leaves out and ajv and editors enforce: <c>propertyNames</c> (kept under
/// definitions by <see cref="SchemaLowering"/>), and numbers JSON cannot hold (YAML's <c>.inf</c> and <c>.nan</c>, or
/// beyond a decimal's range) where a number is wanted. <c>if</c>/<c>then</c>/<c>else</c> arrive already rewritten
/// into <c>anyOf</c> by <see cref="SchemaConditionals"/>.
/// </summary>
internal sealed class StrictSchemaValidator : JsonSchemaValidator
{
    protected override ICollection<ValidationError> Validate(JToken token, JsonSchema schema, SchemaType schemaType, string? propertyName, string propertyPath)
    {
        var errors = base.Validate(token, schema, schemaType, propertyName, propertyPath);
        var added = new List<ValidationError>(UnholdableNumber(token, schema, propertyName, propertyPath));
        if (added.Count > 0)
        {
            // Range and integer checks on infinity or NaN say nothing the one "not a finite number" does not.
            errors = [.. errors.Where(e => e.Token != token || e.Kind is not (ValidationErrorKind.NumberTooSmall or ValidationErrorKind.NumberTooBig
                or ValidationErrorKind.IntegerExpected or ValidationErrorKind.IntegerTooBig or ValidationErrorKind.NumberNotMultipleOf))];
        }

        added.AddRange(BeyondInt32(token, schema, propertyName, propertyPath));
        added.AddRange(PropertyNames(token, schema, schemaType, propertyPath));
        return added.Count == 0 ? errors : [.. errors, .. added];
    }

    private static JsonSchema? Supplementary(JsonSchema schema, string keyword) =>
        schema.Definitions.TryGetValue(SchemaLowering.DefinitionOf(keyword), out var s) ? s.ActualSchema : null;

    /// <summary>A YAML float a decimal cannot hold, where the schema takes numbers.</summary>
    private static IEnumerable<ValidationError> UnholdableNumber(JToken token, JsonSchema schema, string? propertyName, string propertyPath)
    {
        if (token is JValue { Value: double } && (schema.Type & (JsonObjectType.Number | JsonObjectType.Integer)) != 0)
        {
            yield return new KeywordError(KeywordError.Finite, propertyName, propertyPath, token, schema, []);
        }
    }

    /// <summary>
    /// Every whole-number field of our schemas (a document's numbers, a band, days, an attribute's bounds) is read as a
    /// 32-bit integer; a larger one would pass the schema and then be read as nothing, so it is refused here.
    /// </summary>
    private static IEnumerable<ValidationError> BeyondInt32(JToken token, JsonSchema schema, string? propertyName, string propertyPath)
    {
        if ((schema.Type & JsonObjectType.Integer) != 0 && (schema.Type & JsonObjectType.Number) == 0
            && token is JValue { Type: JTokenType.Integer or JTokenType.Float } value
            && value.Value is not double
            && Convert.ToDecimal(value.Value, System.Globalization.CultureInfo.InvariantCulture) is var n
            && n == decimal.Truncate(n) && n is < int.MinValue or > int.MaxValue)
        {
            yield return new KeywordError(KeywordError.Int32, propertyName, propertyPath, token, schema, []);
        }
    }

    private IEnumerable<ValidationError> PropertyNames(JToken token, JsonSchema schema, SchemaType schemaType, string propertyPath)
    {
        if (token is not JObject obj || Supplementary(schema, "propertyNames") is not { } names)
        {
            yield break;
        }

        foreach (var property in obj.Properties())
        {
            var path = propertyPath.Length == 0 ? property.Name : propertyPath + "." + property.Name;
            var inner = Validate(new JValue(property.Name), names, schemaType, property.Name, path);
            if (inner.Count > 0)
            {
                yield return new KeywordError(KeywordError.PropertyNames, property.Name, path, property, names, inner);
            }
        }
    }
}
