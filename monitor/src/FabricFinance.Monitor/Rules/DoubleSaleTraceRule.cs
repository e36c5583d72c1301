using System.Globalization;
using FabricFinance.Monitor.ReadModel;
using FabricFinance.Monitor.Rules.Internal;
using Microsoft.Extensions.Options;

namespace FabricFinance.Monitor.Rules;

/// <summary>
/// <c>double-sale-trace</c> (warning): transactions on one bill committed as invalid with a read conflict
/// (<see cref="DoubleSaleTraceRuleOptions.ValidationCodes"/>), from at least two different submitters, with timestamps
/// at most <see cref="DoubleSaleTraceRuleOptions.WindowMinutes"/> minutes from the triggering one. A submitter is its
/// registered party, else its organization and certificate subject. Fires when an invalid transaction brings a
/// submitter not yet seen among the conflicts in its window, so repeats by the same parties stay quiet; the evidence
/// is the conflicts in the window.
/// </summary>
public sealed class DoubleSaleTraceRule : AlertRule<DoubleSaleTraceRuleOptions>
{
    /// <summary>The rule's id.</summary>
    public const string RuleId = "double-sale-trace";

    private readonly IReadOnlySet<string> _codes;

    /// <summary>Initializes a new instance of the <see cref="DoubleSaleTraceRule"/> class.</summary>
    /// <param name="options">The rule's options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public DoubleSaleTraceRule(IOptions<DoubleSaleTraceRuleOptions> options)
        : base(RuleId, options)
    {
        _codes = Options.GetValidationCodes();
    }

    /// <inheritdoc/>
    protected override async ValueTask<IReadOnlyList<AlertFinding>> EvaluateEnabledAsync(
        BillActivity activity, IRuleContext context, CancellationToken cancellationToken)
    {
        if (activity.IsValid || !_codes.Contains(activity.ValidationCode))
        {
            return [];
        }

        var window = TimeSpan.FromMinutes(Options.WindowMinutes);
        var activities = await context.GetBillActivitiesAsync(activity.BillId, cancellationToken).ConfigureAwait(false);
        var earlier = activities
            .Where(a => RuleFacts.IsBefore(a, activity) && !a.IsValid && _codes.Contains(a.ValidationCode)
                && (a.Timestamp - activity.Timestamp).Duration() <= window)
            .ToList();
        var me = RuleFacts.SubmitterKey(activity.Creator);
        if (earlier.Count == 0 || earlier.Any(a => RuleFacts.SubmitterKey(a.Creator) == me))
        {
            return [];
        }

        earlier.Add(activity);
        var parties = earlier.Select(a => a.Creator).DistinctBy(RuleFacts.SubmitterKey).Select(RuleFacts.Describe).ToList();
        var attempts = string.Join("; ", earlier.Select(a =>
            $"{a.Function} by {RuleFacts.Describe(a.Creator)} at {RuleFacts.Time(a.Timestamp)} ({a.ValidationCode})"));
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Bill {activity.BillId} had {earlier.Count} transactions committed invalid by {parties.Count} different parties " +
            $"({string.Join(", ", parties)}) within {Options.WindowMinutes} minutes, the trace of an attempted double sale: " +
            $"{attempts}.");
        var evidence = earlier.Select(a => a.TransactionId).Distinct(StringComparer.Ordinal).ToList();
        return [new AlertFinding(RuleId, AlertSeverity.Warning, activity.BillId, summary, evidence)];
    }
}
