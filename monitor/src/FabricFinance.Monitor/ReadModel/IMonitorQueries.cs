using FabricFinance.Bills;

namespace FabricFinance.Monitor.ReadModel;

/// <summary>The read model as the web pages and the API see it. Every list comes in a stable order.</summary>
public interface IMonitorQueries
{
    /// <summary>Gets the market at a glance: how far the monitor has read, and how many bills are in each status.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The overview.</returns>
    Task<MarketOverview> GetOverviewAsync(CancellationToken cancellationToken);

    /// <summary>Gets one page of bills, filtered, ordered by due date then id.</summary>
    /// <param name="query">The filters and the page.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page, with the number of bills the filters match.</returns>
    Task<BillListPage> QueryBillsAsync(BillQuery query, CancellationToken cancellationToken);

    /// <summary>Gets one bill's life: the bill now, every transaction that touched it, its deals and its alerts.</summary>
    /// <param name="billId">The bill.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The timeline; null for a bill the ledger does not hold.</returns>
    Task<BillTimeline?> GetBillTimelineAsync(string billId, CancellationToken cancellationToken);

    /// <summary>Gets one page of deals with their terms, filtered, newest request first.</summary>
    /// <param name="query">The filters and the page.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The deals.</returns>
    Task<IReadOnlyList<DealView>> QueryDealsAsync(DealQuery query, CancellationToken cancellationToken);

    /// <summary>Gets alerts after a sequence number, oldest first.</summary>
    /// <param name="afterSequence">Only alerts with a greater <see cref="MarketAlert.Sequence"/>; 0 for all.</param>
    /// <param name="limit">At most this many (1–500).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The alerts.</returns>
    Task<IReadOnlyList<MarketAlert>> GetAlertsAsync(long afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>Gets every registered party, ordered by id.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The parties.</returns>
    Task<IReadOnlyList<Party>> GetPartiesAsync(CancellationToken cancellationToken);
}
