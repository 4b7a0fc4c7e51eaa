namespace StandardsKit.Divisions;

/// <summary>Builds the chain national → province → prefecture → county for a code.</summary>
internal static class JurisdictionChain
{
    /// <summary>
    /// Codes from the nation down to <paramref name="county"/>. Parents come from the directory, so
    /// province-administered county-level units (429004 → 429000 省直辖县级行政区划 → 420000) and cities without counties
    /// (441900 → 440000) chain correctly; placeholder prefectures such as 310100 市辖区 stay in the chain
    /// harmlessly, as no standard is issued for them.
    /// </summary>
    public static IReadOnlyList<string> Of(string county, IDivisionDirectory directory)
    {
        var chain = new List<string>();
        var current = directory.Find(county);
        var guard = 0;
        while (current is not null && guard++ < 8)
        {
            chain.Add(current.Code);
            current = current.Parent is null ? null : directory.Find(current.Parent);
        }

        chain.Add(DivisionCode.National);
        chain.Reverse();
        return chain;
    }

    /// <summary>The codes closest to an unknown one, for "did you mean" in errors.</summary>
    public static IReadOnlyList<Division> Nearest(string code, IDivisionDirectory directory, int count = 3)
    {
        var prefixLength = 0;
        var best = new List<Division>();
        foreach (var division in directory.All)
        {
            var common = 0;
            while (common < Math.Min(code.Length, division.Code.Length) && code[common] == division.Code[common])
            {
                common++;
            }

            if (common > prefixLength)
            {
                prefixLength = common;
                best.Clear();
            }

            if (common == prefixLength && best.Count < count)
            {
                best.Add(division);
            }
        }

        return best;
    }
}
