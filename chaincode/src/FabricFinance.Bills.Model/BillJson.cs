using System.Text.Json;
using System.Text.Json.Serialization;

namespace FabricFinance.Bills;

/// <summary>
/// JSON options that read and write the rulebook's records as the contract does: camelCase,
/// enums by their JSON names, integers only. Reading tolerates fields a newer contract adds.
/// </summary>
public static class BillJson
{
    /// <summary>Gets the shared, read-only options.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Reads a record from the UTF-8 JSON a transaction returned or an event carried.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="utf8Json">The JSON bytes.</param>
    /// <returns>The record.</returns>
    /// <exception cref="JsonException">The JSON is empty, <c>null</c> or not of that shape.</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<T>(utf8Json, Options) ?? throw new JsonException($"expected a {typeof(T).Name}, got null.");

    /// <summary>Writes a record as compact UTF-8 JSON.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="value">The record.</param>
    /// <returns>The JSON bytes.</returns>
    public static byte[] SerializeToUtf8Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            NumberHandling = JsonNumberHandling.Strict,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            AllowDuplicateProperties = false,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
