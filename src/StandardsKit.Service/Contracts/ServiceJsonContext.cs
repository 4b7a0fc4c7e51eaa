using System.Text.Json;
using System.Text.Json.Serialization;

namespace StandardsKit.Service.Contracts;

/// <summary>Source-generated serialization of the service's own contracts (the §6 ones come from the library).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(EvaluateRequest))]
[JsonSerializable(typeof(BatchLine))]
[JsonSerializable(typeof(ItemsView))]
[JsonSerializable(typeof(ItemDetail))]
[JsonSerializable(typeof(FactsView))]
[JsonSerializable(typeof(StandardsView))]
[JsonSerializable(typeof(DivisionsView))]
[JsonSerializable(typeof(HealthView))]
internal sealed partial class ServiceJsonContext : JsonSerializerContext;

/// <summary>The service's contexts as it writes them: Chinese as UTF-8 rather than \uXXXX escapes, as the CLI writes it.</summary>
internal static class ServiceJson
{
    public static ServiceJsonContext Readable { get; } = new(new JsonSerializerOptions(ServiceJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
