namespace FabricFinance.Bills.Contract.Internal;

/// <summary>
/// How bills change: a new version dated with the business date, the checks shared by many
/// transactions (time, freeze, status, transferability, maturity) and splitting.
/// </summary>
internal static class BillChanges
{
    /// <summary>The next version of a bill: version + 1, dated <paramref name="today"/>.</summary>
    public static Bill Next(Bill bill, DateOnly today) => bill with { Version = bill.Version + 1, UpdateDate = today };

    /// <summary>The next version of a deal: version + 1, dated <paramref name="today"/>.</summary>
    public static Deal Next(Deal deal, DateOnly today) => deal with { Version = deal.Version + 1, UpdateDate = today };

    /// <summary><c>INVALID_STATE</c> when the transaction is dated before the last change of the record.</summary>
    public static void CheckTime(DateOnly today, DateOnly lastChange, string record)
    {
        if (today < lastChange)
        {
            throw Refusal.InvalidState(
                $"{record} was last changed on {Text.Date(lastChange)}; a transaction dated {Text.Date(today)} cannot change it (time never runs backwards).");
        }
    }

    /// <summary><c>FROZEN</c> when the exchange froze the bill.</summary>
    public static void CheckNotFrozen(Bill bill)
    {
        if (bill.Status == BillStatus.Frozen)
        {
            throw Refusal.Frozen($"bill {bill.Id} is frozen by the exchange{(bill.Reason is null ? string.Empty : " (" + Text.Quote(bill.Reason) + ")")}.");
        }
    }

    /// <summary><c>INVALID_STATE</c> unless the bill is in <paramref name="expected"/>.</summary>
    public static void CheckStatus(Bill bill, BillStatus expected, string action)
    {
        if (bill.Status != expected)
        {
            throw Refusal.InvalidState($"bill {bill.Id} is {bill.Status}; only {(expected is BillStatus.Active or BillStatus.InDeal ? "an" : "a")} {expected} bill can be {action}.");
        }
    }

    /// <summary><c>NOT_TRANSFERABLE</c> for a bill marked not transferable.</summary>
    public static void CheckTransferable(Bill bill, string action)
    {
        if (!bill.Transferable)
        {
            throw Refusal.NotTransferable($"bill {bill.Id} is marked not transferable; it cannot be {action}.");
        }
    }

    /// <summary><c>OVERDUE</c> from the due date on.</summary>
    public static void CheckNotOverdue(Bill bill, DateOnly today, string action)
    {
        if (today >= bill.DueDate)
        {
            throw Refusal.Overdue($"bill {bill.Id} fell due on {Text.Date(bill.DueDate)}; on {Text.Date(today)} it can no longer be {action}, only presented for payment.");
        }
    }

    /// <summary>
    /// Splits <paramref name="bill"/> after its first <paramref name="amount"/> fen: the original
    /// becomes <see cref="BillStatus.Split"/> (its next version), <c>{id}.1</c> covers
    /// <c>[start, start + amount - 1]</c> and <c>{id}.2</c> the rest. Both parts are new bills at
    /// version 1, active, held by the holder, with the parent's terms and a copy of its trail.
    /// </summary>
    public static (Bill Parent, Bill First, Bill Second) Split(Bill bill, long amount, DateOnly today)
    {
        var start = bill.Range[0];
        var end = bill.Range[1];
        var part = bill with
        {
            Status = BillStatus.Active,
            Parent = bill.Id,
            Trail = [.. bill.Trail],
            Version = 1,
            UpdateDate = today,
            FrozenFrom = null,
            DealId = null,
            PaymentRef = null,
            Reason = null,
        };
        var first = part with { Id = BillRules.SubBillId(bill.Id, 1), Amount = amount, Range = [start, start + amount - 1] };
        var rest = part with { Id = BillRules.SubBillId(bill.Id, 2), Amount = bill.Amount - amount, Range = [start + amount, end], Trail = [.. bill.Trail] };
        return (Next(bill, today) with { Status = BillStatus.Split }, first, rest);
    }
}
