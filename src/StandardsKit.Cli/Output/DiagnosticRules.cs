namespace StandardsKit.Cli.Output;

/// <summary>
/// The diagnostic codes as SARIF rules: id, a one-line description and where <c>docs/diagnostics.md</c> explains
/// it. The table is that document's, shortened; a test keeps the two in step (every documented code is here).
/// </summary>
internal static class DiagnosticRules
{
    /// <summary>Where the codes are documented; each row has an anchor named after its code in lower case.</summary>
    public const string HelpBase = "https://github.com/standardskit/standardskit/blob/main/docs/diagnostics.md";

    public static readonly IReadOnlyList<(string Id, string Name, string Description)> All =
    [
        ("SK0001", "YamlSyntax", "YAML syntax error"),
        ("SK0002", "Schema", "Schema violation: unknown key, wrong type, missing key or bad value"),
        ("SK0003", "DuplicateKey", "Duplicate key in a mapping"),
        ("SK0004", "InputLimit", "Input limit exceeded: file size, nesting, node count, anchors or aliases"),
        ("SK0005", "Encoding", "File is not valid UTF-8"),
        ("SK0006", "Io", "File cannot be read"),
        ("SK0007", "UnknownFileKind", "Top level is not a mapping of a known kind"),
        ("SK0008", "YamlTag", "YAML tag not allowed"),
        ("SK0009", "NotAFile", "Path is not a regular file"),
        ("SK0101", "ExpressionSyntax", "Expression syntax error"),
        ("SK0102", "UnknownFact", "Unknown fact in an expression"),
        ("SK0103", "ExpressionType", "Expression type error"),
        ("SK0104", "UnknownFunction", "Unknown function"),
        ("SK0105", "ExpressionLimit", "Expression too long or too deep"),
        ("SK0106", "UnknownEnumValue", "Value not among an enum or set fact's values"),
        ("SK0107", "DateRange", "Date out of range"),
        ("SK0108", "NumberRange", "Number out of range"),
        ("SK0201", "UnknownArea", "Item names an unknown area"),
        ("SK0202", "UnknownCategory", "Item names a category not in its area"),
        ("SK0203", "UnknownParent", "'extends' names a standard that is not loaded or not above this jurisdiction"),
        ("SK0204", "UnknownImplements", "'implements' names an item no standard above defines"),
        ("SK0205", "DuplicateId", "Duplicate id"),
        ("SK0206", "OverlappingEditions", "Two editions of one standard in force on the same day"),
        ("SK0207", "UnknownSource", "Provenance cites a source id missing from 'sources'"),
        ("SK0208", "UnknownJurisdiction", "Jurisdiction code not in the division list"),
        ("SK0209", "CyclicExtends", "Cyclic 'extends'"),
        ("SK0210", "MissingFacts", "No fact vocabulary loaded"),
        ("SK0211", "BadFactDeclaration", "Bad fact declaration"),
        ("SK0212", "BadDates", "Impossible or out-of-range date, or effectiveUntil before effectiveFrom"),
        ("SK0213", "Reserved", "Reserved; never emitted"),
        ("SK0214", "EditionBeforeParent", "A local edition takes effect before the parent edition it extends"),
        ("SK0215", "ParentSuperseded", "The edition a local standard extends is superseded while it is in force"),
        ("SK0216", "DivisionCycle", "Cycle in the division list"),
        ("SK0217", "LevelTextDisagrees", "A level's text states a number none of its quantities has"),
        ("SK0301", "FloorQuantity", "A local quantity is below its parent's for some resident"),
        ("SK0302", "FloorEligibility", "A local eligibility rule is narrower than its parent's"),
        ("SK0303", "AboveFloor", "A local item is above its parent's level or wider"),
        ("SK0304", "FloorUnsupported", "The floor proof sampled the resident space instead of covering it"),
        ("SK0401", "EvidenceBelowMinimum", "Evidence below the level required by --min-evidence"),
        ("SK0501", "BadDivisionAttribute", "A division attribute is wrong"),
        ("SK0502", "BadFundingRule", "A funding rule is wrong"),
        ("SK0503", "UnknownDivisionAttribute", "An expression names an undeclared division attribute"),
    ];

    public static string HelpUri(string id) => HelpBase + "#" + id.ToLowerInvariant();
}
