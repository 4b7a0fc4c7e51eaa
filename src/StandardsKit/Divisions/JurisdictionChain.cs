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
    /// <param name="code">The unknown code.</param>
    /// <param name="directory">The divisions to suggest from.</param>
    /// <param name="count">How many codes to return at most.</param>
    /// <param name="accept">Which divisions may be suggested (all when null): eval suggests only county-level
    /// units, since it refuses a province or prefecture code.</param>
    public static IReadOnlyList<Division> Nearest(string code, IDivisionDirectory directory, int count = 3, Func<Division, bool>? accept = null)
    {
        var prefixLength = 0;
        var best = new List<Division>();
        foreach (var division in directory.All)
        {
            if (accept is not null && !accept(division))
            {
                continue;
            }

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
