namespace StandardsKit.Tests.TestSupport;

/// <summary>Small, valid standard documents that tests change one thing in.</summary>
internal static class Yaml
{
    /// <summary>A national standard with one area/category and the given items block (indented 2 spaces).</summary>
    public static string National(string items, string id = "test-national", string edition = "2030",
        string effectiveFrom = "2030-01-01", string extraHeader = "") => $$$"""
        # yaml-language-server: $schema=../schemas/standard.schema.json
        id: {{{id}}}
        jurisdiction: "000000"
        edition: "{{{edition}}}"
        title: {zh: 测试标准, en: Test standard}
        effectiveFrom: {{{effectiveFrom}}}
        {{{extraHeader}}}
        provenance: {evidence: secondary, sources: [S1]}
        sources:
          - {id: S1, title: Test source, url: "https://example.org/s1", kind: official}
        areas:
          - id: childcare
            number: 1
            name: {zh: 幼有所育, en: Childcare}
            categories:
              - {id: pregnancy-care, number: 1, name: {zh: 优孕优生服务, en: Pregnancy and birth services}}
        items:
        {{{items}}}
        """ + "\n";

    /// <summary>
    /// The header of a local standard on <paramref name="extends"/> citing one secondary source <c>X</c>, up to and
    /// including <c>items:</c>; the items follow, indented 2 spaces.
    /// </summary>
    public static string LocalHeader(string id, string jurisdiction, string edition = "2023", string extends = "cn-national@2023",
        string effectiveFrom = "2024-01-01") => $$$"""
        id: {{{id}}}
        jurisdiction: "{{{jurisdiction}}}"
        edition: "{{{edition}}}"
        title: {zh: 测试, en: test}
        extends: {{{extends}}}
        effectiveFrom: {{{effectiveFrom}}}
        provenance: {evidence: secondary, sources: [X]}
        sources:
          - {id: X, title: x, url: "http://x", kind: secondary}
        items:

        """;

    /// <summary>A local standard with one item overlaying <c>maternal-health</c> under <paramref name="rule"/> (and an optional level block).</summary>
    public static string MaternalHealthOverlay(string id, string jurisdiction, string extends, string itemId, string rule,
        string effectiveFrom = "2024-01-01", string level = "", string name = "项目") =>
        LocalHeader(id, jurisdiction, extends: extends, effectiveFrom: effectiveFrom) + $$$"""
          - id: {{{itemId}}}
            implements: maternal-health
            name: {zh: "{{{name}}}", en: item}
            provenance: {evidence: secondary, sources: [X]}
            eligibility: {when: '{{{rule}}}', provenance: {evidence: secondary, sources: [X]}}
        {{{level}}}
        """;

    /// <summary>One national item whose eligibility is <paramref name="when"/>.</summary>
    public static string Item(string id, string when, int number = 1) => $$$"""
          - id: {{{id}}}
            number: {{{number}}}
            area: childcare
            category: pregnancy-care
            kind: basic
            name: {zh: 项目{{{number}}}, en: Item {{{number}}}}
            provenance: {evidence: secondary, sources: [S1]}
            eligibility:
              when: {{{when}}}
              provenance: {evidence: policy, sources: [S1]}
        """ + "\n";

    /// <summary>
    /// <see cref="Item"/> with a level: a CNY/month quantity <c>allowance</c> whose tiers are the given flow maps
    /// (e.g. <c>{when: dibao, value: 5}</c>), then any other quantities as flow maps.
    /// </summary>
    public static string TieredItem(string id, string when, int number, string[] tiers, params string[] otherQuantities)
    {
        var yaml = new System.Text.StringBuilder(Item(id, when, number));
        yaml.Append("    level:\n      quantities:\n        - name: allowance\n          unit: CNY/month\n          tiers:\n");
        foreach (var tier in tiers)
        {
            yaml.Append("            - ").Append(tier).Append('\n');
        }

        foreach (var quantity in otherQuantities)
        {
            yaml.Append("        - ").Append(quantity).Append('\n');
        }

        return yaml.Append("      provenance: {evidence: policy, sources: [S1]}\n").ToString();
    }

    /// <summary>A local standard without its own taxonomy (it uses its parent's) and the given items block.</summary>
    public static string Local(string id, string jurisdiction, string items, string extends = "test-national@2030", string edition = "2030",
        string effectiveFrom = "2030-06-01", string extraHeader = "") => $$$"""
        id: {{{id}}}
        jurisdiction: "{{{jurisdiction}}}"
        edition: "{{{edition}}}"
        title: {zh: 地方标准, en: Local standard}
        extends: {{{extends}}}
        effectiveFrom: {{{effectiveFrom}}}
        {{{extraHeader}}}
        provenance: {evidence: secondary, sources: [L1]}
        sources:
          - {id: L1, title: Local source, url: "https://example.org/l1", kind: official}
        items:
        {{{items}}}
        """ + "\n";
}
