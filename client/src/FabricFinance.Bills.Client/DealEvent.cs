namespace FabricFinance.Bills.Client;

/// <summary>
/// A deal changed: <see cref="BillEvents.DealRequested"/>, <see cref="BillEvents.DealAccepted"/>,
/// <see cref="BillEvents.DealSettled"/> or <see cref="BillEvents.DealClosed"/> (rejected, cancelled or expired; see
/// <see cref="Deal.Status"/>). Only the public record travels: never the terms.
/// </summary>
/// <param name="EventName">The event name.</param>
/// <param name="BlockNumber">The number of the block that holds the transaction.</param>
/// <param name="TransactionId">The transaction that emitted the event.</param>
/// <param name="Deal">The public deal record as the transaction left it.</param>
public sealed record DealEvent(string EventName, ulong BlockNumber, string TransactionId, Deal Deal)
    : BillMarketEvent(EventName, BlockNumber, TransactionId);
