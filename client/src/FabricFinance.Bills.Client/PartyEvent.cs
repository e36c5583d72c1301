namespace FabricFinance.Bills.Client;

/// <summary>
/// A party was registered (<see cref="BillEvents.PartyRegistered"/>) or its status changed (<see
/// cref="BillEvents.PartyStatusChanged"/>).
/// </summary>
/// <param name="EventName">The event name.</param>
/// <param name="BlockNumber">The number of the block that holds the transaction.</param>
/// <param name="TransactionId">The transaction that emitted the event.</param>
/// <param name="Party">The party as the transaction left it.</param>
public sealed record PartyEvent(string EventName, ulong BlockNumber, string TransactionId, Party Party)
    : BillMarketEvent(EventName, BlockNumber, TransactionId);
