using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace FabricFinance.Bills.Client.Tests.Infrastructure;

/// <summary>
/// Records serialized the way the contract's router writes them: the model's JSON, properties in ordinal order of their
/// names.
/// </summary>
internal static class ContractJson
{
    private static readonly JsonSerializerOptions Options = Create();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(BillJson.Options)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { Order } },
        };
        options.MakeReadOnly();
        return options;
    }

    private static void Order(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var ordered = info.Properties.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Order = i;
        }
    }
}
