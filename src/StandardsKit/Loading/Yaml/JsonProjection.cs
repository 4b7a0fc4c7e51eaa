using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using StandardsKit.Diagnostics;

namespace StandardsKit.Loading.Yaml;

/// <summary>
/// Projects the YAML tree to JSON for schema validation, resolving plain scalars by the YAML 1.2 core schema
/// (so 9 stays an integer, 0.4 a decimal, true a bool) and remembering which YAML node each JSON path came from.
/// Dates stay strings: the schema describes them with a pattern.
/// </summary>
internal static partial class JsonProjection
{
    public static JToken Project(YamlNode node, Dictionary<string, YamlNode> positions)
    {
        return Project(node, "", positions);
    }

    private static JToken Project(YamlNode node, string path, Dictionary<string, YamlNode> positions)
    {
        positions[path] = node;
        switch (node)
        {
            case YamlMapping mapping:
            {
                var obj = new JObject();
                foreach (var (key, value) in mapping.Entries)
                {
                    var childPath = path.Length == 0 ? key.Value : path + "." + key.Value;
                    positions["key:" + childPath] = key;
                    obj[key.Value] = Project(value, childPath, positions);
                }

                return obj;
            }

            case YamlSequence sequence:
            {
                var array = new JArray();
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    array.Add(Project(sequence.Items[i], $"{path}[{i}]", positions));
                }

                return array;
            }

            default:
                return Scalar((YamlScalar)node);
        }
    }

    public static JToken Scalar(YamlScalar scalar)
    {
        if (!scalar.IsPlain)
        {
            return new JValue(scalar.Value);
        }

        var v = scalar.Value;
        if (scalar.IsNull)
        {
            return JValue.CreateNull();
        }

        if (v is "true" or "True" or "TRUE")
        {
            return new JValue(true);
        }

        if (v is "false" or "False" or "FALSE")
        {
            return new JValue(false);
        }

        if (IntegerRegex().IsMatch(v) && long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return new JValue(l);
        }

        if (DecimalRegex().IsMatch(v) && decimal.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return new JValue(d);
        }

        return new JValue(v);
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntegerRegex();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex DecimalRegex();
}
