using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace FabricFinance.Chaincode.Contracts.Internal;

/// <summary>
/// Words a System.Text.Json failure for the client: where in the argument (the JSON path) and what
/// was expected there, without .NET type names or byte positions.
/// </summary>
internal static partial class JsonArgumentErrors
{
    private const string ConversionFailure = "The JSON value could not be converted to ";

    public static string Describe(JsonException exception, Type root, JsonSerializerOptions options)
    {
        var path = exception.Path ?? "$";
        var message = exception.Message;
        if (message.StartsWith(ConversionFailure, StringComparison.Ordinal) && Resolve(root, path, options) is { } expected)
        {
            return $"{path} must be {Expectation(expected, options)}";
        }

        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }

        message = cut < 0 ? message : message[..cut];
        message = message.Replace(" Consider updating its nullability annotation.", string.Empty, StringComparison.Ordinal);
        return $"{path}: {QualifiedName().Replace(message, "'$1'")}";
    }

    /// <summary>A quoted, namespace-qualified .NET type name; the client needs only the last part.</summary>
    [GeneratedRegex(@"'(?:[A-Za-z_][A-Za-z0-9_`]*[.+])+([A-Za-z_][A-Za-z0-9_`]*)'", RegexOptions.CultureInvariant)]
    private static partial Regex QualifiedName();

    /// <summary>Finds the type at a JSON path such as <c>$.lines[0].quantity</c>, or <see langword="null"/>.</summary>
    private static Type? Resolve(Type root, string path, JsonSerializerOptions options)
    {
        var type = root;
        var rest = path.AsSpan(1);
        while (!rest.IsEmpty)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (rest[0] == '[')
            {
                var close = rest.IndexOf(']');
                if (close < 0)
                {
                    return null;
                }

                var inside = rest[1..close];
                type = inside.StartsWith("'")
                    ? (OrdinalDictionaryConverterFactory.IsSupported(type) ? type.GetGenericArguments()[1] : null)
                    : options.GetTypeInfo(type).ElementType;
                rest = rest[(close + 1)..];
            }
            else if (rest[0] == '.')
            {
                var end = rest[1..].IndexOfAny('.', '[');
                var name = (end < 0 ? rest[1..] : rest[1..(end + 1)]).ToString();
                rest = end < 0 ? [] : rest[(end + 1)..];
                type = OrdinalDictionaryConverterFactory.IsSupported(type)
                    ? type.GetGenericArguments()[1]
                    : options.GetTypeInfo(type).Properties.FirstOrDefault(p => p.Name == name)?.PropertyType;
            }
            else
            {
                return null;
            }

            if (type is null)
            {
                return null;
            }
        }

        return type;
    }

    private static string Expectation(Type type, JsonSerializerOptions options)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string))
        {
            return "a string";
        }

        if (t == typeof(bool))
        {
            return "true or false";
        }

        if (ScalarText.IsInteger(t))
        {
            var schema = ScalarText.DescribeInteger(t);
            return string.Create(CultureInfo.InvariantCulture, $"an integer from {schema["minimum"]} to {schema["maximum"]}");
        }

        if (t.IsEnum)
        {
            return $"one of {string.Join(", ", ScalarText.EnumNames(t).Select(n => n.Name))}";
        }

        if (t == typeof(DateOnly))
        {
            return "a date (YYYY-MM-DD)";
        }

        if (t == typeof(DateTimeOffset))
        {
            return "a date and time (ISO 8601)";
        }

        if (t == typeof(Guid))
        {
            return "a GUID";
        }

        if (t == typeof(byte[]))
        {
            return "base64 text";
        }

        if (OrdinalDictionaryConverterFactory.IsSupported(t))
        {
            return "an object";
        }

        return options.GetTypeInfo(t).Kind == JsonTypeInfoKind.Enumerable ? "an array" : $"an object ({JsonSchemaBuilder.Name(t)})";
    }
}
