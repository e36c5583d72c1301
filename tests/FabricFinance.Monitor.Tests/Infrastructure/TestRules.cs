using FabricFinance.Monitor.ReadModel;
using FabricFinance.Monitor.Rules;
using Microsoft.Extensions.Logging.Abstractions;

namespace FabricFinance.Monitor.Tests.Infrastructure;

/// <summary>Rules for the ingestion tests: deterministic findings that show where and how often rules run.</summary>
internal static class TestRules
{
    public static AlertEngine Engine(params IAlertRule[] rules) => new(rules, NullLogger<AlertEngine>.Instance);

    /// <summary>Flags every invalid activity (a stand-in for the double-sale rule).</summary>
    internal sealed class FlagInvalid : IAlertRule
    {
        public string Id => "test-invalid";

        public ValueTask<IReadOnlyList<AlertFinding>> EvaluateAsync(BillActivity activity, IRuleContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<AlertFinding>>(activity.IsValid
                ? []
                : [new AlertFinding(Id, AlertSeverity.Warning, activity.BillId, $"{activity.TransactionId} is {activity.ValidationCode}", [activity.TransactionId])]);
    }

    /// <summary>Flags every activity, naming how many activities of its bill the context shows.</summary>
    internal sealed class FlagEvery : IAlertRule
    {
        public string Id => "test-every";

        public async ValueTask<IReadOnlyList<AlertFinding>> EvaluateAsync(BillActivity activity, IRuleContext context, CancellationToken cancellationToken)
        {
            var history = await context.GetBillActivitiesAsync(activity.BillId, cancellationToken);
            var pricing = await context.GetPricingOnAsync(activity.BusinessDay, cancellationToken);
            return [new AlertFinding(
                Id,
                AlertSeverity.Notice,
                activity.BillId,
                $"{activity.Function}: {history.Count} activities, last {history[^1].TransactionId}; {pricing.Count} priced deals",
                [.. history.Select(a => a.TransactionId)])];
        }
    }
}
