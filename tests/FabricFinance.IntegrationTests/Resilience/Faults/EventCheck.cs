using FabricFinance.Bills.Client;

namespace FabricFinance.IntegrationTests.Resilience.Faults;

/// <summary>
/// Compares the events an <see cref="EventWatch"/> delivered with the transactions the load
/// committed: every committed transaction's event exactly once, nothing twice, blocks in order, and
/// no event of the load's bills from a transaction that did not commit.
/// </summary>
internal static class EventCheck
{
    /// <summary>Every broken rule, one sentence each; empty when the stream was exact.</summary>
    public static IReadOnlyList<string> Violations(IReadOnlyList<BillMarketEvent> events, IReadOnlyCollection<string> committed, string billIdPrefix)
    {
        var violations = new List<string>();
        var committedSet = committed.ToHashSet(StringComparer.Ordinal);
        var counts = events.GroupBy(e => e.TransactionId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        violations.AddRange(counts.Where(c => c.Value > 1).Select(c => $"transaction {c.Key}'s event was delivered {c.Value} times."));
        violations.AddRange(committed.Where(id => !counts.ContainsKey(id)).Select(id => $"committed transaction {id} has no event (a gap)."));
        for (var i = 1; i < events.Count; i++)
        {
            if (events[i].BlockNumber < events[i - 1].BlockNumber)
            {
                violations.Add($"event {i} ({events[i].TransactionId}, block {events[i].BlockNumber}) came after one from block {events[i - 1].BlockNumber}.");
            }
        }

        violations.AddRange(events
            .Where(e => e is BillEvent b && b.Bill.Id.StartsWith(billIdPrefix, StringComparison.Ordinal) || e is DealEvent d && d.Deal.BillId.StartsWith(billIdPrefix, StringComparison.Ordinal))
            .Where(e => !committedSet.Contains(e.TransactionId))
            .Select(e => $"event {e.EventName} of transaction {e.TransactionId} (block {e.BlockNumber}) is not of a transaction known to have committed."));
        return violations;
    }
}
