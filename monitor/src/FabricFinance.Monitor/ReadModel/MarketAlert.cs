namespace FabricFinance.Monitor.ReadModel;

/// <summary>An alert raised by a rule: what looked wrong, on which bill, and the transactions that show it.</summary>
/// <param name="Sequence">The alert's position in the alert feed, from 1, in ledger order.</param>
/// <param name="RuleId">The rule that raised it (<see cref="Rules.IAlertRule.Id"/>), e.g. <c>circular-endorsement</c>.</param>
/// <param name="Severity">How urgent it looks.</param>
/// <param name="BillId">The bill.</param>
/// <param name="Summary">One sentence for a person, naming the parties, counts and thresholds involved.</param>
/// <param name="BlockNumber">The block of the transaction that triggered it.</param>
/// <param name="TransactionId">The transaction that triggered it.</param>
/// <param name="Timestamp">That transaction's timestamp.</param>
/// <param name="Evidence">The transactions that together show the pattern, in ledger order, the trigger last.</param>
public sealed record MarketAlert(
    long Sequence,
    string RuleId,
    AlertSeverity Severity,
    string BillId,
    string Summary,
    long BlockNumber,
    string TransactionId,
    DateTimeOffset Timestamp,
    IReadOnlyList<string> Evidence);
