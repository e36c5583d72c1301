using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using FabricFinance.Chaincode.Contracts.Internal;

namespace FabricFinance.Chaincode.Contracts;

/// <summary>
/// The default <see cref="ITransactionSerializer"/>: scalars as plain text, everything else as
/// strict, deterministic JSON (System.Text.Json).
/// </summary>
/// <remarks>
/// <para>Arguments and results of these types are plain text (UTF-8, invariant culture):</para>
/// <list type="bullet">
/// <item><see cref="string"/> (strict UTF-8), and <c>byte[]</c> as the raw argument bytes (a result may also be <see cref="ReadOnlyMemory{T}"/> of bytes);</item>
/// <item><see cref="bool"/> as <c>true</c> or <c>false</c>;</item>
/// <item>the integer types from <see cref="sbyte"/> to <see cref="ulong"/> as decimal digits with an optional sign;</item>
/// <item>enums by member name (case-sensitive; numbers are refused);</item>
/// <item><see cref="DateOnly"/> as <c>YYYY-MM-DD</c> and <see cref="Guid"/> in its hyphenated form;</item>
/// <item>a nullable of any of these (an optional parameter that was omitted, or a <see langword="null"/> result, is empty).</item>
/// </list>
/// <para>
/// Records, classes, lists, arrays and dictionaries with string keys are JSON, with camelCase
/// property names. Reading refuses unknown and duplicate properties, missing required ones (constructor
/// parameters without a default value and <c>required</c> members), <see langword="null"/> for
/// non-nullable members, numbers that are not integers, and enums spelled other than exactly as
/// written (no other casing, white space, numbers or comma-separated lists). Writing puts properties
/// in ordinal order of their JSON names (after any <c>[JsonPropertyOrder]</c>), dictionary keys in ordinal order, and no
/// white space, so equal values always give equal bytes. Floating-point, <see cref="decimal"/>,
/// <see cref="DateTime"/>, untyped (<see cref="object"/>, <see cref="JsonElement"/>) and set types are
/// refused at startup.
/// </para>
/// </remarks>
public sealed class JsonTransactionSerializer : ITransactionSerializer
{
    private readonly ConcurrentDictionary<Type, Delegate> _readers = new();
    private readonly ConcurrentDictionary<Type, Delegate> _writers = new();
    private readonly ConditionalWeakTable<IDictionary<string, JsonObject>, Dictionary<string, Type>> _schemaOwners = [];

    /// <summary>Initializes a new instance with the default options.</summary>
    public JsonTransactionSerializer()
        : this(null)
    {
    }

    /// <summary>Initializes a new instance, letting you adjust the JSON options.</summary>
    /// <param name="configure">
    /// Changes to the default options (for example, converters or a source-generated
    /// <see cref="JsonSerializerOptions.TypeInfoResolver"/>). Property ordering is added after it runs.
    /// </param>
    public JsonTransactionSerializer(Action<JsonSerializerOptions>? configure)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = false,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowDuplicateProperties = false,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            NumberHandling = JsonNumberHandling.Strict,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new StrictEnumConverterFactory());
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false)); // [Flags] enums
        options.Converters.Add(new OrdinalDictionaryConverterFactory());
        configure?.Invoke(options);
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(OrderProperties);
        options.MakeReadOnly();
        Options = options;
    }

    /// <summary>Gets a shared instance with the default options.</summary>
    public static JsonTransactionSerializer Default { get; } = new();

    /// <summary>
    /// Gets the JSON options (read-only). Use them to write ledger state the same way results are
    /// written: <c>JsonSerializer.SerializeToUtf8Bytes(value, serializer.Options)</c>.
    /// </summary>
    public JsonSerializerOptions Options { get; }

    /// <inheritdoc/>
    public T Deserialize<T>(ReadOnlyMemory<byte> argument) =>
        ((Func<ReadOnlyMemory<byte>, T>)_readers.GetOrAdd(typeof(T), static (_, self) => self.CreateReader<T>(), this))(argument);

    /// <inheritdoc/>
    public byte[] Serialize<T>(T value) =>
        ((Func<T, byte[]>)_writers.GetOrAdd(typeof(T), static (_, self) => self.CreateWriter<T>(), this))(value);

    /// <inheritdoc/>
    public JsonObject DescribeParameter(Type type, IDictionary<string, JsonObject> components) => Describe(type, components, forReading: true);

    /// <inheritdoc/>
    public JsonObject DescribeResult(Type type, IDictionary<string, JsonObject> components) => Describe(type, components, forReading: false);

    private JsonObject Describe(Type type, IDictionary<string, JsonObject> components, bool forReading)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(components);
        if (ScalarText.IsScalar(type, asResult: !forReading))
        {
            return ScalarText.Describe(type);
        }

        if (type.IsPointer || type.IsByRef || type.IsByRefLike || type.ContainsGenericParameters || typeof(Delegate).IsAssignableFrom(type))
        {
            throw new NotSupportedException($"{type.Name} cannot be passed as text or JSON.");
        }

        if (type == typeof(DateTimeOffset))
        {
            throw new NotSupportedException("DateTimeOffset is only supported inside JSON objects; take a string and parse it, or use DateOnly.");
        }

        var owners = _schemaOwners.GetValue(components, _ => new Dictionary<string, Type>(StringComparer.Ordinal));
        return new JsonSchemaBuilder(Options, components, owners).Describe(type, forReading);
    }

    private Func<ReadOnlyMemory<byte>, T> CreateReader<T>()
    {
        if (ScalarText.IsScalar(typeof(T), asResult: false))
        {
            return ScalarText.CreateReader<T>();
        }

        var info = (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
        var name = JsonSchemaBuilder.Name(typeof(T));
        return argument =>
        {
            T? value;
            try
            {
                value = JsonSerializer.Deserialize(argument.Span, info);
            }
            catch (JsonException ex)
            {
                throw new FormatException($"is not a valid {name}: {JsonArgumentErrors.Describe(ex, typeof(T), Options)}", ex);
            }

            return value ?? throw new FormatException($"is null; a {name} is required");
        };
    }

    private Func<T, byte[]> CreateWriter<T>()
    {
        if (ScalarText.IsScalar(typeof(T), asResult: true))
        {
            return ScalarText.CreateWriter<T>();
        }

        var info = (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
        return value => value is null ? [] : JsonSerializer.SerializeToUtf8Bytes(value, info);
    }

    /// <summary>Puts an object's properties in <c>[JsonPropertyOrder]</c> order, then ordinal order of their JSON names.</summary>
    private static void OrderProperties(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Properties.Count < 2)
        {
            return;
        }

        var ordered = info.Properties.OrderBy(p => p.Order).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        info.Properties.Clear();
        foreach (var property in ordered)
        {
            info.Properties.Add(property);
        }
    }
}
