using System.Globalization;
using FabricFinance.Monitor.ReadModel;
using FabricFinance.Monitor.Rules.Internal;
using Microsoft.Extensions.Options;

namespace FabricFinance.Monitor.Rules;

/// <summary>
/// <c>circular-endorsement</c> (critical): a transfer hands a bill to a party that already appears in its trail, as an
/// earlier holder or transferor. The loop runs from that party's most recent earlier appearance to the new transfer;
/// its transactions are the evidence. Fires on every transfer that closes a loop (each return is a new event).
/// </summary>
/// <param name="options">The rule's options.</param>
public sealed class CircularEndorsementRule(IOptions<CircularEndorsementRuleOptions> options)
    : AlertRule<CircularEndorsementRuleOptions>(RuleId, options)
{
    /// <summary>The rule's id.</summary>
    public const string RuleId = "circular-endorsement";

    /// <inheritdoc/>
    protected override ValueTask<IReadOnlyList<AlertFinding>> EvaluateEnabledAsync(
        BillActivity activity, IRuleContext context, CancellationToken cancellationToken)
    {
        if (!RuleFacts.TryGetNewTransfer(activity, out var bill, out var transfer))
        {
            return RuleFacts.None();
        }

        var trail = bill.Trail;
        var party = transfer.To;
        var start = -1;
        for (var k = trail.Count - 2; k >= 0; k--)
        {
            if (trail[k].To == party || trail[k].From == party)
            {
                start = k;
                break;
            }
        }

        if (start < 0)
        {
            return RuleFacts.None();
        }

        var earlier = trail[start];
        var how = earlier.To == party
            ? $"received it by {RuleFacts.Name(earlier.Type)} from {earlier.From}"
            : $"passed it by {RuleFacts.Name(earlier.Type)} to {earlier.To}";
        var loop = trail.Count - start;
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Bill {bill.Id} came back to {party} by {RuleFacts.Name(transfer.Type)} from {transfer.From}, although {party} " +
            $"already {how} on {RuleFacts.Date(earlier.Date)}: a loop of {RuleFacts.Count(loop, "transfer")}.");
        var evidence = new List<string>(loop);
        for (var k = start; k < trail.Count; k++)
        {
            if (!evidence.Contains(trail[k].TxId))
            {
                evidence.Add(trail[k].TxId);
            }
        }

        return ValueTask.FromResult(RuleFacts.One(new AlertFinding(RuleId, AlertSeverity.Critical, bill.Id, summary, evidence)));
    }
}
