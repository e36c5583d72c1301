using System.Globalization;
using FabricFinance.Bills;
using FabricFinance.Monitor.ReadModel;
using FabricFinance.Monitor.Rules.Internal;
using Microsoft.Extensions.Options;

namespace FabricFinance.Monitor.Rules;

/// <summary>
/// <c>off-market-rate</c> (warning): a discount or rediscount deal is requested at a rate far from the median rate of
/// the deals requested on the same business day up to and including it. Needs at least
/// <see cref="OffMarketRateRuleOptions.MinDealsPerDay"/> such deals; "far" is at least
/// <see cref="OffMarketRateRuleOptions.MinDeviationBps"/> basis points or
/// <see cref="OffMarketRateRuleOptions.MinDeviationPercent"/> percent of the median, whichever is met first. Judged once per
/// deal, on the transaction whose terms the monitor first read (the request, normally); that transaction is the evidence.
/// </summary>
/// <param name="options">The rule's options.</param>
public sealed class OffMarketRateRule(IOptions<OffMarketRateRuleOptions> options)
    : AlertRule<OffMarketRateRuleOptions>(RuleId, options)
{
    /// <summary>The rule's id.</summary>
    public const string RuleId = "off-market-rate";

    /// <inheritdoc/>
    protected override async ValueTask<IReadOnlyList<AlertFinding>> EvaluateEnabledAsync(
        BillActivity activity, IRuleContext context, CancellationToken cancellationToken)
    {
        // Only a transaction that wrote a deal's readable terms can have added that deal's pricing.
        if (!activity.IsValid || activity.Deal is null || activity.Terms is null)
        {
            return [];
        }

        // The pricing of a deal is filed under its request date, which is this activity's day when it is the request.
        var requestDay = activity.Deal?.RequestDate ?? activity.BusinessDay;
        var pricing = await context.GetPricingOnAsync(requestDay, cancellationToken).ConfigureAwait(false);

        // The pricing this transaction added for this bill (the deal's terms as the regulator first read them), and
        // the deals of that day up to it, in ledger order.
        var mine = pricing.FirstOrDefault(p => p.BlockNumber == activity.BlockNumber
            && p.TransactionIndex == activity.TransactionIndex && p.BillId == activity.BillId);
        if (mine is null)
        {
            return [];
        }

        var day = pricing.Where(p => p.BlockNumber < mine.BlockNumber
            || (p.BlockNumber == mine.BlockNumber && p.TransactionIndex <= mine.TransactionIndex)).ToList();
        if (day.Count < Options.MinDealsPerDay)
        {
            return [];
        }

        var median = Median(day.Select(p => p.RateBps));
        var deviation = Math.Abs(mine.RateBps - median);
        var farByBps = Options.MinDeviationBps > 0 && deviation >= Options.MinDeviationBps;
        var farByPercent = Options.MinDeviationPercent > 0 && deviation * 100m >= Options.MinDeviationPercent * median;
        if (!farByBps && !farByPercent)
        {
            return [];
        }

        var percent = Math.Round(deviation * 100m / median, 0, MidpointRounding.AwayFromZero);
        var kind = mine.Kind == DealKind.Discount ? "discount" : "rediscount";
        var parties = activity.Deal is { } deal ? $", {deal.Seller} selling to {deal.Buyer}" : string.Empty;
        var direction = mine.RateBps > median ? "above" : "below";
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{char.ToUpperInvariant(kind[0])}{kind[1..]} deal {mine.DealId} on bill {mine.BillId}{parties}, asks {mine.RateBps} bps, " +
            $"{deviation:0.#} bps ({percent}%) {direction} the median {median:0.#} bps of the {day.Count} deals requested on " +
            $"{RuleFacts.Date(mine.BusinessDay)} (threshold: {Threshold()}).");
        return [new AlertFinding(RuleId, AlertSeverity.Warning, activity.BillId, summary, [activity.TransactionId])];
    }

    private static decimal Median(IEnumerable<int> rates)
    {
        var sorted = rates.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2m;
    }

    private string Threshold() => (Options.MinDeviationBps, Options.MinDeviationPercent) switch
    {
        (> 0, > 0) => string.Create(CultureInfo.InvariantCulture,
            $"{Options.MinDeviationBps} bps or {Options.MinDeviationPercent}% of the median"),
        (> 0, _) => string.Create(CultureInfo.InvariantCulture, $"{Options.MinDeviationBps} bps"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Options.MinDeviationPercent}% of the median"),
    };
}
