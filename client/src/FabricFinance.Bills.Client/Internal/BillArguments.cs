using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FabricFinance.Bills.Client.Internal;

/// <summary>Writes transaction arguments as the rulebook wants them: JSON objects and decimal integer strings.</summary>
internal static class BillArguments
{
    /// <summary>
    /// The model's JSON options, leaving out members that are <see langword="null"/>: an optional member of a request
    /// (<c>amount?</c>, <c>subject?</c>, the filter's criteria) is absent rather than <c>null</c>.
    /// </summary>
    private static readonly JsonSerializerOptions RequestOptions = CreateRequestOptions();

    /// <summary>Writes one JSON argument.</summary>
    public static string Json<T>(T value) => JsonSerializer.Serialize(value, RequestOptions);

    /// <summary>Writes a JSON value as UTF-8 bytes, for transient data.</summary>
    public static byte[] JsonBytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, RequestOptions);

    /// <summary>Writes a number passed as its own argument: a decimal integer string.</summary>
    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes a date as <c>YYYY-MM-DD</c>.</summary>
    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static JsonSerializerOptions CreateRequestOptions()
    {
        var options = new JsonSerializerOptions(BillJson.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
