using System.Text.Json.Serialization;

namespace FabricFinance.Bills;

/// <summary>What a party is in the market; decides what it may do.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PartyKind>))]
public enum PartyKind
{
    /// <summary>The exchange: admits parties, settles deals, freezes bills. JSON <c>exchange</c>.</summary>
    [JsonStringEnumMemberName("exchange")]
    Exchange,

    /// <summary>A commercial bank: accepts bank bills, buys and sells bills. JSON <c>bank</c>.</summary>
    [JsonStringEnumMemberName("bank")]
    Bank,

    /// <summary>A company: issues, endorses and discounts bills. JSON <c>enterprise</c>.</summary>
    [JsonStringEnumMemberName("enterprise")]
    Enterprise,

    /// <summary>The regulator: reads everything, changes nothing. JSON <c>regulator</c>.</summary>
    [JsonStringEnumMemberName("regulator")]
    Regulator,
}
