using FabricFinance.Monitor.ReadModel;
using FabricFinance.Monitor.Rules;

namespace FabricFinance.Monitor.Tests.Rules.Support;

/// <summary>The read model as the rules see it, kept in memory: activities are appended in ledger order.</summary>
internal sealed class InMemoryRuleContext : IRuleContext
{
    private readonly List<BillActivity> _activities = [];
    private readonly List<DealPricing> _pricing = [];

    /// <summary>
    /// Adds the next activity. Like the monitor's projector, the first activity that shows a deal's terms also adds the
    /// deal's pricing, filed under the deal's request date.
    /// </summary>
    public void Append(BillActivity activity)
    {
        _activities.Add(activity);
        if (activity is { IsValid: true, Deal: { } deal, Terms: { } terms } && deal.BillId == activity.BillId
            && !_pricing.Exists(p => p.DealId == deal.Id))
        {
            _pricing.Add(new DealPricing(
                deal.Id, deal.BillId, deal.Kind, deal.RequestDate ?? activity.BusinessDay, terms.RateBps, activity.BlockNumber,
                activity.TransactionIndex));
        }
    }

    public ValueTask<IReadOnlyList<BillActivity>> GetBillActivitiesAsync(string billId, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<BillActivity>>([.. _activities.Where(a => a.BillId == billId)]);

    public ValueTask<IReadOnlyList<DealPricing>> GetPricingOnAsync(DateOnly businessDay, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<DealPricing>>([.. _pricing.Where(p => p.BusinessDay == businessDay)]);
}
