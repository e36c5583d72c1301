using System.Text.Json.Serialization;

namespace FabricFinance.Bills;

/// <summary>Where a bill is in its life; JSON uses the member names as they are.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BillStatus>))]
public enum BillStatus
{
    /// <summary>Issued, waiting for the acceptor.</summary>
    PendingAcceptance,

    /// <summary>Accepted and free to move.</summary>
    Active,

    /// <summary>Locked in an open discount or rediscount deal.</summary>
    InDeal,

    /// <summary>Presented to the acceptor for payment at or after maturity.</summary>
    Presented,

    /// <summary>Paid by the acceptor (final).</summary>
    Paid,

    /// <summary>Cancelled by the drawer or refused by the acceptor before acceptance (final).</summary>
    Cancelled,

    /// <summary>Refused payment by the acceptor (final).</summary>
    Dishonored,

    /// <summary>Frozen by the exchange; unfreezing restores the status it had.</summary>
    Frozen,

    /// <summary>Split into two sub-bills by a partial endorsement or deal (final).</summary>
    Split,
}
