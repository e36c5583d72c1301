using FabricFinance.Bills;
using FabricFinance.Monitor.ReadModel;

namespace FabricFinance.Monitor.Storage;

/// <summary>
/// Everything one block changes in the read model, applied by <see cref="IMonitorStore.ApplyBlockAsync"/> in one
/// database transaction together with the checkpoint. A block with no bill transaction (a configuration block, other
/// chaincodes) is empty and still moves the checkpoint.
/// </summary>
/// <param name="BlockNumber">The block.</param>
/// <param name="Parties">Parties as the block left them (new or changed).</param>
/// <param name="Bills">Bills as the block left them.</param>
/// <param name="Deals">Deals as the block left them, with the terms it wrote.</param>
/// <param name="Pricing">The rates of the deals whose terms the monitor read for the first time in this block.</param>
/// <param name="Activities">One activity per transaction and bill touched, in ledger order.</param>
/// <param name="Alerts">The alerts the rules raised on those activities, numbered on from the store's last one.</param>
public sealed record BlockChanges(
    long BlockNumber,
    IReadOnlyList<Party> Parties,
    IReadOnlyList<Bill> Bills,
    IReadOnlyList<DealChange> Deals,
    IReadOnlyList<DealPricing> Pricing,
    IReadOnlyList<BillActivity> Activities,
    IReadOnlyList<MarketAlert> Alerts)
{
    /// <summary>Creates the changes of a block that touched nothing the monitor follows.</summary>
    /// <param name="blockNumber">The block.</param>
    /// <returns>Changes that only move the checkpoint.</returns>
    public static BlockChanges Empty(long blockNumber) => new(blockNumber, [], [], [], [], [], []);
}
