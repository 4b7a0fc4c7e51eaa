using System.Globalization;
using System.Collections.Concurrent;
using System.Reflection;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using StandardsKit.Diagnostics;
using StandardsKit.Loading.Schema;
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

        // NJsonSchema only offers an async reader; the text is in memory, so this completes synchronously.
        return JsonSchema.FromJsonAsync(SchemaLowering.Lower(text)).GetAwaiter().GetResult();
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
        var schema = Get(kind, local: kind == SchemaKind.Standard && root is YamlMapping m && m["extends"] is not null);
        var errors = new StrictSchemaValidator().Validate(json, schema);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var more = 0;
        foreach (var error in OnePerPlace(Flatten(errors)))
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

    /// <summary>
    /// Every failing member of an <c>allOf</c> is a separate mistake: report each. For a choice (<c>oneOf</c>,
    /// <c>anyOf</c>) only the failing branch with the fewest errors, which is the one the author meant.
    /// </summary>
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
                var failing = child.Errors.Values.Where(e => e.Count > 0).ToList();
                var reported = error.Kind == ValidationErrorKind.NotAllOf ? failing : failing.OrderBy(e => e.Count).Take(1).ToList();
                if (reported.Count > 0)
                {
                    foreach (var inner in reported.SelectMany(Flatten))
                    {
                        yield return inner;
                    }

                    continue;
                }
            }

            yield return error;
        }
    }

    /// <summary>
    /// Two <c>allOf</c> members that refuse the same value the same way (a kind outside both their vocabularies)
    /// are one mistake: keep the error from the narrower rule, whose list of allowed values is the true one.
    /// </summary>
    private static IEnumerable<ValidationError> OnePerPlace(IEnumerable<ValidationError> errors) =>
        errors.GroupBy(e => (e.Path, e.Kind, e.Property))
            .Select(g => g.OrderBy(e => e.Schema?.ActualSchema.Enumeration.Count is > 0 and var n ? n : int.MaxValue).First());

    private static Diagnostic ToDiagnostic(ValidationError error, Dictionary<string, YamlNode> positions, YamlNode root)
    {
        var path = (error.Path ?? "#").TrimStart('#').TrimStart('/');
        if (error.Kind == ValidationErrorKind.ItemsNotUnique && error.Token is JArray list && RepeatedIndex(list) is { } repeated)
        {
            path += $"[{repeated}]";
        }

        var atKey = error.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed || error is KeywordError { Keyword: KeywordError.PropertyNames };
        var node = Locate(path, atKey, positions) ?? root;
        var (message, help) = SchemaMessages.For(error, node);
        return new Diagnostic(DiagnosticCodes.Schema, Severity.Error, message, node.Span, help);
    }

    /// <summary>The index of the first entry equal to an earlier one.</summary>
    private static int? RepeatedIndex(JArray list)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            if (!seen.Add(list[i].ToString()))
            {
                return i;
            }
        }

        return null;
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
}
