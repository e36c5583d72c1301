using FabricFinance.Monitor.ReadModel;
using FabricFinance.Monitor.Rules.Internal;

namespace FabricFinance.Monitor.Rules;

/// <summary>
/// Runs every rule on one activity, in a stable order (rule id, ordinal), and gathers their findings. A rule that
/// throws is logged and skipped for that activity; the other rules still run. The engine holds no state of its own.
/// </summary>
public sealed class AlertEngine
{
    private readonly IReadOnlyList<IAlertRule> _rules;
    private readonly ILogger<AlertEngine> _logger;

    /// <summary>Initializes a new instance of the <see cref="AlertEngine"/> class.</summary>
    /// <param name="rules">The rules; each id must be unique.</param>
    /// <param name="logger">Where rule failures go.</param>
    /// <exception cref="ArgumentNullException">An argument or one of the rules is null.</exception>
    /// <exception cref="ArgumentException">Two rules share an id, or a rule has an empty id.</exception>
    public AlertEngine(IEnumerable<IAlertRule> rules, ILogger<AlertEngine> logger)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(logger);
        var list = rules.ToList();
        if (list.Any(r => r is null))
        {
            throw new ArgumentNullException(nameof(rules), "The rules may not contain null.");
        }

        if (list.FirstOrDefault(r => string.IsNullOrWhiteSpace(r.Id)) is { } unnamed)
        {
            throw new ArgumentException($"Rule {unnamed.GetType().Name} has an empty id.", nameof(rules));
        }

        if (list.GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new ArgumentException($"Two rules share the id '{duplicate.Key}'.", nameof(rules));
        }

        _rules = [.. list.OrderBy(r => r.Id, StringComparer.Ordinal)];
        _logger = logger;
    }

    /// <summary>Gets the ids of the rules, in the order they run.</summary>
    public IReadOnlyList<string> RuleIds => [.. _rules.Select(r => r.Id)];

    /// <summary>Runs every rule on one activity, after it has joined the read model.</summary>
    /// <param name="activity">The activity.</param>
    /// <param name="context">The read model as it stands after the activity.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <returns>The findings, rule by rule in id order, each rule's in the order it gave them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="activity"/> or <paramref name="context"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<IReadOnlyList<AlertFinding>> EvaluateAsync(
        BillActivity activity, IRuleContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(context);
        List<AlertFinding>? findings = null;
        foreach (var rule in _rules)
        {
            cancellationToken.ThrowIfCancellationRequested();
            IReadOnlyList<AlertFinding> found;
            try
            {
                found = await rule.EvaluateAsync(activity, context, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // A failing rule must not silence the others; the failure is logged.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _logger.RuleFailed(ex, rule.Id, activity.TransactionId, activity.BillId, activity.BlockNumber);
                continue;
            }

            if (found is { Count: > 0 })
            {
                (findings ??= []).AddRange(found);
            }
        }

        return findings ?? (IReadOnlyList<AlertFinding>)[];
    }
}
