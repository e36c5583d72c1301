using System.Text.Json.Serialization;

namespace FabricFinance.Bills;

/// <summary>Which sale a deal is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DealKind>))]
public enum DealKind
{
    /// <summary>An enterprise holder sells the bill to a bank. JSON <c>discount</c>.</summary>
    [JsonStringEnumMemberName("discount")]
    Discount,

    /// <summary>A bank holder sells the bill to another bank. JSON <c>rediscount</c>.</summary>
    [JsonStringEnumMemberName("rediscount")]
    Rediscount,
}
