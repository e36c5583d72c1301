using FabricFinance.Monitor.ReadModel;
using FabricFinance.Monitor.Rules;

namespace FabricFinance.Monitor.Tests.Rules.Support;

/// <summary>A rule whose behaviour a test supplies.</summary>
internal sealed class DelegateRule(string id, Func<BillActivity, IReadOnlyList<AlertFinding>> evaluate) : IAlertRule
{
    public string Id => id;

    public int Calls { get; private set; }

    public ValueTask<IReadOnlyList<AlertFinding>> EvaluateAsync(
        BillActivity activity, IRuleContext context, CancellationToken cancellationToken)
    {
        Calls++;
        return ValueTask.FromResult(evaluate(activity));
    }
}
