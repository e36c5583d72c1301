namespace FabricFinance.Bills.Client;

/// <summary>
/// The outcome of a bill market transaction committed as valid: the record it returned (the changed bill, the public
/// deal record, the party, or the ledger configuration), and where the ledger holds the transaction.
/// </summary>
/// <typeparam name="T">The record type the transaction returns.</typeparam>
/// <param name="Value">The record, exactly as the contract returned it and as its chaincode event carried it.</param>
/// <param name="TransactionId">The Fabric transaction id.</param>
/// <param name="BlockNumber">The number of the block that holds the transaction.</param>
public sealed record Committed<T>(T Value, string TransactionId, ulong BlockNumber);
