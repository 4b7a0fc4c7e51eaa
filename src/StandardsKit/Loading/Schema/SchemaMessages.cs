using System.Globalization;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using StandardsKit.Diagnostics;
using StandardsKit.Loading.Yaml;

namespace StandardsKit.Loading.Schema;

/// <summary>
/// A schema error in the author's words: what is wrong, in one line, and how to fix it — for every error kind
/// NJsonSchema has and every keyword <see cref="StrictSchemaValidator"/> adds, so no raw kind name reaches a user.
/// </summary>
internal static class SchemaMessages
{
    /// <summary>The message and the help for <paramref name="error"/>, found at <paramref name="node"/>.</summary>
    public static (string Message, string Help) For(ValidationError error, YamlNode? node)
    {
        var scalar = node as YamlScalar;
        var value = scalar?.Value ?? (error.Token as JValue)?.ToString(CultureInfo.InvariantCulture);
        var property = error.Property;
        var schema = error.Schema?.ActualSchema;
        if (error is KeywordError keyword)
        {
            return Keyword(keyword, value);
        }

        return error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => ($"missing required property '{property}'",
                SchemaConditionals.BranchDescription(error) is { } why ? $"add '{property}:' here. {why}" : $"add '{property}:' here; see the schema {Where(schema)}"),
            ValidationErrorKind.NoAdditionalPropertiesAllowed => ($"unknown property '{property}'",
                Suggestions.DidYouMean(property ?? "", schema?.ActualProperties.Keys ?? []) ?? "remove it or check the spelling against docs/authoring.md"),
            ValidationErrorKind.StringExpected when scalar is { IsPlain: true } => ($"expected text but found '{value}'", $"quote it: \"{value}\""),
            ValidationErrorKind.StringExpected => ($"expected text but found {Shape(node)}", "write a single value here"),
            ValidationErrorKind.IntegerExpected => ($"expected a whole number{Found(value)}", "write digits without a decimal part and without quotes, e.g. 12"),
            ValidationErrorKind.NumberExpected => ($"expected a number{Found(value)}", "write digits without quotes or units, e.g. 12 or 0.5"),
            ValidationErrorKind.BooleanExpected => ($"expected true or false{Found(value)}", "write true or false without quotes"),
            ValidationErrorKind.ArrayExpected => ("expected a list here", "write items as '- …' lines or [a, b]"),
            ValidationErrorKind.ObjectExpected => ("expected a mapping (key: value pairs) here", "write 'key: value' lines indented under this key, or {key: value}"),
            ValidationErrorKind.NullExpected => ($"expected nothing here{Found(value)}", "leave the value empty or write null"),
            ValidationErrorKind.NoTypeValidates => ($"expected {Types(schema)}{Found(value)}", Describe(schema) ?? "change the value to one of those types"),
            ValidationErrorKind.NotInEnumeration => ($"'{value}' is not allowed here", Allowed(schema, value)),
            ValidationErrorKind.PatternMismatch => ($"'{value}' has the wrong form", Describe(schema) ?? PatternHelp.For(schema?.Pattern)),
            ValidationErrorKind.StringTooShort => (schema?.MinLength is > 1 ? $"text is shorter than {schema.MinLength} characters" : "text is empty", "write the value or remove the key"),
            ValidationErrorKind.StringTooLong => ($"text is longer than {schema?.MaxLength} characters", "shorten it; put long explanations in a note"),
            ValidationErrorKind.NumberTooSmall => ($"{value} is below the smallest allowed value {Limit(schema?.Minimum ?? schema?.ExclusiveMinimum)}", Describe(schema) ?? "use a larger number"),
            ValidationErrorKind.NumberTooBig or ValidationErrorKind.IntegerTooBig =>
                ($"{value} is above the largest allowed value {Limit(schema?.Maximum ?? schema?.ExclusiveMaximum)}", Describe(schema) ?? "use a smaller number"),
            ValidationErrorKind.NumberNotMultipleOf or ValidationErrorKind.IntegerNotMultipleOf =>
                ($"{value} is not a multiple of {Limit(schema?.MultipleOf)}", "round it to a multiple of that step"),
            ValidationErrorKind.TooFewItems => (schema?.MinItems is > 1 ? $"list has fewer than {schema.MinItems} entries" : "list is empty", Describe(schema) ?? "add an entry"),
            ValidationErrorKind.TooManyItems or ValidationErrorKind.TooManyItemsInTuple => ($"list has more than {schema?.MaxItems} entries", Describe(schema) ?? "remove entries"),
            ValidationErrorKind.ItemsNotUnique => ($"'{Repeated(error.Token)}' is listed more than once", "remove the repeated entry"),
            ValidationErrorKind.TooFewProperties => (schema?.MinProperties is > 1 ? $"needs at least {schema.MinProperties} entries" : "mapping is empty", Describe(schema) ?? "add an entry or remove the key"),
            ValidationErrorKind.TooManyProperties => ($"has more than {schema?.MaxProperties} entries", Describe(schema) ?? "remove entries"),
            ValidationErrorKind.NotOneOf => ("this fits more than one of the allowed forms", Describe(schema) ?? "keep the keys of one form and remove the others"),
            ValidationErrorKind.NotAnyOf => ("this fits none of the allowed forms", Describe(schema) ?? "see docs/authoring.md for the forms allowed here"),
            ValidationErrorKind.NotAllOf => ("this breaks a rule for this place", Describe(schema) ?? "see docs/authoring.md for what is allowed here"),
            ValidationErrorKind.ExcludedSchemaValidates when SchemaConditionals.IsForbiddenProperty(error) =>
                ($"'{property}' is not allowed here", Describe(schema) ?? "remove it"),
            ValidationErrorKind.ExcludedSchemaValidates when schema?.Not?.ActualSchema.RequiredProperties is { Count: > 0 } excluded =>
                ($"'{string.Join("' and '", excluded)}' is not allowed here", Describe(schema) ?? "remove it"),
            ValidationErrorKind.ExcludedSchemaValidates => ("this combination of keys is not allowed", Describe(schema) ?? "remove one of the keys"),
            ValidationErrorKind.ArrayItemNotValid or ValidationErrorKind.AdditionalItemNotValid => ("this list entry is not valid here", Describe(schema) ?? "compare it with the other entries"),
            ValidationErrorKind.AdditionalPropertiesNotValid => ($"the value of '{property}' is not valid here", Describe(schema) ?? "compare it with the other entries"),
            _ when Formats.TryGetValue(error.Kind, out var format) => ($"'{value}' is not {format.What}", $"write {format.Example}"),
            _ => ("this value does not fit the schema here", Describe(schema) ?? "see docs/authoring.md for what is allowed here"),
        };
    }

    /// <summary>The error kinds NJsonSchema raises for a <c>format</c> keyword.</summary>
    private static readonly Dictionary<ValidationErrorKind, (string What, string Example)> Formats = new()
    {
        [ValidationErrorKind.DateTimeExpected] = ("a date and time", "e.g. 2024-01-01T08:00:00+08:00"),
        [ValidationErrorKind.DateExpected] = ("a date", "YYYY-MM-DD, e.g. 2024-01-01"),
        [ValidationErrorKind.TimeExpected] = ("a time of day", "HH:MM:SS, e.g. 08:30:00"),
        [ValidationErrorKind.TimeSpanExpected] = ("a duration", "e.g. 1.02:03:04"),
        [ValidationErrorKind.UriExpected] = ("a web address", "the full address, e.g. https://www.gov.cn/…"),
        [ValidationErrorKind.IpV4Expected] = ("an IPv4 address", "e.g. 192.0.2.1"),
        [ValidationErrorKind.IpV6Expected] = ("an IPv6 address", "e.g. 2001:db8::1"),
        [ValidationErrorKind.GuidExpected] = ("a GUID", "e.g. 3f2504e0-4f89-11d3-9a0c-0305e82c3301"),
        [ValidationErrorKind.UuidExpected] = ("a UUID", "e.g. 3f2504e0-4f89-11d3-9a0c-0305e82c3301"),
        [ValidationErrorKind.EmailExpected] = ("an e-mail address", "e.g. name@example.org"),
        [ValidationErrorKind.HostnameExpected] = ("a host name", "e.g. www.gov.cn"),
        [ValidationErrorKind.Base64Expected] = ("Base64 text", "the Base64 encoding of the data"),
    };

    private static (string Message, string Help) Keyword(KeywordError error, string? value) => error.Keyword switch
    {
        KeywordError.PropertyNames => ($"'{error.Name}' is not an allowed name here", NameHelp(error)),
        KeywordError.Int32 => ($"{value} is too large for a whole number here", "write a whole number from -2147483648 to 2147483647"),
        _ when error.Token is JValue { Value: double d } && !double.IsFinite(d) => ($"'{value}' is not a finite number", "write a number such as 0 or 1000; infinity and not-a-number cannot be used"),
        _ => ($"'{value}' is too large a number", "write a number below 79,228,162,514,264,337,593,543,950,335"),
    };

    private static string NameHelp(KeywordError error)
    {
        var pattern = error.Schema?.ActualSchema.Pattern;
        var help = Describe(error.Schema?.ActualSchema) ?? PatternHelp.For(pattern);
        var name = error.Name ?? "";
        var lowered = name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
        return lowered != name && pattern is not null && System.Text.RegularExpressions.Regex.IsMatch(lowered, pattern)
            ? $"{help}; did you mean '{lowered}'?"
            : help;
    }

    private static string Found(string? value) => value is null ? "" : $" but found '{value}'";

    private static string Shape(YamlNode? node) => node switch
    {
        YamlSequence => "a list",
        YamlMapping => "a mapping",
        _ => "another kind of value",
    };

    private static string Where(JsonSchema? schema) => schema?.Title is { Length: > 0 } t ? $"({t})" : "in schemas/";

    private static string? Describe(JsonSchema? schema) => schema?.Description is { Length: > 0 } d ? d : null;

    private static string Limit(decimal? limit) => limit?.ToString(CultureInfo.InvariantCulture) ?? "set by the schema";

    /// <summary>"a number or null", in the order a reader thinks of them.</summary>
    private static string Types(JsonSchema? schema)
    {
        var type = schema?.Type ?? JsonObjectType.None;
        (JsonObjectType Type, string Words)[] names =
        [
            (JsonObjectType.String, "text"), (JsonObjectType.Number, "a number"), (JsonObjectType.Integer, "a whole number"),
            (JsonObjectType.Boolean, "true or false"), (JsonObjectType.Object, "a mapping"), (JsonObjectType.Array, "a list"),
            (JsonObjectType.Null, "null"),
        ];
        var allowed = names.Where(n => type.HasFlag(n.Type)).Select(n => n.Words).ToList();
        return allowed.Count switch
        {
            0 => "another kind of value",
            1 => allowed[0],
            _ => string.Join(", ", allowed[..^1]) + " or " + allowed[^1],
        };
    }

    private static string Allowed(JsonSchema? schema, string? value)
    {
        var options = schema?.Enumeration.Select(e => e?.ToString() ?? "null").ToList() ?? [];
        var suggestion = value is null ? null : Suggestions.DidYouMean(value, options);
        return (suggestion is null ? "" : suggestion + " ") + "allowed: " + string.Join(", ", options);
    }

    private static string Repeated(JToken? token) =>
        token is JArray list
            ? list.GroupBy(item => item.ToString()).FirstOrDefault(g => g.Count() > 1)?.Key ?? list.ToString()
            : token?.ToString() ?? "an entry";
}
