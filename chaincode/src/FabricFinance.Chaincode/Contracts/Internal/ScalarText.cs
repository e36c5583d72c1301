using System.Collections.Frozen;
using System.Globalization;
using System.Numerics;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace FabricFinance.Chaincode.Contracts.Internal;

/// <summary>
/// The scalar types a transaction argument or result can be as plain text (not JSON): strings,
/// raw bytes, booleans, integers, enums by name, dates and GUIDs. Readers and writers are built once
/// per type; calling them involves no reflection.
/// </summary>
internal static class ScalarText
{
    private const int QuotedLength = 64;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly FrozenDictionary<Type, string> IntegerKeywords = new Dictionary<Type, string>
    {
        [typeof(sbyte)] = "sbyte",
        [typeof(byte)] = "byte",
        [typeof(short)] = "short",
        [typeof(ushort)] = "ushort",
        [typeof(int)] = "int",
        [typeof(uint)] = "uint",
        [typeof(long)] = "long",
        [typeof(ulong)] = "ulong",
    }.ToFrozenDictionary();

    /// <summary>Gets a value indicating whether the type (or the type of a nullable) is read and written as text.</summary>
    public static bool IsScalar(Type type, bool asResult)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) || t == typeof(byte[]) || t == typeof(bool) || t == typeof(DateOnly) || t == typeof(Guid)
            || t.IsEnum || IntegerKeywords.ContainsKey(t) || (asResult && t == typeof(ReadOnlyMemory<byte>));
    }

    /// <summary>Gets a value indicating whether the type is one of the integer types the router binds.</summary>
    public static bool IsInteger(Type type) => IntegerKeywords.ContainsKey(type);

    /// <summary>
    /// The text names of an enum's members, in the order of their values: the name given by
    /// <see cref="JsonStringEnumMemberNameAttribute"/> where there is one (as System.Text.Json writes
    /// it inside JSON), otherwise the member name.
    /// </summary>
    public static IReadOnlyList<(string Name, object Value)> EnumNames(Type enumType)
    {
        var names = new List<(string Name, object Value)>();
        foreach (var member in Enum.GetNames(enumType))
        {
            var field = enumType.GetField(member, BindingFlags.Public | BindingFlags.Static)!;
            var name = field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? member;
            names.Add((name, field.GetValue(null)!));
        }

        return names;
    }

    /// <summary>Decodes strict UTF-8.</summary>
    /// <exception cref="FormatException">The bytes are not valid UTF-8.</exception>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new FormatException("is not valid UTF-8");
        }
    }

    /// <summary>Quotes a value for an error message, shortened when long.</summary>
    public static string Quote(string value)
    {
        if (value.Length <= QuotedLength)
        {
            return $"'{value}'";
        }

        var cut = char.IsHighSurrogate(value[QuotedLength - 4]) ? QuotedLength - 4 : QuotedLength - 3;
        return $"'{value[..cut]}...'";
    }

    /// <summary>Describes a scalar type as a JSON schema.</summary>
    public static JsonObject Describe(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string))
        {
            return new JsonObject { ["type"] = "string" };
        }

        if (t == typeof(byte[]) || t == typeof(ReadOnlyMemory<byte>))
        {
            return new JsonObject { ["type"] = "string", ["format"] = "binary" };
        }

        if (t == typeof(bool))
        {
            return new JsonObject { ["type"] = "boolean" };
        }

        if (t == typeof(DateOnly))
        {
            return new JsonObject { ["type"] = "string", ["format"] = "date" };
        }

        if (t == typeof(Guid))
        {
            return new JsonObject { ["type"] = "string", ["format"] = "uuid" };
        }

        if (t.IsEnum)
        {
            return new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. EnumNames(t).Select(n => (JsonNode)n.Name)]) };
        }

        return DescribeInteger(t);
    }

    /// <summary>Describes an integer type: <c>integer</c> with its range.</summary>
    public static JsonObject DescribeInteger(Type type)
    {
        var schema = new JsonObject { ["type"] = "integer" };
        if (type == typeof(int))
        {
            schema["format"] = "int32";
        }
        else if (type == typeof(long))
        {
            schema["format"] = "int64";
        }

        var (min, max) = Range(type);
        schema["minimum"] = min;
        schema["maximum"] = max;
        return schema;
    }

    /// <summary>Builds the reader of a scalar type: a <c>Func&lt;ReadOnlyMemory&lt;byte&gt;, T&gt;</c>.</summary>
    public static Func<ReadOnlyMemory<byte>, T> CreateReader<T>() => (Func<ReadOnlyMemory<byte>, T>)CreateReader(typeof(T));

    /// <summary>Builds the writer of a scalar type: a <c>Func&lt;T, byte[]&gt;</c>.</summary>
    public static Func<T, byte[]> CreateWriter<T>() => (Func<T, byte[]>)CreateWriter(typeof(T));

    private static Delegate CreateReader(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Generic(nameof(NullableReader), underlying, CreateReader(underlying));
        }

        if (type == typeof(string))
        {
            return (Func<ReadOnlyMemory<byte>, string>)(argument => Decode(argument.Span));
        }

        if (type == typeof(byte[]))
        {
            return (Func<ReadOnlyMemory<byte>, byte[]>)(argument => argument.ToArray());
        }

        if (type == typeof(bool))
        {
            return (Func<ReadOnlyMemory<byte>, bool>)ReadBoolean;
        }

        if (type == typeof(DateOnly))
        {
            return (Func<ReadOnlyMemory<byte>, DateOnly>)ReadDate;
        }

        if (type == typeof(Guid))
        {
            return (Func<ReadOnlyMemory<byte>, Guid>)ReadGuid;
        }

        return type.IsEnum ? Generic(nameof(EnumReader), type) : Generic(nameof(IntegerReader), type);
    }

    private static Delegate CreateWriter(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Generic(nameof(NullableWriter), underlying, CreateWriter(underlying));
        }

        if (type == typeof(string))
        {
            return (Func<string?, byte[]>)(value => value is null ? [] : Encoding.UTF8.GetBytes(value));
        }

        if (type == typeof(byte[]))
        {
            return (Func<byte[]?, byte[]>)(value => value ?? []);
        }

        if (type == typeof(ReadOnlyMemory<byte>))
        {
            return (Func<ReadOnlyMemory<byte>, byte[]>)(value => value.ToArray());
        }

        if (type == typeof(bool))
        {
            return (Func<bool, byte[]>)(value => value ? "true"u8.ToArray() : "false"u8.ToArray());
        }

        if (type == typeof(DateOnly))
        {
            return (Func<DateOnly, byte[]>)(value => Encoding.UTF8.GetBytes(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (type == typeof(Guid))
        {
            return (Func<Guid, byte[]>)(value => Encoding.UTF8.GetBytes(value.ToString("D", CultureInfo.InvariantCulture)));
        }

        return type.IsEnum ? Generic(nameof(EnumWriter), type) : Generic(nameof(IntegerWriter), type);
    }

    private static Delegate Generic(string method, Type type, params object[] arguments) =>
        (Delegate)typeof(ScalarText).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(type)
            .Invoke(null, arguments)!;

    private static bool ReadBoolean(ReadOnlyMemory<byte> argument) => Decode(argument.Span) switch
    {
        "true" => true,
        "false" => false,
        var text => throw new FormatException($"{Quote(text)} is not a boolean (true or false)"),
    };

    private static DateOnly ReadDate(ReadOnlyMemory<byte> argument)
    {
        var text = Decode(argument.Span);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException($"{Quote(text)} is not a date (YYYY-MM-DD)");
    }

    private static Guid ReadGuid(ReadOnlyMemory<byte> argument)
    {
        var text = Decode(argument.Span);
        return Guid.TryParseExact(text, "D", out var guid)
            ? guid
            : throw new FormatException($"{Quote(text)} is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)");
    }

    private static Func<ReadOnlyMemory<byte>, T?> NullableReader<T>(Func<ReadOnlyMemory<byte>, T> read)
        where T : struct => argument => read(argument);

    private static Func<T?, byte[]> NullableWriter<T>(Func<T, byte[]> write)
        where T : struct => value => value is { } v ? write(v) : [];

    private static Func<ReadOnlyMemory<byte>, T> IntegerReader<T>()
        where T : IBinaryInteger<T>, IMinMaxValue<T>
    {
        var keyword = IntegerKeywords[typeof(T)];
        return argument =>
        {
            var text = Decode(argument.Span);

            // LooksLikeInteger first: .NET's parser also accepts trailing NUL characters ("100\0").
            if (LooksLikeInteger(text) && T.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            throw new FormatException(LooksLikeInteger(text)
                ? string.Create(CultureInfo.InvariantCulture, $"{Quote(text)} is out of range for {keyword} ({T.MinValue} to {T.MaxValue})")
                : $"{Quote(text)} is not an integer");
        };
    }

    private static Func<T, byte[]> IntegerWriter<T>()
        where T : IBinaryInteger<T> => value => Encoding.UTF8.GetBytes(value.ToString(null, CultureInfo.InvariantCulture));

    private static Func<ReadOnlyMemory<byte>, T> EnumReader<T>()
        where T : struct, Enum
    {
        var names = EnumNames(typeof(T));
        var byName = names.Select(n => KeyValuePair.Create(n.Name, (T)n.Value)).ToFrozenDictionary(StringComparer.Ordinal);
        var expected = string.Join(", ", names.Select(n => n.Name));
        return argument =>
        {
            var text = Decode(argument.Span);
            return byName.TryGetValue(text, out var value)
                ? value
                : throw new FormatException($"{Quote(text)} is not one of {expected}");
        };
    }

    private static Func<T, byte[]> EnumWriter<T>()
        where T : struct, Enum
    {
        var byValue = new Dictionary<T, byte[]>();
        foreach (var (name, value) in EnumNames(typeof(T)))
        {
            byValue.TryAdd((T)value, Encoding.UTF8.GetBytes(name)); // of aliases, the first name wins
        }

        var names = byValue.ToFrozenDictionary();
        return value => names.TryGetValue(value, out var name)
            ? (byte[])name.Clone()
            : throw new NotSupportedException($"{value} is not a named value of {typeof(T).Name}; only named values can be returned.");
    }

    private static bool LooksLikeInteger(string text)
    {
        var digits = text.AsSpan(text.StartsWith('-') || text.StartsWith('+') ? 1 : 0);
        return !digits.IsEmpty && !digits.ContainsAnyExceptInRange('0', '9');
    }

    private static (JsonNode Min, JsonNode Max) Range(Type type) => type switch
    {
        _ when type == typeof(sbyte) => (sbyte.MinValue, sbyte.MaxValue),
        _ when type == typeof(byte) => (byte.MinValue, byte.MaxValue),
        _ when type == typeof(short) => (short.MinValue, short.MaxValue),
        _ when type == typeof(ushort) => (ushort.MinValue, ushort.MaxValue),
        _ when type == typeof(int) => (int.MinValue, int.MaxValue),
        _ when type == typeof(uint) => (uint.MinValue, uint.MaxValue),
        _ when type == typeof(long) => (long.MinValue, long.MaxValue),
        _ => (ulong.MinValue, ulong.MaxValue),
    };
}
