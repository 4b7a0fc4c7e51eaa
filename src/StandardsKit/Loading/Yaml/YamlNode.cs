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

    /// <summary>Where character <paramref name="offset"/> of a one-line scalar's value sits in the file.</summary>
    public SourceSpan PositionOf(int offset) => Style switch
    {
        ScalarStyle.Plain or ScalarStyle.Any => Span.Offset(offset),
        ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted => Span.Offset(offset + 1),
        _ => Span,
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
