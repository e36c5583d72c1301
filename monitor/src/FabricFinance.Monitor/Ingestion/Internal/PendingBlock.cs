using FabricFinance.Bills;
using FabricFinance.Monitor.ReadModel;
using FabricFinance.Monitor.Rules;
using FabricFinance.Monitor.Storage;

namespace FabricFinance.Monitor.Ingestion.Internal;

/// <summary>
/// The read model while one block is projected: the store as it was before the block, overlaid with what the block's
/// earlier transactions changed. The rules read it as their <see cref="IRuleContext"/>, so they see each activity
/// (and the activities before it in the same block) before the block is stored.
/// </summary>
internal sealed class PendingBlock(IMonitorStore store, IReadOnlyList<Party> storedParties) : IRuleContext
{
    private readonly Dictionary<string, Party> _parties = storedParties.ToDictionary(p => p.Id, StringComparer.Ordinal);
    private readonly List<BillActivity> _activities = [];
    private readonly List<DealPricing> _pricing = [];

    public Dictionary<string, Party> ChangedParties { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Bill> ChangedBills { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, DealChange> ChangedDeals { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<BillActivity> Activities => _activities;

    public IReadOnlyList<DealPricing> Pricing => _pricing;

    public void PutParty(Party party)
    {
        _parties[party.Id] = party;
        ChangedParties[party.Id] = party;
    }

    /// <summary>The party an identity acts for: the one registered with its exact subject, else its organization's.</summary>
    public string? ResolveParty(string mspId, string subject)
    {
        string? organizationWide = null;
        foreach (var party in _parties.Values.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            if (party.MspId != mspId)
            {
                continue;
            }

            if (party.Subject is not null && subject.Length > 0 && party.Subject == subject)
            {
                return party.Id;
            }

            if (party.Subject is null)
            {
                organizationWide ??= party.Id;
            }
        }

        return organizationWide;
    }

    public async Task<Bill?> GetBillAsync(string billId, CancellationToken cancellationToken) =>
        ChangedBills.TryGetValue(billId, out var bill) ? bill : await store.GetBillAsync(billId, cancellationToken).ConfigureAwait(false);

    public async Task<DealChange?> GetDealAsync(string dealId, CancellationToken cancellationToken) =>
        ChangedDeals.TryGetValue(dealId, out var deal) ? deal : await store.GetDealAsync(dealId, cancellationToken).ConfigureAwait(false);

    public bool HasPendingPricing(string dealId) => _pricing.Exists(p => p.DealId == dealId);

    public void AddActivity(BillActivity activity) => _activities.Add(activity);

    public void AddPricing(DealPricing pricing) => _pricing.Add(pricing);

    public async ValueTask<IReadOnlyList<BillActivity>> GetBillActivitiesAsync(string billId, CancellationToken cancellationToken)
    {
        var stored = await store.GetBillActivitiesAsync(billId, cancellationToken).ConfigureAwait(false);
        var pending = _activities.Where(a => a.BillId == billId).ToList();
        return pending.Count == 0 ? stored : [.. stored, .. pending];
    }

    public async ValueTask<IReadOnlyList<DealPricing>> GetPricingOnAsync(DateOnly businessDay, CancellationToken cancellationToken)
    {
        var stored = await store.GetPricingOnAsync(businessDay, cancellationToken).ConfigureAwait(false);
        var pending = _pricing.Where(p => p.BusinessDay == businessDay).ToList();
        return pending.Count == 0 ? stored : [.. stored, .. pending];
    }
}
