namespace FabricFinance.Bills.Client;

/// <summary>
/// An event whose name this client does not know, for example from a newer contract. It is delivered rather than
/// dropped, with its payload as it came.
/// </summary>
/// <param name="EventName">The event name.</param>
/// <param name="BlockNumber">The number of the block that holds the transaction.</param>
/// <param name="TransactionId">The transaction that emitted the event.</param>
/// <param name="Payload">The event's payload, undecoded.</param>
public sealed record UnknownBillMarketEvent(string EventName, ulong BlockNumber, string TransactionId, ReadOnlyMemory<byte> Payload)
    : BillMarketEvent(EventName, BlockNumber, TransactionId);
