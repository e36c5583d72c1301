using System.Text.Json.Serialization;

namespace FabricFinance.Bills;

/// <summary>Where a deal is; JSON uses the member names as they are.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DealStatus>))]
public enum DealStatus
{
    /// <summary>Proposed by the seller; the bill is locked.</summary>
    Requested,

    /// <summary>Accepted by the buyer, terms computed; waiting for the exchange to settle.</summary>
    Accepted,

    /// <summary>Settled: the buyer holds the bill (final).</summary>
    Settled,

    /// <summary>Rejected by the buyer (final).</summary>
    Rejected,

    /// <summary>Cancelled by the seller (final).</summary>
    Cancelled,

    /// <summary>Expired more than three days after its request (final).</summary>
    Expired,
}
