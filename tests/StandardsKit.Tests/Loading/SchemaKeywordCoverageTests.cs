using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using StandardsKit.Loading;
using StandardsKit.Loading.Schema;
using StandardsKit.Loading.Yaml;
using StandardsKit.Tests.TestSupport;

namespace StandardsKit.Tests.Loading;

/// <summary>
/// Nothing a schema says goes unenforced, and no error reaches an author as a raw NJsonSchema kind name.
/// </summary>
public class SchemaKeywordCoverageTests
{
    /// <summary>Keywords NJsonSchema 11 enforces itself.</summary>
    private static readonly HashSet<string> EnforcedByNJsonSchema =
    [
        "type", "properties", "required", "additionalProperties", "patternProperties", "items", "additionalItems",
        "enum", "pattern", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
        "multipleOf", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "allOf", "anyOf",
        "oneOf", "not", "$ref", "format",
    ];

    /// <summary>Keywords that say nothing about what is valid.</summary>
    private static readonly HashSet<string> Annotations =
    [
        "$schema", "$id", "$comment", "title", "description", "markdownDescription", "definitions", "default",
        "examples", "deprecated", "readOnly", "writeOnly", "enumDescriptions", "markdownEnumDescriptions",
        "defaultSnippets", "errorMessage", "doNotSuggest",
    ];

    /// <summary>Keywords <see cref="SchemaLowering"/> rewrites into ones NJsonSchema enforces, or hands to <see cref="StrictSchemaValidator"/>.</summary>
    private static readonly HashSet<string> EnforcedByUs = [.. SchemaLowering.Rewritten, .. SchemaLowering.Supplementary];

    [Fact]
    public void Every_keyword_the_schemas_use_is_enforced_or_only_an_annotation()
    {
        var files = Directory.GetFiles(Path.Combine(Repo.Root, "schemas"), "*.schema.json");
        files.Should().NotBeEmpty();

        var unenforced = files
            .SelectMany(f => Keywords(JObject.Parse(File.ReadAllText(f))).Select(k => (File: Path.GetFileName(f), Keyword: k)))
            .Where(k => !EnforcedByNJsonSchema.Contains(k.Keyword) && !Annotations.Contains(k.Keyword) && !EnforcedByUs.Contains(k.Keyword))
            .Distinct()
            .ToList();

        unenforced.Should().BeEmpty("every keyword needs an enforcement (NJsonSchema's or StrictSchemaValidator's) before a schema may use it");
    }

    [Fact]
    public void Every_error_kind_has_a_plain_message_and_a_fix()
    {
        var scalar = new YamlScalar(new Diagnostics.SourceSpan("f.yaml", 1, 1), "x", YamlDotNet.Core.ScalarStyle.Plain);
        foreach (var kind in Enum.GetValues<ValidationErrorKind>())
        {
            var error = new ValidationError(kind, "p", "p", new JValue("x"), new JsonSchema());

            var (message, help) = SchemaMessages.For(error, scalar);

            message.Should().NotBeNullOrWhiteSpace().And.NotContain(kind.ToString(), $"{kind} should be said in words");
            message.Should().NotContain("schema check failed").And.NotContain("\n");
            help.Should().NotBeNullOrWhiteSpace($"{kind} should say how to fix it").And.NotContain("\n");
        }
    }

    [Fact]
    public async Task An_if_then_else_is_enforced()
    {
        const string Schema = """
            {"type": "object",
             "if": {"properties": {"kind": {"const": "local"}}, "required": ["kind"]},
             "then": {"required": ["area"]},
             "else": {"properties": {"area": false}}}
            """;
        var schema = await JsonSchema.FromJsonAsync(SchemaLowering.Lower(Schema));
        var validator = new StrictSchemaValidator();
        IEnumerable<ValidationError> Errors(string json) => Leaves(validator.Validate(JObject.Parse(json), schema));

        Errors("""{"kind": "local"}""").Should().ContainSingle().Which.Should().Match<ValidationError>(e => e.Kind == ValidationErrorKind.PropertyRequired && e.Property == "area");
        Errors("""{"kind": "local", "area": "a"}""").Should().BeEmpty();
        Errors("""{"kind": "basic", "area": "a"}""").Should().ContainSingle().Which.Kind.Should().Be(ValidationErrorKind.ExcludedSchemaValidates);
        Errors("""{"kind": "basic"}""").Should().BeEmpty();
    }

    /// <summary>The errors an author sees: the branch whose condition holds, then every failing member (as loading reports them).</summary>
    private static IEnumerable<ValidationError> Leaves(IEnumerable<ValidationError> errors) => errors.SelectMany(e =>
        SchemaConditionals.ChosenBranch(e) is { } chosen ? Leaves(chosen)
        : e is ChildSchemaValidationError child && child.Errors.Count > 0 ? Leaves(child.Errors.Values.SelectMany(v => v))
        : [e]);

    private static IEnumerable<string> Keywords(JToken node)
    {
        if (node is not JObject schema)
        {
            yield break;
        }

        foreach (var property in schema.Properties())
        {
            yield return property.Name;
            var children = property.Name switch
            {
                "properties" or "patternProperties" or "definitions" or "dependencies" => ((JObject)property.Value).Properties().Select(p => p.Value),
                "enum" or "const" or "required" or "examples" or "default" => [],
                _ when property.Value is JArray list => list.Children(),
                _ => [property.Value],
            };
            foreach (var keyword in children.SelectMany(Keywords))
            {
                yield return keyword;
            }
        }
    }
}
