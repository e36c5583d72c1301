using FabricFinance.Monitor.ReadModel;
using FabricFinance.Monitor.Rules.Internal;
using Microsoft.Extensions.Options;

namespace FabricFinance.Monitor.Rules;

/// <summary>
/// What every rule shares: its id, its options, the argument checks, and silence while disabled
/// (<see cref="AlertRuleOptions.Enabled"/>). A rule says only what it looks for, in <see cref="EvaluateEnabledAsync"/>.
/// </summary>
/// <typeparam name="TOptions">The rule's options.</typeparam>
public abstract class AlertRule<TOptions> : IAlertRule
    where TOptions : AlertRuleOptions
{
    /// <summary>Initializes a new instance of the <see cref="AlertRule{TOptions}"/> class.</summary>
    /// <param name="id">The rule's stable id, e.g. <c>circular-endorsement</c>.</param>
    /// <param name="options">The rule's options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    protected AlertRule(string id, IOptions<TOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Id = id;
        Options = options.Value;
    }

    /// <inheritdoc/>
    public string Id { get; }

    /// <summary>Gets the rule's options.</summary>
    protected TOptions Options { get; }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<AlertFinding>> EvaluateAsync(
        BillActivity activity, IRuleContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(context);
        return Options.Enabled ? EvaluateEnabledAsync(activity, context, cancellationToken) : RuleFacts.None();
    }

    /// <summary>Looks at one activity while the rule is enabled; the arguments are not null.</summary>
    /// <param name="activity">The activity just added to the read model.</param>
    /// <param name="context">The read model as it stands after that activity.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <returns>The findings, usually none.</returns>
    protected abstract ValueTask<IReadOnlyList<AlertFinding>> EvaluateEnabledAsync(
        BillActivity activity, IRuleContext context, CancellationToken cancellationToken);
}
