using FabricFinance.Bills;

namespace FabricFinance.IntegrationTests.Resilience.Audit;

/// <summary>
/// Checks the bills descended from each issued bill together (shared/design/BILLS.md, "Splitting"):
/// the live parts (every bill not <see cref="BillStatus.Split"/>) tile the issued interval
/// <c>[1, amount]</c> exactly, without gap or overlap; every split bill has both parts, which divide
/// its range; every part's parent exists and is split; and each part began as a copy of its parent
/// as the split left it. Pure, like <see cref="BillHistoryAudit"/>; run it on a quiet ledger, since a
/// split between two listed pages would look like a gap.
/// </summary>
internal static class BillFamilyAudit
{
    /// <summary>Checks every family among <paramref name="bills"/>.</summary>
    /// <param name="bills">Every bill on the ledger, sub-bills included.</param>
    /// <param name="histories">The history of each bill by id, oldest first, where read (used to compare parts with their parents).</param>
    /// <returns>Every broken rule, one sentence each; empty when the families are sound.</returns>
    public static List<string> Check(IReadOnlyCollection<Bill> bills, IReadOnlyDictionary<string, IReadOnlyList<BillHistoryEntry>> histories)
    {
        ArgumentNullException.ThrowIfNull(bills);
        ArgumentNullException.ThrowIfNull(histories);
        var violations = new List<string>();
        var byId = new Dictionary<string, Bill>(StringComparer.Ordinal);
        foreach (var bill in bills)
        {
            if (!byId.TryAdd(bill.Id, bill))
            {
                violations.Add($"bill {bill.Id} is listed twice.");
            }
        }

        foreach (var family in byId.Values.GroupBy(b => RootOf(b.Id), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (!byId.TryGetValue(family.Key, out var root))
            {
                violations.Add($"bills {string.Join(", ", family.Select(b => b.Id))} descend from bill {family.Key}, which is not on the ledger.");
                continue;
            }

            CheckTiling(root, family.ToList(), violations);
            foreach (var bill in family)
            {
                CheckLinks(bill, byId, histories, violations);
            }
        }

        return violations;
    }

    /// <summary>The issued bill's id: a sub-bill's id up to its first dot.</summary>
    public static string RootOf(string billId)
    {
        ArgumentNullException.ThrowIfNull(billId);
        var dot = billId.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? billId : billId[..dot];
    }

    private static void CheckTiling(Bill root, List<Bill> family, List<string> violations)
    {
        var next = 1L;
        foreach (var part in family.Where(b => b.Status != BillStatus.Split && b.Range.Count == 2).OrderBy(b => b.Range[0]).ThenBy(b => b.Id, StringComparer.Ordinal))
        {
            if (part.Range[0] > next)
            {
                violations.Add($"bill {root.Id}: fen [{next}, {part.Range[0] - 1}] belong to no live part (a gap before {part.Id}).");
            }
            else if (part.Range[0] < next)
            {
                violations.Add($"bill {root.Id}: fen [{part.Range[0]}, {Math.Min(next - 1, part.Range[1])}] are covered twice (live part {part.Id} overlaps another).");
            }

            next = Math.Max(next, part.Range[1] + 1);
        }

        if (next - 1 < root.Amount)
        {
            violations.Add($"bill {root.Id}: fen [{next}, {root.Amount}] belong to no live part (a gap at the end).");
        }
        else if (next - 1 > root.Amount)
        {
            violations.Add($"bill {root.Id}: its live parts reach fen {next - 1}, beyond [1, {root.Amount}].");
        }
    }

    private static void CheckLinks(Bill bill, Dictionary<string, Bill> byId, IReadOnlyDictionary<string, IReadOnlyList<BillHistoryEntry>> histories, List<string> violations)
    {
        var hasFirst = byId.TryGetValue(BillRules.SubBillId(bill.Id, 1), out var first);
        var hasSecond = byId.TryGetValue(BillRules.SubBillId(bill.Id, 2), out var second);
        if (bill.Status == BillStatus.Split)
        {
            if (!hasFirst || !hasSecond)
            {
                violations.Add($"bill {bill.Id} is Split but part {(hasFirst ? ".2" : ".1")} is missing.");
            }
            else if (first!.Range.Count != 2 || second!.Range.Count != 2 || bill.Range.Count != 2
                || first.Range[0] != bill.Range[0] || first.Range[1] + 1 != second.Range[0] || second.Range[1] != bill.Range[1])
            {
                violations.Add($"bill {bill.Id} [{string.Join(", ", bill.Range)}] is not divided by its parts [{string.Join(", ", first.Range)}] and [{string.Join(", ", second!.Range)}].");
            }
        }
        else if (hasFirst || hasSecond)
        {
            violations.Add($"bill {bill.Id} has parts but is {bill.Status}, not Split.");
        }

        if (bill.Parent is null)
        {
            if (bill.Id.Contains('.', StringComparison.Ordinal))
            {
                violations.Add($"bill {bill.Id} has a derived id but no parent.");
            }

            return;
        }

        if (!byId.TryGetValue(bill.Parent, out var parent) || parent.Status != BillStatus.Split)
        {
            violations.Add($"bill {bill.Id}: its parent {bill.Parent} is {(parent is null ? "not on the ledger" : parent.Status.ToString())}, not Split.");
            return;
        }

        if (histories.TryGetValue(bill.Id, out var history) && history.Count > 0 && history[0].Value is { } born
            && histories.TryGetValue(parent.Id, out var parentHistory) && parentHistory.Count > 0 && parentHistory[^1].Value is { Status: BillStatus.Split } split)
        {
            CheckBirth(born, history[0].TxId, split, parentHistory[^1].TxId, violations);
        }
    }

    /// <summary>A part's first version is its parent's last (split) version, cut to the part, moved at most once.</summary>
    private static void CheckBirth(Bill born, string bornTx, Bill split, string splitTx, List<string> violations)
    {
        void Fail(string rule) => violations.Add($"bill {born.Id} as split from {split.Id}: {rule}");

        if (bornTx != splitTx)
        {
            Fail($"it was created by tx {bornTx}, but its parent was split by tx {splitTx}.");
        }

        if (born.Kind != split.Kind || born.Drawer != split.Drawer || born.Payee != split.Payee || born.Acceptor != split.Acceptor
            || born.Currency != split.Currency || born.IssueDate != split.IssueDate || born.DueDate != split.DueDate
            || born.Transferable != split.Transferable || born.UpdateDate != split.UpdateDate)
        {
            Fail("the terms fixed at issue, or the date, differ from its parent's.");
        }

        if (born.Trail.Count < split.Trail.Count || !born.Trail.Take(split.Trail.Count).SequenceEqual(split.Trail))
        {
            Fail("its trail does not start with its parent's.");
            return;
        }

        var moved = born.Trail.Count - split.Trail.Count;
        var isFirst = born.Id == BillRules.SubBillId(split.Id, 1);
        var ok = moved switch
        {
            0 => born.Holder == split.Holder,
            1 => isFirst && born.Trail[^1].Type == TransferType.Endorse && born.Trail[^1].From == split.Holder && born.Holder != split.Holder,
            _ => false,
        };
        if (!ok)
        {
            Fail($"it starts with holder {born.Holder} and {moved} new trail entries; the parent's holder was {split.Holder} (only part .1 may move, by one endorsement).");
        }
    }
}
