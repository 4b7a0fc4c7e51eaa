using Newtonsoft.Json.Linq;

namespace StandardsKit.Loading.Yaml;

/// <summary>
/// Projects the YAML tree to JSON for schema validation, resolving plain scalars by the YAML 1.2 core schema
/// (so 9 and 0x9 are integers, 0.4 a decimal, true a bool, .inf a float) and remembering which YAML node each JSON
/// path came from.
/// Dates stay strings: the schema describes them with a pattern.
/// </summary>
internal static class JsonProjection
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

    /// <summary>
    /// The JSON value of a scalar by the YAML 1.2 core schema (<see cref="YamlCoreSchema"/>). A decimal with no
    /// fractional part becomes an integer, because JSON Schema counts 1.0 as an integer, as editors do.
    /// </summary>
    public static JToken Scalar(YamlScalar scalar) => YamlCoreSchema.Resolve(scalar) switch
    {
        null => JValue.CreateNull(),
        bool b => new JValue(b),
        long l => new JValue(l),
        decimal d when d == decimal.Truncate(d) && d >= long.MinValue && d <= long.MaxValue => new JValue((long)d),
        decimal d => new JValue(d),
        double d => new JValue(d),
        var other => new JValue((string)other),
    };
}
