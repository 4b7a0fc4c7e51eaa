using System.Text;
using DiffPlex;

namespace StandardsKit.Text;

/// <summary>An inline word-level diff: "unchanged [-removed-]{+added+} unchanged". Chinese has no spaces, so CJK text diffs by character.</summary>
internal static class InlineTextDiff
{
    private static readonly char[] Separators = [' ', '\t', '\n', ',', '.', ';', ':', '(', ')'];

    /// <summary>Above this many differing characters on either side, the middle is shown as replaced, not diffed (diffing is O(N·D)).</summary>
    internal const int MaxDiffedLength = 4000;

    public static string Render(string? oldText, string? newText)
    {
        oldText ??= "";
        newText ??= "";

        // Long texts: keep the common start and end, and show the rest as one replacement. Linear, whatever the input.
        var prefix = 0;
        while (prefix < oldText.Length && prefix < newText.Length && oldText[prefix] == newText[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < oldText.Length - prefix && suffix < newText.Length - prefix && oldText[^(suffix + 1)] == newText[^(suffix + 1)])
        {
            suffix++;
        }

        if (oldText.Length - prefix - suffix > MaxDiffedLength || newText.Length - prefix - suffix > MaxDiffedLength)
        {
            var removed = oldText[prefix..^suffix];
            var added = newText[prefix..^suffix];
            return oldText[..prefix] + (removed.Length > 0 ? "[-" + removed + "-]" : "") + (added.Length > 0 ? "{+" + added + "+}" : "") + oldText[^suffix..];
        }

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
