using System.Globalization;
using System.Text.Json;
using FabricFinance.Bills;

namespace FabricFinance.IntegrationTests.Resilience.Audit;

/// <summary>
/// Replays one bill's history against the rulebook's state machine (shared/design/BILLS.md): versions
/// start at 1 and go up by one, the issued terms never change, only the allowed transitions happen,
/// final states stay final, the holder changes only by accept, endorse or settle and always with one
/// matching trail entry, the trail only grows, and business dates never run backwards. Pure: it
/// reads nothing but the bill and its history, so it runs on any ledger.
/// </summary>
internal static class BillHistoryAudit
{
    /// <summary>The status changes the rulebook allows (unfreezing, which must restore the frozen-from status, aside).</summary>
    private static readonly HashSet<(BillStatus From, BillStatus To)> Transitions =
    [
        (BillStatus.PendingAcceptance, BillStatus.Active),     // AcceptBill
        (BillStatus.PendingAcceptance, BillStatus.Cancelled),  // CancelBill, RejectAcceptance
        (BillStatus.PendingAcceptance, BillStatus.Frozen),
        (BillStatus.Active, BillStatus.Active),                // EndorseBill (whole)
        (BillStatus.Active, BillStatus.InDeal),                // RequestDiscount/Rediscount (whole)
        (BillStatus.Active, BillStatus.Presented),
        (BillStatus.Active, BillStatus.Split),                 // a partial endorsement or deal
        (BillStatus.Active, BillStatus.Frozen),
        (BillStatus.InDeal, BillStatus.Active),                // SettleDeal, or the deal closed
        (BillStatus.InDeal, BillStatus.Frozen),
        (BillStatus.Presented, BillStatus.Paid),
        (BillStatus.Presented, BillStatus.Dishonored),
        (BillStatus.Presented, BillStatus.Frozen),
    ];

    /// <summary>Checks one bill's history and the listed (current) version against it.</summary>
    /// <param name="listed">The bill as the listing returned it.</param>
    /// <param name="history">Its history, oldest first.</param>
    /// <returns>Every broken rule, one sentence each; empty when the history is sound.</returns>
    public static List<string> Check(Bill listed, IReadOnlyList<BillHistoryEntry> history)
    {
        ArgumentNullException.ThrowIfNull(listed);
        ArgumentNullException.ThrowIfNull(history);
        var violations = new List<string>();
        if (history.Count == 0)
        {
            violations.Add($"bill {listed.Id}: the ledger has no history for it.");
            return violations;
        }

        var transactions = new HashSet<string>(StringComparer.Ordinal);
        Bill? previous = null;
        for (var i = 0; i < history.Count; i++)
        {
            var entry = history[i];
            var where = $"bill {listed.Id} entry {i + 1} (tx {entry.TxId})";
            if (!transactions.Add(entry.TxId))
            {
                violations.Add($"{where}: the transaction wrote the bill twice.");
            }

            if (entry.IsDelete || entry.Value is null)
            {
                violations.Add($"{where}: the bill was deleted; the contract never deletes bills.");
                previous = null;
                continue;
            }

            var bill = entry.Value;
            CheckVersion(bill, entry, where, violations);
            if (previous is null)
            {
                if (i == 0)
                {
                    CheckFirst(bill, where, violations);
                }
            }
            else
            {
                CheckStep(previous, bill, entry.TxId, where, violations);
            }

            previous = bill;
        }

        var current = history.LastOrDefault(e => e.Value?.Version == listed.Version)?.Value;
        if (current is null)
        {
            violations.Add($"bill {listed.Id}: the listed version {listed.Version} is not in its history (last: {history[^1].Value?.Version}).");
        }
        else if (!JsonSerializer.SerializeToUtf8Bytes(current, BillJson.Options).AsSpan().SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(listed, BillJson.Options)))
        {
            violations.Add($"bill {listed.Id}: the listed version {listed.Version} differs from the same version in its history.");
        }

        return violations;
    }

    /// <summary>The rules every single version obeys, whatever came before.</summary>
    private static void CheckVersion(Bill bill, BillHistoryEntry entry, string where, List<string> violations)
    {
        void Fail(string rule) => violations.Add($"{where} (v{bill.Version}, {bill.Status}): {rule}");

        if (DateTimeOffset.TryParse(entry.Timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp))
        {
            if (bill.UpdateDate != BusinessCalendar.BusinessDate(timestamp))
            {
                Fail($"updateDate {bill.UpdateDate:yyyy-MM-dd} is not the business date of its transaction ({entry.Timestamp}).");
            }
        }
        else
        {
            Fail($"the history timestamp '{entry.Timestamp}' is not RFC 3339.");
        }

        if (bill.Range.Count != 2 || bill.Range[0] < 1 || bill.Range[1] - bill.Range[0] + 1 != bill.Amount)
        {
            Fail($"range [{string.Join(", ", bill.Range)}] does not hold exactly its amount {bill.Amount}.");
        }

        if (bill.Amount is < 1 or > BillRules.MaxAmount)
        {
            Fail($"amount {bill.Amount} is outside 1 to {BillRules.MaxAmount}.");
        }

        if (bill.Currency != BillRules.Currency)
        {
            Fail($"currency {bill.Currency} is not {BillRules.Currency}.");
        }

        if (bill.Drawer == bill.Payee)
        {
            Fail($"the payee {bill.Payee} is the drawer.");
        }

        if (bill.DueDate <= bill.IssueDate || bill.DueDate > BusinessCalendar.LatestDueDate(bill.IssueDate))
        {
            Fail($"due date {bill.DueDate:yyyy-MM-dd} is not within 6 months after the issue date {bill.IssueDate:yyyy-MM-dd}.");
        }

        if ((bill.Status == BillStatus.Frozen) != (bill.FrozenFrom is not null)
            || bill.FrozenFrom is BillStatus.Frozen or BillStatus.Paid or BillStatus.Cancelled or BillStatus.Dishonored or BillStatus.Split)
        {
            Fail($"frozenFrom {bill.FrozenFrom?.ToString() ?? "null"} does not fit the status.");
        }

        if ((bill.Status == BillStatus.InDeal && bill.DealId is null) || (bill.Status is BillStatus.Active or BillStatus.PendingAcceptance && bill.DealId is not null))
        {
            Fail($"dealId {bill.DealId ?? "null"} does not fit the status.");
        }

        CheckTrail(bill, Fail);
    }

    /// <summary>The trail is a chain of owners from the drawer to the holder, dated forwards, amounts shrinking only by splits.</summary>
    private static void CheckTrail(Bill bill, Action<string> fail)
    {
        var owner = bill.Drawer;
        var date = DateOnly.MinValue;
        var amount = long.MaxValue;
        for (var k = 0; k < bill.Trail.Count; k++)
        {
            var transfer = bill.Trail[k];
            if ((transfer.Type == TransferType.Accept) != (k == 0))
            {
                fail($"trail entry {k + 1} is {transfer.Type}; accept comes first and only first.");
            }

            if (transfer.From != owner)
            {
                fail($"trail entry {k + 1} moves the bill from {transfer.From}, but {owner} held it.");
            }

            if (transfer.Date < date || transfer.Date > bill.UpdateDate)
            {
                fail($"trail entry {k + 1} is dated {transfer.Date:yyyy-MM-dd}, out of order.");
            }

            if (transfer.Amount > amount || transfer.Amount < bill.Amount)
            {
                fail($"trail entry {k + 1} moves {transfer.Amount} fen, out of line with the bill's {bill.Amount}.");
            }

            owner = transfer.To;
            date = transfer.Date;
            amount = transfer.Amount;
        }

        if (owner != bill.Holder)
        {
            fail($"the trail ends with {owner}, but the holder is {bill.Holder}.");
        }
    }

    /// <summary>The first version: an issued bill pending acceptance, or a fresh part of a split.</summary>
    private static void CheckFirst(Bill bill, string where, List<string> violations)
    {
        void Fail(string rule) => violations.Add($"{where} (v{bill.Version}, {bill.Status}): {rule}");

        if (bill.Version != 1)
        {
            Fail("the first version is not 1.");
        }

        if (bill.Parent is null)
        {
            if (bill.Status != BillStatus.PendingAcceptance || bill.Holder != bill.Drawer || bill.Trail.Count != 0)
            {
                Fail("an issued bill starts pending acceptance, held by its drawer, with an empty trail.");
            }

            if (bill.Range.Count == 2 && bill.Range[0] != 1)
            {
                Fail($"an issued bill covers [1, amount], not [{string.Join(", ", bill.Range)}].");
            }

            if (bill.IssueDate != bill.UpdateDate)
            {
                Fail($"issueDate {bill.IssueDate:yyyy-MM-dd} is not the date it was written ({bill.UpdateDate:yyyy-MM-dd}).");
            }
        }
        else
        {
            if (bill.Id != BillRules.SubBillId(bill.Parent, 1) && bill.Id != BillRules.SubBillId(bill.Parent, 2))
            {
                Fail($"a part of bill {bill.Parent} is not named {bill.Parent}.1 or {bill.Parent}.2.");
            }

            if (bill.Status is not (BillStatus.Active or BillStatus.InDeal))
            {
                Fail("a part of a split starts Active (or InDeal, when it is the part being sold).");
            }
        }
    }

    /// <summary>One change: what may and may not differ between consecutive versions.</summary>
    private static void CheckStep(Bill previous, Bill next, string txId, string where, List<string> violations)
    {
        void Fail(string rule) => violations.Add($"{where} (v{previous.Version} {previous.Status} -> v{next.Version} {next.Status}): {rule}");

        if (next.Version != previous.Version + 1)
        {
            Fail("the version did not go up by exactly one.");
        }

        if (previous.IsFinal)
        {
            Fail($"{previous.Status} is final, yet the bill changed.");
        }

        if (next.Kind != previous.Kind || next.Drawer != previous.Drawer || next.Payee != previous.Payee || next.Acceptor != previous.Acceptor
            || next.Amount != previous.Amount || next.Currency != previous.Currency || next.IssueDate != previous.IssueDate
            || next.DueDate != previous.DueDate || next.Transferable != previous.Transferable || next.Parent != previous.Parent
            || !next.Range.SequenceEqual(previous.Range))
        {
            Fail("a field fixed at issue (kind, drawer, payee, acceptor, amount, currency, dates, transferable, range, parent) changed.");
        }

        if (next.UpdateDate < previous.UpdateDate)
        {
            Fail($"the business date ran backwards from {previous.UpdateDate:yyyy-MM-dd} to {next.UpdateDate:yyyy-MM-dd}.");
        }

        var allowed = previous.Status == BillStatus.Frozen
            ? next.Status == previous.FrozenFrom
            : Transitions.Contains((previous.Status, next.Status));
        if (!allowed)
        {
            Fail("the rulebook has no such transition" + (previous.Status == BillStatus.Frozen ? $" (unfreezing restores {previous.FrozenFrom})." : "."));
        }

        var grew = next.Trail.Count - previous.Trail.Count;
        if (grew < 0 || !next.Trail.Take(previous.Trail.Count).SequenceEqual(previous.Trail))
        {
            Fail("the trail did not only grow: earlier entries changed or vanished.");
            return;
        }

        if (next.Holder == previous.Holder)
        {
            if (grew != 0)
            {
                Fail("the trail grew but the holder did not change.");
            }

            if (previous.Status == BillStatus.Active && next.Status == BillStatus.Active)
            {
                Fail("an Active bill stayed Active without changing hands.");
            }

            return;
        }

        // The holder changed: only accept, endorse or settle do that, each with one trail entry.
        TransferType[] expected = (previous.Status, next.Status) switch
        {
            (BillStatus.PendingAcceptance, BillStatus.Active) => [TransferType.Accept],
            (BillStatus.Active, BillStatus.Active) => [TransferType.Endorse],
            (BillStatus.InDeal, BillStatus.Active) => [TransferType.Discount, TransferType.Rediscount],
            _ => [],
        };
        if (expected.Length == 0)
        {
            Fail($"the holder changed from {previous.Holder} to {next.Holder}; only accept, endorse and settle move a bill.");
            return;
        }

        if (grew != 1)
        {
            Fail($"the holder changed from {previous.Holder} to {next.Holder} with {grew} new trail entries, not one.");
            return;
        }

        var transfer = next.Trail[^1];
        if (!expected.Contains(transfer.Type) || transfer.From != previous.Holder || transfer.To != next.Holder
            || transfer.Amount != next.Amount || transfer.Date != next.UpdateDate || transfer.TxId != txId)
        {
            Fail($"the new trail entry {transfer} does not record this move of {next.Amount} fen from {previous.Holder} to {next.Holder} on {next.UpdateDate:yyyy-MM-dd} by tx {txId}.");
        }
    }
}
