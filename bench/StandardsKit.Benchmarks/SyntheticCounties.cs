using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace StandardsKit.Benchmarks;

/// <summary>
/// Writes a standards folder holding the embedded national editions, facts and divisions plus one synthetic
/// standard per county-level unit (two editions each past 2,854), each with its own effective date — the shape of a future where
/// every county publishes its own standard. Each county raises two national amounts, widens one rule, tightens
/// a tier (still above the floor) and adds an item of its own, so every floor obligation is real work.
/// </summary>
public static partial class SyntheticCounties
{
    /// <summary>Writes <paramref name="count"/> county standards under <paramref name="folder"/> and returns it.</summary>
    public static string Write(string folder, int count)
    {
        var root = FindRepositoryStandards();
        Directory.CreateDirectory(Path.Combine(folder, "national"));
        Directory.CreateDirectory(Path.Combine(folder, "divisions"));
        Directory.CreateDirectory(Path.Combine(folder, "local"));
        File.Copy(Path.Combine(root, "facts.yaml"), Path.Combine(folder, "facts.yaml"), overwrite: true);
        File.Copy(Path.Combine(root, "divisions", "divisions.yaml"), Path.Combine(folder, "divisions", "divisions.yaml"), overwrite: true);
        foreach (var edition in new[] { "2021.yaml", "2023.yaml" })
        {
            File.Copy(Path.Combine(root, "national", edition), Path.Combine(folder, "national", edition), overwrite: true);
        }

        var counties = CountyCodes(Path.Combine(root, "divisions", "divisions.yaml"));
        if (count > 2 * counties.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"at most {2 * counties.Count} (two editions for each of {counties.Count} county-level units)");
        }

        var start = new DateOnly(2024, 1, 1);
        for (var i = 0; i < count; i++)
        {
            // Past one standard per county, the first counties publish a second edition.
            var code = counties[i % counties.Count];
            var edition = i < counties.Count ? "2023" : "2025";
            var from = start.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            File.WriteAllText(Path.Combine(folder, "local", $"{code}-{edition}.yaml"), County(code, edition, from, i), Encoding.UTF8);
        }

        return folder;
    }

    private static string County(string code, string edition, string from, int i) => $$"""
        id: cn-{{code}}
        jurisdiction: "{{code}}"
        edition: "{{edition}}"
        title: {zh: 合成县级标准{{code}}, en: Synthetic county standard {{code}}}
        extends: cn-national@2023
        effectiveFrom: {{from}}
        provenance: {evidence: reconstructed, sources: [X1], note: Synthetic benchmark data.}
        sources:
          - {id: X1, title: Synthetic benchmark data, kind: secondary}
        items:
          - id: syn-fp-{{code}}-{{edition}}
            implements: family-planning-special-assistance
            provenance: {evidence: reconstructed, sources: [X1]}
            level:
              quantities:
                - name: allowance
                  unit: CNY/month
                  tiers:
                    - {when: onlyChildDeceased, value: {{590 + i % 50}}}
                    - {when: onlyChildDisabled, value: {{460 + i % 30}}}
              provenance: {evidence: reconstructed, sources: [X1]}
          - id: syn-elderly-{{code}}-{{edition}}
            implements: elderly-health-management
            provenance: {evidence: reconstructed, sources: [X1]}
            eligibility:
              when: age >= {{60 + i % 6}}
              provenance: {evidence: reconstructed, sources: [X1]}
            level:
              quantities:
                - {name: healthManagement, unit: times/year, value: {{1 + i % 2}}}
              provenance: {evidence: reconstructed, sources: [X1]}
          - id: syn-orphans-{{code}}-{{edition}}
            implements: special-children-basic-living
            provenance: {evidence: reconstructed, sources: [X1]}
            level:
              quantities:
                - name: allowance
                  unit: CNY/month
                  tiers:
                    - {when: 'orphanCare == "institutional"', value: {{1900 + i % 100}}}
                    - {when: 'orphanCare == "scattered"', value: {{1300 + i % 100}}}
              provenance: {evidence: reconstructed, sources: [X1]}
          - id: syn-bonus-{{code}}
            kind: local
            area: elderly-care
            category: elderly-support
            name: {zh: 高龄津贴{{code}}, en: Old-age allowance {{code}}}
            provenance: {evidence: reconstructed, sources: [X1]}
            eligibility:
              when: age >= {{80 + i % 10}} and hukou == residence
              provenance: {evidence: reconstructed, sources: [X1]}
            level:
              quantities:
                - {name: allowance, unit: CNY/month, value: {{50 + i % 100}}}
              provenance: {evidence: reconstructed, sources: [X1]}

        """;

    private static List<string> CountyCodes(string divisionsFile)
    {
        // County-level units are the entries whose parent is a prefecture (or a province, for cities without
        // counties); synthetic standards avoid the places that already have a real local standard.
        var parents = new HashSet<string>(StringComparer.Ordinal);
        var entries = new List<(string Code, string? Parent)>();
        foreach (var line in File.ReadLines(divisionsFile))
        {
            var match = Entry().Match(line);
            if (match.Success)
            {
                var parent = match.Groups[2].Success ? match.Groups[2].Value : null;
                entries.Add((match.Groups[1].Value, parent));
                if (parent is not null)
                {
                    parents.Add(parent);
                }
            }
        }

        return [.. entries.Where(e => e.Parent is not null && !parents.Contains(e.Code)).Select(e => e.Code)];
    }

    private static string FindRepositoryStandards()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "standards");
            if (File.Exists(Path.Combine(candidate, "facts.yaml")) && Directory.Exists(Path.Combine(candidate, "national")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("run from inside the StandardsKit repository (standards/ not found above the binary)");
    }

    [GeneratedRegex("""code: "(\d{6})", name: "[^"]*"(?:, parent: "(\d{6})")?""")]
    private static partial Regex Entry();
}
