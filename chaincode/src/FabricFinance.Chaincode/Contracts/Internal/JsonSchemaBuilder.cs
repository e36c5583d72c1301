using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace FabricFinance.Chaincode.Contracts.Internal;

/// <summary>
/// Describes a type as System.Text.Json reads and writes it, as a JSON schema for the contract
/// metadata, and refuses what cannot be deterministic or described: floating point, untyped values,
/// unordered sets, polymorphism, custom converters. Object types become named component schemas.
/// </summary>
internal sealed class JsonSchemaBuilder(JsonSerializerOptions options, IDictionary<string, JsonObject> components, Dictionary<string, Type> owners)
{
    private const string ComponentPrefix = "#/components/schemas/";

    public JsonObject Describe(Type type, bool forReading)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string))
        {
            return new JsonObject { ["type"] = "string" };
        }

        if (t == typeof(bool))
        {
            return new JsonObject { ["type"] = "boolean" };
        }

        if (ScalarText.IsInteger(t))
        {
            return ScalarText.DescribeInteger(t);
        }

        if (t.IsEnum)
        {
            return ScalarText.Describe(t);
        }

        if (t == typeof(DateOnly))
        {
            return new JsonObject { ["type"] = "string", ["format"] = "date" };
        }

        if (t == typeof(DateTimeOffset))
        {
            return new JsonObject { ["type"] = "string", ["format"] = "date-time" };
        }

        if (t == typeof(Guid))
        {
            return new JsonObject { ["type"] = "string", ["format"] = "uuid" };
        }

        if (t == typeof(byte[]))
        {
            return new JsonObject { ["type"] = "string", ["format"] = "byte" };
        }

        Refuse(t);
        if (OrdinalDictionaryConverterFactory.IsSupported(t))
        {
            return new JsonObject { ["type"] = "object", ["additionalProperties"] = Describe(t.GetGenericArguments()[1], forReading) };
        }

        JsonTypeInfo info;
        try
        {
            info = options.GetTypeInfo(t);
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or ArgumentException)
        {
            throw new NotSupportedException($"System.Text.Json cannot handle {DisplayName(t)}: {ex.Message}", ex);
        }

        return info.Kind switch
        {
            JsonTypeInfoKind.Enumerable => DescribeArray(t, info, forReading),
            JsonTypeInfoKind.Object => DescribeObject(t, info, forReading),
            JsonTypeInfoKind.Dictionary => throw new NotSupportedException(
                $"{DisplayName(t)} is a dictionary type the router cannot order deterministically; use Dictionary<string, T> or IReadOnlyDictionary<string, T>."),
            _ => throw new NotSupportedException(
                $"{DisplayName(t)} has a custom JSON converter, so the metadata cannot describe it; use records, lists, dictionaries with string keys, strings, booleans, integers, enums, DateOnly, DateTimeOffset or Guid."),
        };
    }

    private static void Refuse(Type t)
    {
        if (t == typeof(float) || t == typeof(double) || t == typeof(decimal) || t == typeof(Half))
        {
            throw new NotSupportedException(
                $"{t.Name} is not allowed: floating-point and decimal numbers can make endorsers disagree; use an integer (for example an amount in minor units).");
        }

        if (t == typeof(object) || t == typeof(JsonElement) || t == typeof(JsonDocument) || typeof(JsonNode).IsAssignableFrom(t))
        {
            throw new NotSupportedException($"{t.Name} is untyped; declare a record type so the value can be checked and described.");
        }

        if (t == typeof(DateTime))
        {
            throw new NotSupportedException("DateTime is ambiguous about its time zone; use DateTimeOffset or DateOnly.");
        }

        if (t.GetInterfaces().Any(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(ISet<>) || i.GetGenericTypeDefinition() == typeof(IReadOnlySet<>))))
        {
            throw new NotSupportedException($"{DisplayName(t)} is a set, which has no defined order; use a list or an array.");
        }
    }

    private JsonObject DescribeArray(Type t, JsonTypeInfo info, bool forReading)
    {
        var element = info.ElementType ?? throw new NotSupportedException($"{DisplayName(t)} has no element type.");
        return new JsonObject { ["type"] = "array", ["items"] = Describe(element, forReading) };
    }

    private JsonObject DescribeObject(Type t, JsonTypeInfo info, bool forReading)
    {
        var name = Name(t);
        if (owners.TryGetValue(name, out var owner))
        {
            return owner == t
                ? Reference(name)
                : throw new NotSupportedException(
                    $"Two types would share the schema name '{name}': {owner.FullName} and {t.FullName}; rename one of them.");
        }

        if (t.IsInterface || t.IsAbstract)
        {
            throw new NotSupportedException($"{name} is an interface or abstract class; use a concrete record type.");
        }

        if (info.PolymorphismOptions is not null)
        {
            throw new NotSupportedException($"{name} is polymorphic, which the contract metadata cannot describe.");
        }

        if (forReading && info.CreateObject is null && info.ConstructorAttributeProvider is null)
        {
            throw new NotSupportedException($"{name} has no constructor System.Text.Json can use to create it from an argument.");
        }

        owners[name] = t;
        var properties = new JsonObject();
        var required = new JsonArray();
        var schema = new JsonObject
        {
            ["$id"] = name,
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = required,
            ["additionalProperties"] = false,
        };
        components[name] = schema; // before the properties, so that recursive types refer to it
        foreach (var property in info.Properties)
        {
            try
            {
                properties[property.Name] = Describe(property.PropertyType, forReading);
            }
            catch (NotSupportedException ex)
            {
                throw new NotSupportedException($"property '{property.Name}' of {name}: {ex.Message}", ex);
            }

            if (property.IsRequired || property.AssociatedParameter is { HasDefaultValue: false })
            {
                required.Add(property.Name);
            }
        }

        return Reference(name);
    }

    private static JsonObject Reference(string name) => new() { ["$ref"] = ComponentPrefix + name };

    /// <summary>A type as C# spells it, for messages: <c>HashSet&lt;String&gt;</c>, <c>Int64[]</c>.</summary>
    public static string DisplayName(Type t)
    {
        if (t.IsArray)
        {
            return DisplayName(t.GetElementType()!) + "[]";
        }

        if (!t.IsGenericType)
        {
            return t.Name;
        }

        var tick = t.Name.IndexOf('`', StringComparison.Ordinal);
        return $"{(tick < 0 ? t.Name : t.Name[..tick])}<{string.Join(", ", t.GetGenericArguments().Select(DisplayName))}>";
    }

    /// <summary>The schema name of a type: its name, generic arguments spelled out (<c>PageOfBill</c>).</summary>
    public static string Name(Type t)
    {
        if (!t.IsGenericType)
        {
            return t.IsArray ? Name(t.GetElementType()!) + "Array" : t.Name;
        }

        var tick = t.Name.IndexOf('`', StringComparison.Ordinal);
        var root = tick < 0 ? t.Name : t.Name[..tick];
        return root + "Of" + string.Join("And", t.GetGenericArguments().Select(Name));
    }
}
