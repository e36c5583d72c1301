using System.Text.Json;
using System.Text.Json.Serialization;

namespace FabricFinance.Chaincode.Contracts.Internal;

/// <summary>
/// Writes dictionaries with string keys in ordinal key order, so the JSON does not depend on the
/// order entries were added in; reads them refusing duplicate keys. Handles
/// <see cref="Dictionary{TKey,TValue}"/>, <see cref="IDictionary{TKey,TValue}"/>,
/// <see cref="IReadOnlyDictionary{TKey,TValue}"/> and <see cref="SortedDictionary{TKey,TValue}"/>
/// (read back with an ordinal comparer) keyed by <see cref="string"/>.
/// </summary>
internal sealed class OrdinalDictionaryConverterFactory : JsonConverterFactory
{
    private static readonly Type[] Supported =
    [
        typeof(Dictionary<,>),
        typeof(IDictionary<,>),
        typeof(IReadOnlyDictionary<,>),
        typeof(SortedDictionary<,>),
    ];

    public static bool IsSupported(Type type) =>
        type.IsGenericType
        && Array.IndexOf(Supported, type.GetGenericTypeDefinition()) >= 0
        && type.GetGenericArguments()[0] == typeof(string);

    public override bool CanConvert(Type typeToConvert) => IsSupported(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        var valueType = typeToConvert.GetGenericArguments()[1];
        return (JsonConverter)Activator.CreateInstance(typeof(OrdinalDictionaryConverter<,>).MakeGenericType(typeToConvert, valueType))!;
    }

    private sealed class OrdinalDictionaryConverter<TDictionary, TValue> : JsonConverter<TDictionary>
        where TDictionary : IEnumerable<KeyValuePair<string, TValue>>
    {
        public override TDictionary Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException($"Expected a JSON object for {typeToConvert.Name}, found {reader.TokenType}.");
            }

            var entries = new Dictionary<string, TValue>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var key = reader.GetString()!;
                reader.Read();
                if (!entries.TryAdd(key, JsonSerializer.Deserialize<TValue>(ref reader, options)!))
                {
                    throw new JsonException($"The key '{key}' appears twice.");
                }
            }

            object result = typeof(TDictionary).GetGenericTypeDefinition() == typeof(SortedDictionary<,>)
                ? new SortedDictionary<string, TValue>(entries, StringComparer.Ordinal)
                : entries;
            return (TDictionary)result;
        }

        public override void Write(Utf8JsonWriter writer, TDictionary value, JsonSerializerOptions options)
        {
            var entries = value.ToArray();
            Array.Sort(entries, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
            writer.WriteStartObject();
            foreach (var (key, item) in entries)
            {
                writer.WritePropertyName(key);
                JsonSerializer.Serialize(writer, item, options);
            }

            writer.WriteEndObject();
        }
    }
}
