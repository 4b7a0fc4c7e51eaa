using StandardsKit.Compilation;
using StandardsKit.Diagnostics;
using YamlDotNet.Core;

namespace StandardsKit.Loading.Yaml;

/// <summary>A YAML node with its position. Our own tree (not YamlDotNet's) so aliases never expand.</summary>
internal abstract class YamlNode(SourceSpan span)
{
    public SourceSpan Span { get; } = span;
}

internal sealed class YamlScalar(SourceSpan span, string value, ScalarStyle style) : YamlNode(span)
{
    public string Value { get; } = value;

    public ScalarStyle Style { get; } = style;

    public bool IsPlain => Style is ScalarStyle.Plain or ScalarStyle.Any;

    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>The file's text and where this scalar's token lies in it, when read from a file.</summary>
    public ScalarSource? Source { get; init; }

    /// <summary>
    /// How the characters of the value map to the file: exactly, character by character, through the scalar's style
    /// (<see cref="ScalarPositions"/>); failing that, along the line from its start (after an opening quote), or all
    /// to where a block scalar starts.
    /// </summary>
    public SourceMap SourceMap
    {
        get
        {
            if (Source is { } source && ScalarPositions.Map(source.Text, source.Start, source.End, Style, Value) is { } map)
            {
                return SourceMap.Exactly(source.Spans(Span, map));
            }

            return Style switch
            {
                ScalarStyle.Plain or ScalarStyle.Any => new SourceMap(Span, 0, PerCharacter: true),
                ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted => new SourceMap(Span, 1, PerCharacter: true),
                _ => new SourceMap(Span, 0, PerCharacter: false),
            };
        }
    }
}

/// <summary>A scalar token's place in its file's text: <c>[Start, End)</c> in UTF-16 code units.</summary>
internal sealed record ScalarSource(string Text, int Start, int End)
{
    /// <summary>The file positions of <paramref name="indices"/>, counted from <paramref name="start"/> (the position of <see cref="Start"/>).</summary>
    public System.Collections.Immutable.ImmutableArray<SourceSpan> Spans(SourceSpan start, int[] indices)
    {
        var last = indices.Length == 0 ? Start : indices.Max();
        var lines = new int[last - Start + 1];
        var columns = new int[last - Start + 1];
        var (line, column) = (start.Line, start.Column);
        for (var i = Start; i <= last; i++)
        {
            lines[i - Start] = line;
            columns[i - Start] = column;
            var c = i < Text.Length ? Text[i] : '\0';
            if (c == '\n' || (c == '\r' && (i + 1 >= Text.Length || Text[i + 1] != '\n')))
            {
                (line, column) = (line + 1, 1);
            }
            else if (c != '\r')
            {
                column++;
            }
        }

        return [.. indices.Select(i => start with { Line = lines[i - Start], Column = columns[i - Start] })];
    }
}

internal sealed class YamlMapping(SourceSpan span, IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> entries) : YamlNode(span)
{
    public IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries { get; } = entries;

    public YamlNode? this[string key]
    {
        get
        {
            foreach (var entry in Entries)
            {
                if (entry.Key.Value == key)
                {
                    return entry.Value;
                }
            }

            return null;
        }
    }

    public YamlScalar? KeyNode(string key) => Entries.FirstOrDefault(e => e.Key.Value == key).Key;
}

internal sealed class YamlSequence(SourceSpan span, IReadOnlyList<YamlNode> items) : YamlNode(span)
{
    public IReadOnlyList<YamlNode> Items { get; } = items;
}
