using System.Text.Json.Serialization;

namespace FabricFinance.Bills;

/// <summary>Whether a party may act.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PartyStatus>))]
public enum PartyStatus
{
    /// <summary>Admitted and acting. JSON <c>active</c>.</summary>
    [JsonStringEnumMemberName("active")]
    Active,

    /// <summary>Suspended by the exchange: may submit nothing. JSON <c>suspended</c>.</summary>
    [JsonStringEnumMemberName("suspended")]
    Suspended,
}
