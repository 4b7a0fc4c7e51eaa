namespace StandardsKit.Model;

/// <summary>One of the five texts of an item (服务对象, 服务内容, 服务标准, 支出责任, 牵头负责单位) with its evidence.</summary>
/// <param name="Text">The text.</param>
/// <param name="Provenance">Where it comes from; only <see cref="Evidence.Verbatim"/> text is the official wording.</param>
public sealed record ItemField(LocalizedText Text, Provenance Provenance);

/// <summary>Keys of <see cref="ServiceItem.Fields"/>.</summary>
public static class ItemFieldNames
{
    /// <summary>服务对象: who is served.</summary>
    public const string ServiceObject = "serviceObject";

    /// <summary>服务内容: what is provided.</summary>
    public const string ServiceContent = "serviceContent";

    /// <summary>服务标准: at what level.</summary>
    public const string ServiceStandard = "serviceStandard";

    /// <summary>支出责任: who pays.</summary>
    public const string Funding = "funding";

    /// <summary>牵头负责单位: the lead department.</summary>
    public const string LeadDepartment = "leadDepartment";

    /// <summary>All five, in the official order.</summary>
    public static IReadOnlyList<string> All { get; } = [ServiceObject, ServiceContent, ServiceStandard, Funding, LeadDepartment];
}
