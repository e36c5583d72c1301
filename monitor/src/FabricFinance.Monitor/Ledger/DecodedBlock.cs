namespace FabricFinance.Monitor.Ledger;

/// <summary>A block as the monitor reads it: its number, its place in the chain and the followed chaincode's transactions in it.</summary>
/// <param name="Number">The block number.</param>
/// <param name="PreviousHash">The header hash of the block before it, as its header records it; empty for block 0.</param>
/// <param name="HeaderHash">The hash of its own header, as Fabric computes it (what the next block records as its
/// previous hash).</param>
/// <param name="Transactions">The followed chaincode's transactions, in block order; empty for a configuration block or
/// a block of other chaincodes only.</param>
public sealed record DecodedBlock(
    long Number, ReadOnlyMemory<byte> PreviousHash, ReadOnlyMemory<byte> HeaderHash, IReadOnlyList<ChaincodeTransaction> Transactions);
