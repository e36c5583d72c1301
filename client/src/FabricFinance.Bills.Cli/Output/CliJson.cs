using System.Text.Json;
using System.Text.Json.Nodes;

namespace FabricFinance.Bills.Cli.Output;

/// <summary>
/// The JSON fabfin prints with <c>--json</c>: a record as the contract writes it (and stores it, and puts it in its
/// event): camelCase, properties in ordinal order of their names, no white space, one line.
/// </summary>
internal static class CliJson
{
    public static string Serialize(object? value) => value is null ? "null" : ToNode(value)?.ToJsonString() ?? "null";

    /// <summary>The value as a JSON node with every object's properties in ordinal order.</summary>
    public static JsonNode? ToNode(object value) => Ordered(JsonSerializer.SerializeToNode(value, value.GetType(), BillJson.Options));

    private static JsonNode? Ordered(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .OrderBy(property => property.Key, StringComparer.Ordinal)
            .Select(property => KeyValuePair.Create(property.Key, Ordered(property.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Ordered)]),
        _ => node?.DeepClone(),
    };
}
