namespace FabricFinance.Monitor.Ledger;

/// <summary>A block as the monitor reads it: its number and the followed chaincode's transactions in it.</summary>
/// <param name="Number">The block number.</param>
/// <param name="Transactions">The followed chaincode's transactions, in block order; empty for a configuration block or
/// a block of other chaincodes only.</param>
public sealed record DecodedBlock(long Number, IReadOnlyList<ChaincodeTransaction> Transactions);
