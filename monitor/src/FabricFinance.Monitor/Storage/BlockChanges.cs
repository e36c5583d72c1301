using FabricFinance.Bills;
using FabricFinance.Monitor.ReadModel;

namespace FabricFinance.Monitor.Storage;

/// <summary>
/// Everything one block changes in the read model, applied by <see cref="IMonitorStore.ApplyBlockAsync"/> in one
/// database transaction together with the checkpoint. A block with no bill transaction (a configuration block, other
/// chaincodes) is empty and still moves the checkpoint. The block's two hashes tie the read model to one chain: the
/// store refuses a block whose <paramref name="PreviousHash"/> is not the header hash stored with the checkpoint.
/// </summary>
/// <param name="BlockNumber">The block.</param>
/// <param name="PreviousHash">The previous hash in the block's header (the header hash of the block before it); empty
/// for block 0.</param>
/// <param name="HeaderHash">The hash of the block's own header (see <c>LedgerBlock.ComputeHeaderHash</c>), stored with
/// the checkpoint.</param>
/// <param name="Parties">Parties as the block left them (new or changed).</param>
/// <param name="Bills">Bills as the block left them.</param>
/// <param name="Deals">Deals as the block left them, with the terms it wrote.</param>
/// <param name="Pricing">The rates of the deals whose terms the monitor read for the first time in this block.</param>
/// <param name="Activities">One activity per transaction and bill touched, in ledger order.</param>
/// <param name="Alerts">The alerts the rules raised on those activities, numbered on from the store's last one.</param>
public sealed record BlockChanges(
    long BlockNumber,
    ReadOnlyMemory<byte> PreviousHash,
    ReadOnlyMemory<byte> HeaderHash,
    IReadOnlyList<Party> Parties,
    IReadOnlyList<Bill> Bills,
    IReadOnlyList<DealChange> Deals,
    IReadOnlyList<DealPricing> Pricing,
    IReadOnlyList<BillActivity> Activities,
    IReadOnlyList<MarketAlert> Alerts)
{
    /// <summary>Creates the changes of a block that touched nothing the monitor follows.</summary>
    /// <param name="blockNumber">The block.</param>
    /// <param name="previousHash">The previous hash in the block's header; empty for block 0.</param>
    /// <param name="headerHash">The hash of the block's header.</param>
    /// <returns>Changes that only move the checkpoint.</returns>
    public static BlockChanges Empty(long blockNumber, ReadOnlyMemory<byte> previousHash, ReadOnlyMemory<byte> headerHash) =>
        new(blockNumber, previousHash, headerHash, [], [], [], [], [], []);
}
