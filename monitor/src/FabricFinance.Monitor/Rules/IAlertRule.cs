using FabricFinance.Monitor.ReadModel;

namespace FabricFinance.Monitor.Rules;

/// <summary>
/// A suspicious-activity rule. The monitor calls every rule once per <see cref="BillActivity"/>, in ledger order, after
/// the activity has joined the read model. A rule must be a pure function of the activity and the context (no clock,
/// no randomness), so that rebuilding the read model from block 0 raises exactly the same alerts.
/// </summary>
public interface IAlertRule
{
    /// <summary>Gets the rule's stable id, e.g. <c>circular-endorsement</c>; alerts and configuration name it.</summary>
    string Id { get; }

    /// <summary>Looks at one activity and returns what it finds; empty when nothing looks wrong.</summary>
    /// <param name="activity">The activity just added to the read model.</param>
    /// <param name="context">The read model as it stands after that activity.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <returns>The findings, usually none and at most a few.</returns>
    ValueTask<IReadOnlyList<AlertFinding>> EvaluateAsync(
        BillActivity activity, IRuleContext context, CancellationToken cancellationToken);
}
