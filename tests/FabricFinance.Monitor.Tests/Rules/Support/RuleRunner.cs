using FabricFinance.Monitor.ReadModel;
using FabricFinance.Monitor.Rules;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FabricFinance.Monitor.Tests.Rules.Support;

/// <summary>Replays a stream the way the ingestion does: append each activity to the context, then evaluate.</summary>
internal static class RuleRunner
{
    public static async Task<IReadOnlyList<AlertFinding>> RunAsync(
        IAlertRule rule, IEnumerable<BillActivity> activities, CancellationToken cancellationToken)
    {
        var engine = new AlertEngine([rule], NullLogger<AlertEngine>.Instance);
        return await RunAsync(engine, activities, cancellationToken);
    }

    public static async Task<IReadOnlyList<AlertFinding>> RunAsync(
        AlertEngine engine, IEnumerable<BillActivity> activities, CancellationToken cancellationToken)
    {
        var context = new InMemoryRuleContext();
        var findings = new List<AlertFinding>();
        foreach (var activity in activities)
        {
            context.Append(activity);
            findings.AddRange(await engine.EvaluateAsync(activity, context, cancellationToken));
        }

        return findings;
    }

    public static IOptions<T> Options<T>(T value)
        where T : class => Microsoft.Extensions.Options.Options.Create(value);
}
