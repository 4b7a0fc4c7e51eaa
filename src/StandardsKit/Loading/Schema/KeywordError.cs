using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace StandardsKit.Loading.Schema;

/// <summary>
/// A failure of a keyword NJsonSchema has no error kind for, found by <see cref="StrictSchemaValidator"/>: a refused
/// property name (<c>propertyNames</c>), or a number JSON cannot hold (<c>finite</c>).
/// </summary>
internal sealed class KeywordError(string keyword, string? name, string path, JToken token, JsonSchema schema, ICollection<ValidationError> inner)
    : ValidationError(ValidationErrorKind.Unknown, name, path, token, schema)
{
    public const string PropertyNames = "propertyNames";
    public const string Finite = "finite";
    public const string Int32 = "int32";

    /// <summary><see cref="PropertyNames"/>, <see cref="Finite"/> or <see cref="Int32"/>.</summary>
    public string Keyword { get; } = keyword;

    /// <summary>For <see cref="PropertyNames"/>, the property name refused.</summary>
    public string? Name { get; } = name;

    /// <summary>Why the name was refused.</summary>
    public ICollection<ValidationError> Inner { get; } = inner;
}
