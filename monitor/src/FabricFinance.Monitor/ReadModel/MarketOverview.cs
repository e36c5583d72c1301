using FabricFinance.Bills;

namespace FabricFinance.Monitor.ReadModel;

/// <summary>The market at a glance.</summary>
/// <param name="LastBlock">The last block the read model includes; null before the first.</param>
/// <param name="Parties">How many parties are registered.</param>
/// <param name="BillsByStatus">How many bills are in each status, in <see cref="BillStatus"/> order; statuses with no
/// bill are left out.</param>
/// <param name="Deals">How many deals there are.</param>
/// <param name="Alerts">How many alerts have been raised.</param>
public sealed record MarketOverview(
    long? LastBlock, int Parties, IReadOnlyList<StatusCount> BillsByStatus, int Deals, long Alerts);

/// <summary>How many bills are in one status.</summary>
/// <param name="Status">The status.</param>
/// <param name="Count">The number of bills.</param>
public sealed record StatusCount(BillStatus Status, int Count);
