using System.Globalization;
using FabricFinance.Bills;
using FabricFinance.Monitor.ReadModel;
using FabricFinance.Monitor.Rules.Internal;
using Microsoft.Extensions.Options;

namespace FabricFinance.Monitor.Rules;

/// <summary>
/// <c>request-cancel-churn</c> (notice): deals on one bill keep being requested and then withdrawn without a sale.
/// A deal counts once, when it first becomes Cancelled (always), Rejected (when
/// <see cref="RequestCancelChurnRuleOptions.CountRejected"/>) or Expired (when
/// <see cref="RequestCancelChurnRuleOptions.CountExpired"/>). "One bill" is the bill together with the bills it was
/// split from, because a partial deal splits the bill and deals the new part. Fires once per bill, on the deal that
/// makes the count reach <see cref="RequestCancelChurnRuleOptions.WithdrawnDealsThreshold"/>; the evidence is each
/// counted deal's request and withdrawal.
/// </summary>
/// <param name="options">The rule's options.</param>
public sealed class RequestCancelChurnRule(IOptions<RequestCancelChurnRuleOptions> options)
    : AlertRule<RequestCancelChurnRuleOptions>(RuleId, options)
{
    /// <summary>The rule's id.</summary>
    public const string RuleId = "request-cancel-churn";

    /// <summary>How far up the chain of parent bills the rule looks.</summary>
    private const int MaxAncestors = 64;

    /// <inheritdoc/>
    protected override async ValueTask<IReadOnlyList<AlertFinding>> EvaluateEnabledAsync(
        BillActivity activity, IRuleContext context, CancellationToken cancellationToken)
    {
        if (!activity.IsValid || activity.Deal is not { } deal || !Counts(deal.Status)
            || deal.BillId != activity.BillId)
        {
            return [];
        }

        var lineage = await GetLineageAsync(activity, context, cancellationToken).ConfigureAwait(false);

        // Each counted deal with the activity that first withdrew it, in ledger order, up to this activity.
        var withdrawals = new List<BillActivity>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in lineage)
        {
            if (a.IsValid && a.Deal is { } d && Counts(d.Status) && seen.Add(d.Id))
            {
                withdrawals.Add(a);
            }
        }

        var threshold = Options.WithdrawnDealsThreshold;
        if (withdrawals.Count != threshold || !RuleFacts.SameTransaction(withdrawals[^1], activity)
            || withdrawals[^1].Deal!.Id != deal.Id)
        {
            return [];
        }

        var evidence = new List<BillActivity>();
        foreach (var w in withdrawals)
        {
            if (lineage.FirstOrDefault(a => a.IsValid && a.Deal?.Id == w.Deal!.Id) is { } request && !ReferenceEquals(request, w))
            {
                evidence.Add(request);
            }

            evidence.Add(w);
        }

        var ids = evidence
            .OrderBy(a => a.BlockNumber).ThenBy(a => a.TransactionIndex)
            .Select(a => a.TransactionId).Distinct(StringComparer.Ordinal).ToList();
        var deals = string.Join(", ", withdrawals.Select(w => $"{w.Deal!.Id} {w.Deal.Status.ToString().ToLowerInvariant()}"));
        var sellers = string.Join(", ", withdrawals.Select(w => w.Deal!.Seller).Distinct(StringComparer.Ordinal));
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Bill {activity.BillId} has had {withdrawals.Count} deals requested by {sellers} and withdrawn without a sale " +
            $"({deals}), reaching the threshold of {threshold}.");
        return [new AlertFinding(RuleId, AlertSeverity.Notice, activity.BillId, summary, ids)];
    }

    private bool Counts(DealStatus status) => status switch
    {
        DealStatus.Cancelled => true,
        DealStatus.Rejected => Options.CountRejected,
        DealStatus.Expired => Options.CountExpired,
        _ => false,
    };

    /// <summary>The activities of the bill and of the bills it was split from, in ledger order, up to the activity.</summary>
    private static async ValueTask<List<BillActivity>> GetLineageAsync(
        BillActivity activity, IRuleContext context, CancellationToken cancellationToken)
    {
        var all = new List<BillActivity>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        string? billId = activity.BillId;
        while (billId is not null && visited.Count < MaxAncestors && visited.Add(billId))
        {
            var activities = await context.GetBillActivitiesAsync(billId, cancellationToken).ConfigureAwait(false);
            all.AddRange(activities.Where(a => !RuleFacts.IsBefore(activity, a)));
            var parent = activities.FirstOrDefault(a => a.Bill is not null)?.Bill!.Parent;
            billId = parent ?? (billId == activity.BillId ? activity.Bill?.Parent : null);
        }

        if (!all.Any(a => RuleFacts.SameTransaction(a, activity)))
        {
            all.Add(activity);
        }

        return [.. all.OrderBy(a => a.BlockNumber).ThenBy(a => a.TransactionIndex)];
    }
}
