using System.Globalization;
using FabricFinance.Monitor.ReadModel;
using FabricFinance.Monitor.Rules.Internal;
using Microsoft.Extensions.Options;

namespace FabricFinance.Monitor.Rules;

/// <summary>
/// <c>rapid-transfers</c> (warning): a bill's trail holds more than
/// <see cref="RapidTransfersRuleOptions.MaxTransfersPerBusinessDay"/> transfers dated the same business day. Fires once
/// per bill and day, on the transfer that first exceeds the limit; the evidence is that day's transfers.
/// </summary>
/// <param name="options">The rule's options.</param>
public sealed class RapidTransfersRule(IOptions<RapidTransfersRuleOptions> options)
    : AlertRule<RapidTransfersRuleOptions>(RuleId, options)
{
    /// <summary>The rule's id.</summary>
    public const string RuleId = "rapid-transfers";

    /// <inheritdoc/>
    protected override ValueTask<IReadOnlyList<AlertFinding>> EvaluateEnabledAsync(
        BillActivity activity, IRuleContext context, CancellationToken cancellationToken)
    {
        if (!RuleFacts.TryGetNewTransfer(activity, out var bill, out var transfer))
        {
            return RuleFacts.None();
        }

        var sameDay = bill.Trail.Where(t => t.Date == transfer.Date).ToList();
        var limit = Options.MaxTransfersPerBusinessDay;
        if (sameDay.Count != limit + 1)
        {
            return RuleFacts.None();
        }

        var chain = string.Join(" → ", sameDay.Select(t => t.To).Prepend(sameDay[0].From));
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Bill {bill.Id} changed hands {sameDay.Count} times on business day {RuleFacts.Date(transfer.Date)} " +
            $"({chain}), more than the {limit} allowed per business day.");
        var evidence = sameDay.Select(t => t.TxId).Distinct(StringComparer.Ordinal).ToList();
        return ValueTask.FromResult(RuleFacts.One(new AlertFinding(RuleId, AlertSeverity.Warning, bill.Id, summary, evidence)));
    }
}
