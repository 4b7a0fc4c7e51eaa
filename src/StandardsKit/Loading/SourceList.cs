using System.Collections.Immutable;
using StandardsKit.Loading.Yaml;
using StandardsKit.Model;

namespace StandardsKit.Loading;

/// <summary>Reads a file's <c>sources:</c> list (the entries its provenance cites by id).</summary>
internal static class SourceList
{
    public static ImmutableArray<SourceReference> Read(YamlNode? node) =>
    [
        .. NodeReader.List(node).Select(NodeReader.Map).OfType<YamlMapping>()
            .Where(s => NodeReader.String(s["id"]) is not null)
            .Select(s => new SourceReference(NodeReader.String(s["id"])!, NodeReader.String(s["title"]) ?? "", NodeReader.String(s["url"]), NodeReader.String(s["kind"]))),
    ];
}
