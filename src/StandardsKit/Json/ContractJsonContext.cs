using System.Text.Json;
using System.Text.Json.Serialization;
using StandardsKit.Engine;

namespace StandardsKit.Json;

/// <summary>
/// Source-generated (reflection-free, trimming- and AOT-safe) serialization of the JSON contracts: camelCase
/// names, nulls written unless a member says otherwise.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, NewLine = "\n",
    DefaultIgnoreCondition = JsonIgnoreCondition.Never, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(JsonEvaluation))]
[JsonSerializable(typeof(StandardsRevision))]
internal sealed partial class ContractJsonContext : JsonSerializerContext;
