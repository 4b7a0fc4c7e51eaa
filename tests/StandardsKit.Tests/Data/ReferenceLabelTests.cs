using System.Text.RegularExpressions;
using StandardsKit.Diagnostics;
using StandardsKit.Model;
using StandardsKit.Tests.TestSupport;

namespace StandardsKit.Tests.Data;

/// <summary>
/// Every label in standards/ against what ../shared/reference/national-standards.md supports: the reference's
/// name labels per item (§4.2), the fields it quotes (§4.1), the 2023 names it confirms (§5.4) and the rule that no
/// 2023 field text was seen; plus the header-date and citation rules of docs/authoring.md.
/// </summary>
public sealed class ReferenceLabelTests
{
    /// <summary>§4.2 name labels of the 2021 items, by running number. Row 6 is "R (content S)".</summary>
    private static readonly HashSet<int> VerbatimNames = [1, 68, 69, 70, 71];

    private static readonly HashSet<int> SecondaryNames =
        [2, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 17, 19, 23, 26, 27, 29, 31, 32, 33, 35, 37, 44, 46, 47, 48, 52, 53, 54, 77, 78, 80];

    private static readonly HashSet<int> ReconstructedNameWithSecondaryContent = [6];

    /// <summary>§4.1: the only national field texts seen, all in the 2021 edition.</summary>
    private static readonly Dictionary<int, string[]> QuotedFields = new()
    {
        [1] = ["serviceObject", "serviceContent"],
        [68] = ["serviceObject", "serviceContent", "serviceStandard", "funding", "leadDepartment"],
        [69] = ["serviceObject", "serviceContent", "serviceStandard", "funding", "leadDepartment"],
        [70] = ["serviceObject", "serviceContent", "serviceStandard", "funding", "leadDepartment"],
        [71] = ["serviceObject"],
    };

    /// <summary>§4.1: items whose verbatim 服务标准 a level may quote.</summary>
    private static readonly HashSet<int> QuotedStandards = [68, 69, 70];

    /// <summary>§5.4: names confirmed for the 2023 edition itself (81 is the new folic-acid item).</summary>
    private static readonly HashSet<int> Confirmed2023 = [2, 4, 7, 8, 11, 14, 32, 33, 35, 37, 46, 47, 48, 52, 53, 71, 81];

    [Fact]
    public void No_label_in_the_standards_is_stronger_than_the_reference_supports()
    {
        Violations(Catalog.Default.Documents).Should().BeEmpty();
    }

    [Fact]
    public void The_check_finds_a_2023_text_above_carried_forward_a_verbatim_rule_an_r_item_made_secondary_and_a_verbatim_local_cell()
    {
        using var temp = new TempFolder();
        var standards = temp.CopyFrom(Repo.Standards, "standards");
        Edit(Path.Combine(standards, "national", "2023.yaml"), "        provenance: {evidence: carried-forward, sources: [S2], note: \"2021 text carried forward; 2023 wording not seen.\"}",
            "        provenance: {evidence: secondary, sources: [S2], note: \"doctored\"}");
        Edit(Path.Combine(standards, "national", "2021.yaml"), "      provenance: {evidence: secondary, sources: [S2], note: \"A formalisation of the verbatim 服务对象 (S2)",
            "      provenance: {evidence: verbatim, sources: [S2], note: \"A formalisation of the verbatim 服务对象 (S2)");
        Edit(Path.Combine(standards, "national", "2021.yaml"),
            "    provenance: {evidence: reconstructed, note: \"The item name is not confirmed by any source (reference label R): reconstructed from background knowledge, a lead only.\"}\n    eligibility:\n      when: age >= 16\n      provenance: {evidence: reconstructed, note: \"Read as open to workers (劳动者)",
            "    provenance: {evidence: secondary, sources: [S10], note: \"doctored\"}\n    eligibility:\n      when: age >= 16\n      provenance: {evidence: reconstructed, note: \"Read as open to workers (劳动者)");
        Edit(Path.Combine(standards, "local", "310000-shanghai", "2021.yaml"), "        provenance: {evidence: secondary, sources: [S16], note: \"From the reference's compressed extract of the S16 table.\"}",
            "        provenance: {evidence: verbatim, sources: [S16], note: \"doctored\"}");

        var found = Violations(Catalog.LoadDirectory(standards).GetCatalogOrThrow().Documents);

        found.Should().Contain(v => v.StartsWith("cn-national@2023 #68 serviceObject", StringComparison.Ordinal));
        found.Should().Contain(v => v.StartsWith("cn-national@2021 #68 eligibility", StringComparison.Ordinal));
        found.Should().Contain(v => v.StartsWith("cn-national@2021 #20 item", StringComparison.Ordinal));
        found.Should().Contain(v => v.StartsWith("cn-31@2021 sh-maternal-care", StringComparison.Ordinal));
    }

    [Fact]
    public void Header_dates_read_from_a_page_address_are_reconstructed_and_citations_can_be_followed()
    {
        var problems = new List<string>();
        foreach (var d in Catalog.Default.Documents)
        {
            var date = d.EffectiveFrom;
            string[] forms = [$"{date:yyyyMMdd}", $"{date:yyyy/MM/dd}", $"{date.Year}/{date.Month}/{date.Day}", $"{date:yyyy-MM-dd}"];
            if (d.Sources.Any(s => s.Url is { } url && forms.Any(f => url.Contains(f, StringComparison.Ordinal)))
                && d.Provenance!.Evidence != Evidence.Reconstructed)
            {
                problems.Add($"{d.Key}: effectiveFrom {date:yyyy-MM-dd} is read from a page address but the header is {d.Provenance.Evidence.Name()}");
            }

            foreach (var s in d.Sources)
            {
                if (s.Url is { } url && !Regex.IsMatch(url, @"^https?://[^/\s]+/\S+$"))
                {
                    problems.Add($"{d.Key} {s.Id}: '{url}' is a bare site root, not a page an auditor can follow");
                }

                if (s.Kind == "official" && (s.Url is null || !Regex.IsMatch(new Uri(s.Url).Host, @"(^|\.)gov\.cn$")))
                {
                    problems.Add($"{d.Key} {s.Id}: kind official on {s.Url ?? "no address"}, not the issuing government's site (reprint or secondary?)");
                }
            }
        }

        problems.Should().BeEmpty();
    }

    /// <summary>Every part labelled above what the reference supports, as "key #number part: why".</summary>
    private static List<string> Violations(IEnumerable<StandardDocument> documents)
    {
        var found = new List<string>();
        foreach (var document in documents)
        {
            foreach (var item in document.Items)
            {
                foreach (var (part, provenance) in ProvenanceSummary.PartsOf(item))
                {
                    var cap = document.IsNational ? NationalCap(document.Edition, item.Number ?? 0, part) : LocalCap(part);
                    if (provenance.Evidence > cap)
                    {
                        var where = document.IsNational ? $"#{item.Number}" : item.Id;
                        found.Add($"{document.Key} {where} {part}: labelled {provenance.Evidence.Name()}, the reference supports at most {cap.Name()}");
                    }
                }
            }
        }

        return found;
    }

    /// <summary>The strongest label the reference supports for one part of a national item.</summary>
    private static Evidence NationalCap(string edition, int number, string part)
    {
        var name = VerbatimNames.Contains(number) ? Evidence.Verbatim
            : SecondaryNames.Contains(number) ? Evidence.Secondary
            : Evidence.Reconstructed;
        var content = ReconstructedNameWithSecondaryContent.Contains(number) ? Evidence.Secondary
            : name == Evidence.Reconstructed ? Evidence.Policy // an R row's content is at best a policy amount
            : Evidence.Secondary;                               // rules and levels formalise text: never verbatim
        if (edition == "2021")
        {
            return part switch
            {
                "item" => name,
                "eligibility" => content,
                "level" => QuotedStandards.Contains(number) ? Evidence.Verbatim : content,
                _ => QuotedFields.TryGetValue(number, out var quoted) && quoted.Contains(part) ? Evidence.Verbatim : Evidence.Reconstructed,
            };
        }

        // 2023: no field text was seen; only the §5.4 names are confirmed for this edition.
        var confirmed = Confirmed2023.Contains(number);
        return part switch
        {
            "item" => confirmed ? Evidence.Secondary : Min(name, Evidence.CarriedForward),
            "eligibility" or "level" => confirmed ? content : Max(Min(content, Evidence.CarriedForward), Evidence.Policy),
            _ => Evidence.CarriedForward,
        };
    }

    /// <summary>The reference quotes no local text uncompressed: Shanghai's cells are a compressed extract (§6.3).</summary>
    private static Evidence LocalCap(string part) => Evidence.Secondary;

    private static Evidence Min(Evidence a, Evidence b) => a < b ? a : b;

    private static Evidence Max(Evidence a, Evidence b) => a > b ? a : b;

    private static void Edit(string file, string from, string to)
    {
        var text = File.ReadAllText(file);
        text.Should().Contain(from, $"the fixture edits {file}");
        File.WriteAllText(file, text.Replace(from, to, StringComparison.Ordinal));
    }
}
