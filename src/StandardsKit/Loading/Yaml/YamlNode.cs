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

    /// <summary>
    /// How the characters of a one-line scalar's value map to the file: along the line from its start (after the
    /// opening quote of a quoted scalar); a block scalar's characters all map to where it starts.
    /// </summary>
    public SourceMap SourceMap => Style switch
    {
        ScalarStyle.Plain or ScalarStyle.Any => new SourceMap(Span, 0, PerCharacter: true),
        ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted => new SourceMap(Span, 1, PerCharacter: true),
        _ => new SourceMap(Span, 0, PerCharacter: false),
    };
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
