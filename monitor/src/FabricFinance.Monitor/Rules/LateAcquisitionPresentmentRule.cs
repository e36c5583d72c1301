using System.Globalization;
using FabricFinance.Bills;
using FabricFinance.Monitor.ReadModel;
using FabricFinance.Monitor.Rules.Internal;
using Microsoft.Extensions.Options;

namespace FabricFinance.Monitor.Rules;

/// <summary>
/// <c>late-acquisition-presentment</c> (notice): a bill is presented for payment by a holder whose acquisition (the
/// last transfer to it in the trail) is dated at most
/// <see cref="LateAcquisitionPresentmentRuleOptions.MaxBusinessDaysBeforeDue"/> business days before the due date.
/// Judged on each presentment; the evidence is the acquisition and the presentment.
/// </summary>
/// <param name="options">The rule's options.</param>
public sealed class LateAcquisitionPresentmentRule(IOptions<LateAcquisitionPresentmentRuleOptions> options)
    : AlertRule<LateAcquisitionPresentmentRuleOptions>(RuleId, options)
{
    /// <summary>The rule's id.</summary>
    public const string RuleId = "late-acquisition-presentment";

    /// <inheritdoc/>
    protected override ValueTask<IReadOnlyList<AlertFinding>> EvaluateEnabledAsync(
        BillActivity activity, IRuleContext context, CancellationToken cancellationToken)
    {
        if (!activity.IsValid || activity.Bill is not { } bill
            || (activity.Function != BillTransactions.PresentForPayment && activity.EventName != BillEvents.BillPresented))
        {
            return RuleFacts.None();
        }

        var acquisition = bill.Trail.LastOrDefault(t => t.To == bill.Holder);
        if (acquisition is null)
        {
            return RuleFacts.None();
        }

        var days = bill.DueDate.DayNumber - acquisition.Date.DayNumber;
        var limit = Options.MaxBusinessDaysBeforeDue;
        if (days > limit)
        {
            return RuleFacts.None();
        }

        var when = days switch
        {
            > 0 => RuleFacts.Count(days, "business day") + " before its due date",
            0 => "on its due date",
            _ => RuleFacts.Count(-days, "business day") + " after its due date",
        };
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{bill.Holder} presented bill {bill.Id} (due {RuleFacts.Date(bill.DueDate)}) for payment after acquiring it by " +
            $"{RuleFacts.Name(acquisition.Type)} from {acquisition.From} on {RuleFacts.Date(acquisition.Date)}, {when} " +
            $"(threshold: {RuleFacts.Count(limit, "business day")}).");
        IReadOnlyList<string> evidence = acquisition.TxId == activity.TransactionId
            ? [activity.TransactionId]
            : [acquisition.TxId, activity.TransactionId];
        return ValueTask.FromResult(RuleFacts.One(
            new AlertFinding(RuleId, AlertSeverity.Notice, bill.Id, summary, evidence)));
    }
}
