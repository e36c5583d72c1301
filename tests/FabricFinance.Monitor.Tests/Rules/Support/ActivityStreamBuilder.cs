using FabricFinance.Bills;
using FabricFinance.Monitor.ReadModel;

namespace FabricFinance.Monitor.Tests.Rules.Support;

/// <summary>
/// Builds a synthetic, ledger-ordered stream of bill activities the way the monitor would see them: one transaction per
/// block, transaction ids <c>tx001</c>, <c>tx002</c>…, a clock the test moves explicitly (never the real one).
/// </summary>
internal sealed class ActivityStreamBuilder
{
    public const string Org = "Org1MSP";

    private readonly List<BillActivity> _activities = [];
    private readonly Dictionary<string, Bill> _bills = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Deal Deal, DealTerms Terms)> _deals = new(StringComparer.Ordinal);
    private long _block = 10;

    public ActivityStreamBuilder(DateTimeOffset? start = null)
    {
        Now = start ?? new DateTimeOffset(2026, 3, 2, 9, 0, 0, BusinessCalendar.Offset);
    }

    /// <summary>Gets the timestamp the next transaction carries.</summary>
    public DateTimeOffset Now { get; private set; }

    public DateOnly Today => BusinessCalendar.BusinessDate(Now);

    public IReadOnlyList<BillActivity> Activities => _activities;

    public BillActivity Last => _activities[^1];

    public static DateOnly Day(int month, int day) => new(2026, month, day);

    public static Submitter As(string party) => new(Org, "CN=" + party, party);

    public ActivityStreamBuilder Advance(TimeSpan by)
    {
        Now += by;
        return this;
    }

    public ActivityStreamBuilder NextDay() => Advance(TimeSpan.FromDays(1));

    public ActivityStreamBuilder At(DateTimeOffset timestamp)
    {
        Now = timestamp;
        return this;
    }

    /// <summary>Issues a bill and has it accepted: its trail starts with the accept from drawer to payee.</summary>
    public ActivityStreamBuilder Issue(
        string billId, string drawer = "drawer", string payee = "payee", string acceptor = "bank-a", DateOnly? due = null, long amount = 1_000_000)
    {
        var bill = new Bill(
            billId, BillKind.Bank, drawer, payee, acceptor, amount, "CNY", Today, due ?? Day(6, 1), true, drawer,
            BillStatus.PendingAcceptance, [1, amount], null, [], 1, Today, null, null, null, null);
        Add(billId, BillTransactions.IssueBill, BillEvents.BillIssued, As(drawer), bill);
        var tx = NextTxId();
        bill = bill with
        {
            Holder = payee,
            Status = BillStatus.Active,
            Trail = [new Transfer(TransferType.Accept, drawer, payee, amount, Today, tx)],
            Version = 2,
        };
        return Add(billId, BillTransactions.AcceptBill, BillEvents.BillAccepted, As(acceptor), bill, txId: tx);
    }

    public ActivityStreamBuilder Endorse(string billId, string to) =>
        Move(billId, TransferType.Endorse, to, BillTransactions.EndorseBill, BillEvents.BillEndorsed);

    /// <summary>Splits a bill as a partial endorsement would: the parent becomes Split, part 1 goes to <paramref name="to"/>.</summary>
    public ActivityStreamBuilder SplitEndorse(string billId, string to, long amount)
    {
        var parent = _bills[billId];
        var tx = NextTxId();
        var part1 = parent with
        {
            Id = billId + ".1", Amount = amount, Parent = billId, Holder = to, Version = 1, UpdateDate = Today,
            Range = [parent.Range[0], parent.Range[0] + amount - 1],
            Trail = [.. parent.Trail, new Transfer(TransferType.Endorse, parent.Holder, to, amount, Today, tx)],
        };
        var part2 = parent with
        {
            Id = billId + ".2", Amount = parent.Amount - amount, Parent = billId, Version = 1, UpdateDate = Today,
            Range = [parent.Range[0] + amount, parent.Range[1]],
        };
        var by = As(parent.Holder);
        Add(billId, BillTransactions.EndorseBill, BillEvents.BillEndorsed, by, parent with { Status = BillStatus.Split }, txId: tx);
        Add(part1.Id, BillTransactions.EndorseBill, BillEvents.BillEndorsed, by, part1, txId: tx, sameTransaction: true);
        return Add(part2.Id, BillTransactions.EndorseBill, BillEvents.BillEndorsed, by, part2, txId: tx, sameTransaction: true);
    }

    public ActivityStreamBuilder RequestDeal(
        string billId, string dealId, string buyer, int rateBps, DealKind kind = DealKind.Discount)
    {
        var bill = _bills[billId];
        var deal = new Deal(dealId, kind, billId, bill.Holder, buyer, bill.Amount, DealStatus.Requested, Today, null, null,
            "hash", 1, Today, null);
        var terms = DealTerms.Proposed(rateBps);
        _deals[dealId] = (deal, terms);
        var function = kind == DealKind.Discount ? BillTransactions.RequestDiscount : BillTransactions.RequestRediscount;
        return Add(billId, function, BillEvents.DealRequested, As(bill.Holder), bill with { Status = BillStatus.InDeal, DealId = dealId },
            deal, terms);
    }

    public ActivityStreamBuilder CancelDeal(string dealId) =>
        CloseDeal(dealId, DealStatus.Cancelled, BillTransactions.CancelDeal, d => d.Seller);

    public ActivityStreamBuilder RejectDeal(string dealId) =>
        CloseDeal(dealId, DealStatus.Rejected, BillTransactions.RejectDeal, d => d.Buyer);

    public ActivityStreamBuilder ExpireDeal(string dealId) =>
        CloseDeal(dealId, DealStatus.Expired, BillTransactions.ExpireDeal, d => d.Buyer);

    public ActivityStreamBuilder SettleDeal(string dealId)
    {
        var (deal, terms) = _deals[dealId];
        var type = deal.Kind == DealKind.Discount ? TransferType.Discount : TransferType.Rediscount;
        deal = deal with { Status = DealStatus.Settled, SettleDate = Today, Version = deal.Version + 1 };
        _deals[dealId] = (deal, terms);
        return Move(deal.BillId, type, deal.Buyer, BillTransactions.SettleDeal, BillEvents.DealSettled, deal, "exchange");
    }

    public ActivityStreamBuilder Present(string billId)
    {
        var bill = _bills[billId];
        return Add(billId, BillTransactions.PresentForPayment, BillEvents.BillPresented, As(bill.Holder),
            bill with { Status = BillStatus.Presented });
    }

    /// <summary>A transaction on the bill that the peers committed as invalid (no state after it).</summary>
    public ActivityStreamBuilder Invalid(
        string billId, string submitter, string validationCode = "MvccReadConflict", string function = BillTransactions.EndorseBill) =>
        Add(billId, function, null, As(submitter), null, validationCode: validationCode);

    /// <summary>Adds a ready-made activity, numbered like the others.</summary>
    public ActivityStreamBuilder Add(
        string billId, string function, string? eventName, Submitter creator, Bill? bill, Deal? deal = null, DealTerms? terms = null,
        string validationCode = BillActivity.ValidCode, string? txId = null, bool sameTransaction = false)
    {
        if (!sameTransaction)
        {
            _block++;
        }

        var activity = new BillActivity(
            billId, _block, 0, txId ?? NextTxId(), Now, Today, function, eventName, creator, validationCode, bill, deal, terms);
        _activities.Add(activity);
        if (bill is not null)
        {
            _bills[billId] = bill;
        }

        return this;
    }

    private ActivityStreamBuilder Move(
        string billId, TransferType type, string to, string function, string eventName, Deal? deal = null, string? submitter = null)
    {
        var bill = _bills[billId];
        var tx = NextTxId();
        bill = bill with
        {
            Holder = to,
            Status = BillStatus.Active,
            DealId = null,
            Version = bill.Version + 1,
            UpdateDate = Today,
            Trail = [.. bill.Trail, new Transfer(type, bill.Holder, to, bill.Amount, Today, tx)],
        };
        return Add(billId, function, eventName, As(submitter ?? _bills[billId].Holder), bill, deal, txId: tx);
    }

    private ActivityStreamBuilder CloseDeal(string dealId, DealStatus status, string function, Func<Deal, string> by)
    {
        var (deal, terms) = _deals[dealId];
        deal = deal with { Status = status, Version = deal.Version + 1, UpdateDate = Today };
        _deals[dealId] = (deal, terms);
        var bill = _bills[deal.BillId];
        return Add(deal.BillId, function, BillEvents.DealClosed, As(by(deal)), bill with { Status = BillStatus.Active, DealId = null },
            deal);
    }

    private string NextTxId() => $"tx{_activities.Count + 1:000}";
}
