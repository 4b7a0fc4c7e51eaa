namespace StandardsKit.Cli.Output;

/// <summary>
/// UI labels for zh text output, in one place: units, and quantity names. These are labels the CLI prints, not
/// standard text: the standards' own words are the <c>zh</c> texts in the YAML, which the schema gives quantity
/// names no place for. A name missing here prints as written (a test checks every quantity in standards/ has one).
/// </summary>
internal static class ChineseLabels
{
    /// <summary>Units of the standard schema's <c>unit</c> enum and of facts.yaml.</summary>
    public static readonly IReadOnlyDictionary<string, string> Units = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["CNY"] = "元",
        ["CNY/day"] = "元/天",
        ["CNY/month"] = "元/月",
        ["CNY/year"] = "元/年",
        ["mg/day"] = "毫克/天",
        ["days"] = "天",
        ["weeks"] = "周",
        ["months"] = "个月",
        ["years"] = "年",
        ["times"] = "次",
        ["times/year"] = "次/年",
        ["items"] = "项",
    };

    /// <summary>Quantity names (camelCase, as in the YAML and the JSON) as a reader of the zh text knows them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Quantities = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["allowance"] = "补助标准",
        ["antenatalChecks"] = "产前检查",
        ["averageGrant"] = "平均资助标准",
        ["award"] = "奖补",
        ["boarderPublicFundsTopUp"] = "寄宿生公用经费补助",
        ["careSubsidy"] = "护理补贴",
        ["checksPerChild"] = "每孩次检查",
        ["complicationAllowance"] = "手术并发症扶助金",
        ["durationMonths"] = "服用时长",
        ["folicAcid"] = "叶酸",
        ["healthChecks"] = "健康检查",
        ["healthManagement"] = "健康管理",
        ["jobFairs"] = "专场招聘",
        ["juniorPublicFunds"] = "初中生均公用经费",
        ["livingAllowance"] = "生活补助",
        ["livingSubsidy"] = "生活补贴",
        ["mealSubsidy"] = "膳食补助",
        ["postpartumCheck42Day"] = "产后42天健康检查",
        ["postpartumVisits"] = "产后访视",
        ["primaryPublicFunds"] = "小学生均公用经费",
        ["privateKindergartenFeeWaiverCap"] = "民办园保教费免除上限",
    };
}
