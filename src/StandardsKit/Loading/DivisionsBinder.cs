using StandardsKit.Divisions;
using StandardsKit.Loading.Yaml;

namespace StandardsKit.Loading;

internal static class DivisionsBinder
{
    public static IEnumerable<Division> Bind(YamlMapping root)
    {
        foreach (var node in NodeReader.List(root["divisions"]))
        {
            if (NodeReader.Map(node) is { } m && NodeReader.String(m["code"]) is { } code)
            {
                yield return new Division(code, NodeReader.String(m["name"]) ?? code, NodeReader.String(m["parent"]));
            }
        }
    }
}
