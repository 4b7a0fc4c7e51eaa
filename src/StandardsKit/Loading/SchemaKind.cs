namespace StandardsKit.Loading;

/// <summary>The kinds of YAML file under <c>standards/</c>, each with its JSON Schema in <c>schemas/</c>.</summary>
internal enum SchemaKind
{
    Standard,
    Facts,
    Divisions,
    Tests,
    DivisionAttributes,
    Funding,
}
