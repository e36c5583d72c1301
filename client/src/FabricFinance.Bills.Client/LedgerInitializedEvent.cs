namespace FabricFinance.Bills.Client;

/// <summary>
/// The ledger was initialized (<see cref="BillEvents.LedgerInitialized"/>): the exchange and the regulator are
/// registered.
/// </summary>
/// <param name="BlockNumber">The number of the block that holds the transaction.</param>
/// <param name="TransactionId">The transaction that emitted the event.</param>
/// <param name="Config">The ledger configuration <c>InitLedger</c> stored.</param>
public sealed record LedgerInitializedEvent(ulong BlockNumber, string TransactionId, LedgerConfig Config)
    : BillMarketEvent(BillEvents.LedgerInitialized, BlockNumber, TransactionId);
