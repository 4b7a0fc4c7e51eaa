using System.Text;
using DiffPlex;

namespace StandardsKit.Text;

/// <summary>An inline word-level diff: "unchanged [-removed-]{+added+} unchanged". Chinese has no spaces, so CJK text diffs by character.</summary>
internal static class InlineTextDiff
{
    private static readonly char[] Separators = [' ', '\t', '\n', ',', '.', ';', ':', '(', ')'];

    public static string Render(string? oldText, string? newText)
    {
        oldText ??= "";
        newText ??= "";
        var cjk = (oldText + newText).Any(c => c >= '\u2E80');
        var result = cjk
            ? Differ.Instance.CreateCharacterDiffs(oldText, newText, ignoreWhitespace: false)
            : Differ.Instance.CreateWordDiffs(oldText, newText, ignoreWhitespace: false, ignoreCase: false, Separators);
        var sb = new StringBuilder();
        var a = 0;
        foreach (var block in result.DiffBlocks)
        {
            while (a < block.DeleteStartA)
            {
                sb.Append(result.PiecesOld[a++]);
            }

            if (block.DeleteCountA > 0)
            {
                sb.Append("[-");
                for (var i = 0; i < block.DeleteCountA; i++)
                {
                    sb.Append(result.PiecesOld[a++]);
                }

                sb.Append("-]");
            }

            if (block.InsertCountB > 0)
            {
                sb.Append("{+");
                for (var i = 0; i < block.InsertCountB; i++)
                {
                    sb.Append(result.PiecesNew[block.InsertStartB + i]);
                }

                sb.Append("+}");
            }
        }

        while (a < result.PiecesOld.Count)
        {
            sb.Append(result.PiecesOld[a++]);
        }

        return sb.ToString();
    }
}
