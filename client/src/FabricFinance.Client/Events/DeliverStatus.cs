namespace FabricFinance.Client.Events;

/// <summary>
/// The status a peer's Deliver service sends to end a block event stream (Fabric's <c>common.Status</c>, modelled on
/// HTTP status codes).
/// </summary>
/// <remarks>Values a newer peer may send that are not listed here are kept as their numbers.</remarks>
public enum DeliverStatus
{
    /// <summary>No status was given.</summary>
    Unknown = 0,

    /// <summary>Every requested block was delivered.</summary>
    Success = 200,

    /// <summary>The request was malformed, for example its timestamp was too far from the peer's clock or its signature did not verify.</summary>
    BadRequest = 400,

    /// <summary>The client identity may not read blocks, or private data, on the channel.</summary>
    Forbidden = 403,

    /// <summary>The peer has not joined the channel, or the start block is beyond the ledger's height.</summary>
    NotFound = 404,

    /// <summary>The request was too large.</summary>
    RequestEntityTooLarge = 413,

    /// <summary>The peer failed while delivering.</summary>
    InternalServerError = 500,

    /// <summary>The request is not supported.</summary>
    NotImplemented = 501,

    /// <summary>The service is temporarily unable to deliver; retrying later may succeed.</summary>
    ServiceUnavailable = 503,
}
