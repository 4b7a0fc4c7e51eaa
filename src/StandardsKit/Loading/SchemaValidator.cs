using System.Globalization;
using System.Collections.Concurrent;
using System.Reflection;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using StandardsKit.Diagnostics;
using StandardsKit.Loading.Yaml;

namespace StandardsKit.Loading;

/// <summary>Validates a YAML tree against the embedded JSON Schemas, reporting each error at its YAML position.</summary>
internal static class SchemaValidator
{
    private const int MaxPerFile = 100;

    private static readonly ConcurrentDictionary<(SchemaKind Kind, bool Local), JsonSchema> Schemas = new();

    public static string FileName(SchemaKind kind) => kind switch
    {
        SchemaKind.Standard => "standard.schema.json",
        SchemaKind.Facts => "facts.schema.json",
        SchemaKind.Divisions => "divisions.schema.json",
        SchemaKind.DivisionAttributes => "division-attributes.schema.json",
        SchemaKind.Funding => "funding.schema.json",
        _ => "tests.schema.json",
    };

    public static JsonSchema Get(SchemaKind kind) => Get(kind, local: false);

    /// <summary>
    /// The schema for a kind. A standard document is national or local by whether it has <c>extends</c>; we pick
    /// that branch of the schema's <c>if/then/else</c> ourselves, so each document is validated once, against the
    /// shape its author meant, and errors name that shape instead of "matches none of the allowed forms".
    /// </summary>
    private static JsonSchema Get(SchemaKind kind, bool local) => Schemas.GetOrAdd((kind, local), static key =>
    {
        var name = "schemas/" + FileName(key.Kind);
        using var stream = typeof(SchemaValidator).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded schema {name} is missing from the assembly");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        if (key.Kind == SchemaKind.Standard)
        {
            text = Branch(text, key.Local);
        }

        text = SchemaConditionals.Rewrite(text);

        // NJsonSchema only offers an async reader; the text is in memory, so this completes synchronously.
        return JsonSchema.FromJsonAsync(text).GetAwaiter().GetResult();
    });

    /// <summary>The root schema with its local (<c>then</c>) or national (<c>else</c>) branch merged in.</summary>
    private static string Branch(string schemaText, bool local)
    {
        var root = JObject.Parse(schemaText);
        if (root["if"] is null)
        {
            return schemaText;
        }

        var branch = root[local ? "then" : "else"] as JObject ?? [];
        root.Remove("if");
        root.Remove("then");
        root.Remove("else");
        var required = (JArray)root["required"]!;
        foreach (var r in (branch["required"] as JArray ?? []).Where(r => !required.Any(x => (string?)x == (string?)r)))
        {
            required.Add(r);
        }

        if (branch["properties"] is JObject branchProperties)
        {
            var properties = (JObject)root["properties"]!;
            foreach (var (property, schema) in branchProperties)
            {
                if (properties[property] is JObject existing && schema is JObject overlay)
                {
                    existing.Merge(overlay, new JsonMergeSettings { MergeArrayHandling = MergeArrayHandling.Replace });
                }
                else
                {
                    properties[property] = schema;
                }
            }
        }

        return root.ToString();
    }

    /// <summary>Returns true when the tree is valid; otherwise adds one diagnostic per error.</summary>
    public static bool Validate(YamlNode root, SchemaKind kind, DiagnosticBag diagnostics)
    {
        var positions = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var json = JsonProjection.Project(root, positions);
        var errors = Get(kind, local: kind == SchemaKind.Standard && root is YamlMapping m && m["extends"] is not null).Validate(json);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var more = 0;
        foreach (var error in Flatten(errors))
        {
            var diagnostic = ToDiagnostic(error, positions, root);
            if (reported.Count >= MaxPerFile)
            {
                more++;
            }
            else if (reported.Add(diagnostic.ToString()))
            {
                diagnostics.Add(diagnostic);
            }
        }

        // A file that is wrong everywhere is usually the wrong kind of file: a hundred lines say so well enough.
        if (more > 0)
        {
            diagnostics.Error(DiagnosticCodes.Schema, root.Span, string.Create(CultureInfo.InvariantCulture, $"{more:N0} more schema errors in this file are not listed"),
                "fix the ones above first; a file wrong everywhere may be the wrong kind of file");
        }

        return errors.Count == 0;
    }

    /// <summary>For "matches none of oneOf", the branch with the fewest errors is what the author meant.</summary>
    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (SchemaConditionals.ChosenBranch(error) is { } chosen)
            {
                foreach (var inner in Flatten(chosen))
                {
                    yield return inner;
                }

                continue;
            }

            if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                // Branches that passed (allOf members, say) explain nothing: report the failing branch with the
                // fewest errors, which is the one the author meant.
                var best = child.Errors.Values.Where(e => e.Count > 0).OrderBy(e => e.Count).FirstOrDefault();
                if (best is not null)
                {
                    foreach (var inner in Flatten(best))
                    {
                        yield return inner;
                    }

                    continue;
                }
            }

            yield return error;
        }
    }

    private static Diagnostic ToDiagnostic(ValidationError error, Dictionary<string, YamlNode> positions, YamlNode root)
    {
        var path = (error.Path ?? "#").TrimStart('#').TrimStart('/');
        var node = Locate(path, error.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed, positions) ?? root;
        var scalar = node as YamlScalar;
        var value = scalar?.Value;
        var property = error.Property;
        var (message, help) = error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => ($"missing required property '{property}'", RequiredHelp(error)),
            ValidationErrorKind.NoAdditionalPropertiesAllowed => ($"unknown property '{property}'",
                Suggestions.DidYouMean(property ?? "", KnownProperties(error)) ?? "remove it or check the spelling against docs/authoring.md"),
            ValidationErrorKind.StringExpected when scalar is { IsPlain: true } =>
                ($"expected text but found '{value}'", $"quote it: \"{value}\""),
            ValidationErrorKind.StringExpected => ("expected text here", null),
            ValidationErrorKind.IntegerExpected => ($"expected a whole number{Found(value)}", null),
            ValidationErrorKind.NumberExpected => ($"expected a number{Found(value)}", null),
            ValidationErrorKind.BooleanExpected => ($"expected true or false{Found(value)}", null),
            ValidationErrorKind.ArrayExpected => ("expected a list here", "write items as '- …' lines or [a, b]"),
            ValidationErrorKind.ObjectExpected => ("expected a mapping (key: value pairs) here", null),
            ValidationErrorKind.NullExpected => ("expected nothing here", null),
            ValidationErrorKind.NotInEnumeration => ($"'{value}' is not allowed here", Allowed(error, value)),
            ValidationErrorKind.PatternMismatch or ValidationErrorKind.DateTimeExpected or ValidationErrorKind.DateExpected =>
                ($"'{value}' has the wrong form", Describe(error)),
            ValidationErrorKind.TooFewItems => ("list is empty or too short", Describe(error)),
            ValidationErrorKind.TooManyItems => ("list is too long", Describe(error)),
            ValidationErrorKind.NumberTooSmall or ValidationErrorKind.NumberTooBig or ValidationErrorKind.IntegerTooBig =>
                ($"{value} is out of range", Describe(error)),
            ValidationErrorKind.StringTooShort => ("text is empty", "write the value or remove the key"),
            ValidationErrorKind.StringTooLong => ("text is too long", Describe(error)),
            ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf => ("value matches none of the allowed forms", Describe(error)),
            ValidationErrorKind.ExcludedSchemaValidates when SchemaConditionals.IsForbiddenProperty(error) =>
                ($"'{property}' is not allowed here", Describe(error) ?? "remove it"),
            ValidationErrorKind.ExcludedSchemaValidates => ("this combination of keys is not allowed", Describe(error)),
            _ => ($"schema check failed ({error.Kind})", Describe(error)),
        };
        return new Diagnostic(DiagnosticCodes.Schema, Severity.Error, message, node.Span, help);
    }

    private static YamlNode? Locate(string path, bool preferKey, Dictionary<string, YamlNode> positions)
    {
        if (preferKey && positions.TryGetValue("key:" + path, out var key))
        {
            return key;
        }

        // A missing property's path names a node that does not exist: fall back to the nearest ancestor.
        while (true)
        {
            if (positions.TryGetValue(path, out var node))
            {
                return node;
            }

            if (path.Length == 0)
            {
                return null;
            }

            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            path = cut <= 0 ? "" : path[..cut];
        }
    }

    /// <summary>A branch of an <c>if/then/else</c> says in its description why the property is required there.</summary>
    private static string RequiredHelp(ValidationError error) =>
        SchemaConditionals.BranchDescription(error) is { } why ? $"add '{error.Property}:' here. {why}" : $"add '{error.Property}:' here; see the schema {Where(error)}";

    private static string Found(string? value) => value is null ? "" : $" but found '{value}'";

    private static string Where(ValidationError error) => error.Schema?.Title is { Length: > 0 } t ? $"({t})" : "in schemas/";

    private static string? Describe(ValidationError error) =>
        error.Schema?.ActualSchema.Description is { Length: > 0 } d ? d : null;

    private static string? Allowed(ValidationError error, string? value)
    {
        var options = error.Schema?.ActualSchema.Enumeration.Select(e => e?.ToString() ?? "null").ToList() ?? [];
        if (options.Count == 0)
        {
            return null;
        }

        var suggestion = value is null ? null : Suggestions.DidYouMean(value, options);
        return (suggestion is null ? "" : suggestion + " ") + "allowed: " + string.Join(", ", options);
    }

    private static IEnumerable<string> KnownProperties(ValidationError error) =>
        error.Schema?.ActualSchema.ActualProperties.Keys ?? Enumerable.Empty<string>();
}
