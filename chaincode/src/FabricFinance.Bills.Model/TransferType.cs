using System.Text.Json.Serialization;

namespace FabricFinance.Bills;

/// <summary>How a bill changed hands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TransferType>))]
public enum TransferType
{
    /// <summary>The acceptor accepted the bill; it passed from drawer to payee. JSON <c>accept</c>.</summary>
    [JsonStringEnumMemberName("accept")]
    Accept,

    /// <summary>An enterprise endorsed it to another. JSON <c>endorse</c>.</summary>
    [JsonStringEnumMemberName("endorse")]
    Endorse,

    /// <summary>An enterprise sold it to a bank. JSON <c>discount</c>.</summary>
    [JsonStringEnumMemberName("discount")]
    Discount,

    /// <summary>A bank sold it to another bank. JSON <c>rediscount</c>.</summary>
    [JsonStringEnumMemberName("rediscount")]
    Rediscount,
}
