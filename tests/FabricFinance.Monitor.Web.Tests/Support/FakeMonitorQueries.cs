using FabricFinance.Bills;
using FabricFinance.Monitor.ReadModel;

namespace FabricFinance.Monitor.Web.Tests.Support;

/// <summary>The read model over a <see cref="SampleMarket"/>, filtering and paging as the contract says.</summary>
public sealed class FakeMonitorQueries(SampleMarket market, FakeAlertFeed feed) : IMonitorQueries
{
    /// <inheritdoc/>
    public Task<MarketOverview> GetOverviewAsync(CancellationToken cancellationToken)
    {
        var counts = market.Bills
            .GroupBy(b => b.Status)
            .OrderBy(g => g.Key)
            .Select(g => new StatusCount(g.Key, g.Count()))
            .ToList();
        return Task.FromResult(new MarketOverview(SampleMarket.LastBlock, market.Parties.Count, counts, market.Deals.Count, feed.Alerts.Count));
    }

    /// <inheritdoc/>
    public Task<BillListPage> QueryBillsAsync(BillQuery query, CancellationToken cancellationToken)
    {
        var matching = market.Bills
            .Where(b => query.Status is null || b.Status == query.Status)
            .Where(b => query.Holder is null || b.Holder == query.Holder)
            .Where(b => query.DueFrom is null || b.DueDate >= query.DueFrom)
            .Where(b => query.DueTo is null || b.DueDate <= query.DueTo)
            .OrderBy(b => b.DueDate)
            .ThenBy(b => b.Id, StringComparer.Ordinal)
            .ToList();
        var page = matching.Skip(query.Offset).Take(query.Limit).ToList();
        return Task.FromResult(new BillListPage(page, matching.Count, query.Offset, query.Limit));
    }

    /// <inheritdoc/>
    public Task<BillTimeline?> GetBillTimelineAsync(string billId, CancellationToken cancellationToken)
    {
        var bill = market.Bills.FirstOrDefault(b => b.Id == billId);
        if (bill is null)
        {
            return Task.FromResult<BillTimeline?>(null);
        }

        var activities = market.Activities.Where(a => a.BillId == billId).ToList();
        var deals = market.Deals.Where(d => d.Deal.BillId == billId).ToList();
        var alerts = feed.Alerts.Where(a => a.BillId == billId).ToList();
        return Task.FromResult<BillTimeline?>(new BillTimeline(bill, activities, deals, alerts));
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<DealView>> QueryDealsAsync(DealQuery query, CancellationToken cancellationToken)
    {
        IReadOnlyList<DealView> deals = market.Deals
            .Where(d => query.BillId is null || d.Deal.BillId == query.BillId)
            .Where(d => query.Status is null || d.Deal.Status == query.Status)
            .Reverse()
            .Skip(query.Offset)
            .Take(query.Limit)
            .ToList();
        return Task.FromResult(deals);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<MarketAlert>> GetAlertsAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        IReadOnlyList<MarketAlert> alerts = feed.Alerts.Where(a => a.Sequence > afterSequence).Take(limit).ToList();
        return Task.FromResult(alerts);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<Party>> GetPartiesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Party>>([.. market.Parties.OrderBy(p => p.Id, StringComparer.Ordinal)]);
}
