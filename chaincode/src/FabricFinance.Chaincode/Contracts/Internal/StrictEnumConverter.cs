using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FabricFinance.Chaincode.Contracts.Internal;

/// <summary>Reads and writes one enum by exact member names; see <see cref="StrictEnumConverterFactory"/>.</summary>
/// <typeparam name="T">The enum.</typeparam>
internal sealed class StrictEnumConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    private readonly FrozenDictionary<string, T> _byName;
    private readonly FrozenDictionary<T, string> _byValue;

    public StrictEnumConverter()
    {
        var names = ScalarText.EnumNames(typeof(T));
        _byName = names.ToFrozenDictionary(n => n.Name, n => (T)n.Value, StringComparer.Ordinal);
        _byValue = names.GroupBy(n => (T)n.Value).ToFrozenDictionary(g => g.Key, g => g.First().Name);
    }

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && reader.GetString() is { } name && _byName.TryGetValue(name, out var value)
            ? value
            : throw new JsonException(); // the serializer words it: "The JSON value could not be converted to T", with the path

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(NameOf(value));
    }

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() is { } name && _byName.TryGetValue(name, out var value) ? value : throw new JsonException();

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(NameOf(value));
    }

    private string NameOf(T value) =>
        _byValue.TryGetValue(value, out var name) ? name : throw new JsonException($"{value} is not a defined value of {typeof(T).Name}.");
}
