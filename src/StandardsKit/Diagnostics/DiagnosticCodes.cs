namespace StandardsKit.Diagnostics;

/// <summary>The stable diagnostic codes. Documented in <c>docs/diagnostics.md</c>; never renumber.</summary>
internal static class DiagnosticCodes
{
    public const string YamlSyntax = "SK0001";
    public const string Schema = "SK0002";
    public const string DuplicateKey = "SK0003";
    public const string InputLimit = "SK0004";
    public const string Encoding = "SK0005";
    public const string Io = "SK0006";
    public const string UnknownFileKind = "SK0007";
    public const string YamlTag = "SK0008";
    public const string NotAFile = "SK0009";

    public const string ExpressionSyntax = "SK0101";
    public const string UnknownFact = "SK0102";
    public const string ExpressionType = "SK0103";
    public const string UnknownFunction = "SK0104";
    public const string ExpressionLimit = "SK0105";
    public const string UnknownEnumValue = "SK0106";
    public const string DateRange = "SK0107";
    public const string NumberRange = "SK0108";

    public const string UnknownArea = "SK0201";
    public const string UnknownCategory = "SK0202";
    public const string UnknownParent = "SK0203";
    public const string UnknownImplements = "SK0204";
    public const string DuplicateId = "SK0205";
    public const string OverlappingEditions = "SK0206";
    public const string UnknownSource = "SK0207";
    public const string UnknownJurisdiction = "SK0208";
    public const string CyclicExtends = "SK0209";
    public const string MissingFacts = "SK0210";
    public const string BadFactDeclaration = "SK0211";
    public const string BadDates = "SK0212";
    public const string BadTest = "SK0213";
    public const string EditionBeforeParent = "SK0214";
    public const string ParentSuperseded = "SK0215";
    public const string DivisionCycle = "SK0216";
    public const string LevelTextDisagrees = "SK0217";

    public const string FloorQuantity = "SK0301";
    public const string FloorEligibility = "SK0302";
    public const string AboveFloor = "SK0303";
    public const string FloorUnsupported = "SK0304";

    public const string EvidenceBelowMinimum = "SK0401";

    public const string BadDivisionAttribute = "SK0501";
    public const string BadFundingRule = "SK0502";
    public const string UnknownDivisionAttribute = "SK0503";
}
