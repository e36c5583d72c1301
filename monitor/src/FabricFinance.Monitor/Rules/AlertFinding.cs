using FabricFinance.Monitor.ReadModel;

namespace FabricFinance.Monitor.Rules;

/// <summary>What a rule found; the monitor turns it into a <see cref="MarketAlert"/> stamped with the triggering
/// activity's block, transaction and time, and numbers it in the alert feed.</summary>
/// <param name="RuleId">The rule's id.</param>
/// <param name="Severity">How urgent it looks.</param>
/// <param name="BillId">The bill.</param>
/// <param name="Summary">One sentence for a person, naming the parties, counts and thresholds involved.</param>
/// <param name="Evidence">The transaction ids that together show the pattern, in ledger order, the trigger last.</param>
public sealed record AlertFinding(
    string RuleId, AlertSeverity Severity, string BillId, string Summary, IReadOnlyList<string> Evidence);
