namespace FabricFinance.Bills.Client;

/// <summary>
/// A bill changed: <see cref="BillEvents.BillIssued"/>, <see cref="BillEvents.BillAccepted"/>,
/// <see cref="BillEvents.BillCancelled"/>, <see cref="BillEvents.BillEndorsed"/>, <see cref="BillEvents.BillPresented"/>,
/// <see cref="BillEvents.BillPaid"/>, <see cref="BillEvents.BillDishonored"/>, <see cref="BillEvents.BillFrozen"/> or
/// <see cref="BillEvents.BillUnfrozen"/>.
/// </summary>
/// <param name="EventName">The event name.</param>
/// <param name="BlockNumber">The number of the block that holds the transaction.</param>
/// <param name="TransactionId">The transaction that emitted the event.</param>
/// <param name="Bill">The bill as the transaction left it (for a split, the part that moved, <c>{id}.1</c>).</param>
public sealed record BillEvent(string EventName, ulong BlockNumber, string TransactionId, Bill Bill)
    : BillMarketEvent(EventName, BlockNumber, TransactionId);
