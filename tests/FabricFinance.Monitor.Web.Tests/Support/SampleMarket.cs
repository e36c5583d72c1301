using System.Security.Cryptography;
using System.Text;
using FabricFinance.Bills;
using FabricFinance.Monitor.ReadModel;

namespace FabricFinance.Monitor.Web.Tests.Support;

/// <summary>
/// A small, realistic bill market: eight parties, 26 bills in every status (one split in two), six deals with their
/// terms, and the full life of bill <see cref="TracedBillId"/>, which holds an invalid transaction (an attempted double
/// sale) between its endorsements and a settled discount.
/// </summary>
public sealed class SampleMarket
{
    /// <summary>The bill whose timeline the tests read.</summary>
    public const string TracedBillId = "B-1001";

    /// <summary>The deal on <see cref="TracedBillId"/> whose terms were computed and settled.</summary>
    public const string SettledDealId = "D-3001";

    /// <summary>The invalid transaction in <see cref="TracedBillId"/>'s timeline.</summary>
    public static readonly string InvalidTxId = TxId("b1001-double-sale");

    private static readonly DateOnly _issueDay = new(2026, 10, 9);

    /// <summary>Initializes a new instance of the <see cref="SampleMarket"/> class.</summary>
    public SampleMarket()
    {
        Parties =
        [
            new("EXCH", PartyKind.Exchange, "ExchangeMSP", null, "Shanghai Bill Exchange", PartyStatus.Active),
            new("REG", PartyKind.Regulator, "RegulatorMSP", null, "Market Supervision Office", PartyStatus.Active),
            new("BANK-A", PartyKind.Bank, "HarborBankMSP", null, "Harbor Commercial Bank", PartyStatus.Active),
            new("BANK-B", PartyKind.Bank, "RiversideBankMSP", null, "Riverside Rural Bank", PartyStatus.Active),
            new("ENT-JADE", PartyKind.Enterprise, "EnterpriseMSP", "CN=jade-treasury,OU=client", "Jade Textiles Co.", PartyStatus.Active),
            new("ENT-PEARL", PartyKind.Enterprise, "EnterpriseMSP", "CN=pearl-finance,OU=client", "Pearl Electronics Ltd.", PartyStatus.Active),
            new("ENT-LOTUS", PartyKind.Enterprise, "EnterpriseMSP", "CN=lotus-ap,OU=client", "Lotus Logistics", PartyStatus.Active),
            new("ENT-SUMMIT", PartyKind.Enterprise, "EnterpriseMSP", "CN=summit-cfo,OU=client", "Summit Steel Works", PartyStatus.Suspended),
        ];

        var bills = new List<Bill>();
        var activities = new List<BillActivity>();
        var deals = new List<DealView>();
        BuildTracedBill(bills, activities, deals);
        BuildSplitBill(bills);
        BuildOtherBills(bills, activities, deals);
        Bills = bills;
        Activities = activities;
        Deals = deals;
    }

    /// <summary>Gets the registered parties.</summary>
    public IReadOnlyList<Party> Parties { get; }

    /// <summary>Gets every bill.</summary>
    public IReadOnlyList<Bill> Bills { get; }

    /// <summary>Gets every activity, in ledger order.</summary>
    public IReadOnlyList<BillActivity> Activities { get; }

    /// <summary>Gets every deal with its terms, in request order.</summary>
    public IReadOnlyList<DealView> Deals { get; }

    /// <summary>The last block the read model holds.</summary>
    public const long LastBlock = 42;

    /// <summary>Gets the terms of <see cref="SettledDealId"/>.</summary>
    public DealTerms SettledTerms => Deals.Single(d => d.Deal.Id == SettledDealId).Terms!;

    /// <summary>Raises the two alerts the market starts with.</summary>
    /// <param name="feed">The feed.</param>
    public static void SeedAlerts(FakeAlertFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        feed.Publish(
            "double-sale-trace", AlertSeverity.Warning, TracedBillId,
            "ENT-PEARL's EndorseBill on B-1001 committed invalid (MvccReadConflict) in the block of its valid endorsement to ENT-LOTUS: the trace of an attempted double sale.",
            12, InvalidTxId, At(2026, 11, 12, 2, 15, 4));
        feed.Publish(
            "circular-endorsement", AlertSeverity.Critical, "B-1007",
            "B-1007 returned to ENT-JADE, an earlier holder, after 3 endorsements (ENT-JADE → ENT-PEARL → ENT-LOTUS → ENT-JADE).",
            31, TxId("b1007-circle"), At(2026, 11, 18, 6, 40, 11));
    }

    /// <summary>A deterministic 64-hex transaction id.</summary>
    /// <param name="label">What the transaction is.</param>
    /// <returns>The id.</returns>
    public static string TxId(string label) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(label)));

    /// <summary>A UTC timestamp.</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour, int minute, int second) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);

    private Submitter By(string partyId)
    {
        var party = Parties.Single(p => p.Id == partyId);
        return new Submitter(party.MspId, party.Subject ?? "CN=admin,OU=admin", party.Id);
    }

    private void BuildTracedBill(List<Bill> bills, List<BillActivity> activities, List<DealView> deals)
    {
        const long fen = 1_250_000_37; // 1,250,000.37 yuan
        var due = new DateOnly(2027, 3, 15);
        var issued = new Bill(
            TracedBillId, BillKind.Bank, "ENT-JADE", "ENT-PEARL", "BANK-A", fen, BillRules.Currency, _issueDay, due, true, "ENT-PEARL",
            BillStatus.PendingAcceptance, [1, fen], null, [], 1, _issueDay, null, null, null, null);

        var tIssue = At(2026, 10, 9, 1, 30, 0);
        var tAccept = At(2026, 10, 10, 3, 5, 12);
        var tEndorse = At(2026, 11, 12, 2, 15, 2);
        var tDouble = At(2026, 11, 12, 2, 15, 4);
        var tRequest = At(2026, 11, 20, 1, 0, 45);
        var tAcceptDeal = At(2026, 11, 20, 5, 12, 9);
        var tSettle = At(2026, 11, 21, 2, 0, 0);

        var accepted = issued with
        {
            Status = BillStatus.Active,
            Trail = [new Transfer(TransferType.Accept, "ENT-JADE", "ENT-PEARL", fen, Day(tAccept), TxId("b1001-accept"))],
            Version = 2,
            UpdateDate = Day(tAccept),
        };
        var endorsed = accepted with
        {
            Holder = "ENT-LOTUS",
            Trail = [.. accepted.Trail, new Transfer(TransferType.Endorse, "ENT-PEARL", "ENT-LOTUS", fen, Day(tEndorse), TxId("b1001-endorse"))],
            Version = 3,
            UpdateDate = Day(tEndorse),
        };
        var proposed = DealTerms.Proposed(285);
        var deal = new Deal(
            SettledDealId, DealKind.Discount, TracedBillId, "ENT-LOTUS", "BANK-B", fen, DealStatus.Requested, Day(tRequest), null, null,
            proposed.ComputeHash(), 1, Day(tRequest), null);
        var inDeal = endorsed with { Status = BillStatus.InDeal, DealId = SettledDealId, Version = 4, UpdateDate = Day(tRequest) };
        var computed = proposed.ComputedFor(fen, Day(tAcceptDeal), due);
        var acceptedDeal = deal with
        {
            Status = DealStatus.Accepted, AcceptDate = Day(tAcceptDeal), TermsHash = computed.ComputeHash(), Version = 2, UpdateDate = Day(tAcceptDeal),
        };
        var settledTerms = computed with { PaymentRef = "CNAPS-20261121-0042" };
        var settledDeal = acceptedDeal with
        {
            Status = DealStatus.Settled, SettleDate = Day(tSettle), TermsHash = settledTerms.ComputeHash(), Version = 3, UpdateDate = Day(tSettle),
        };
        var settled = inDeal with
        {
            Status = BillStatus.Active,
            Holder = "BANK-B",
            DealId = null,
            Trail = [.. endorsed.Trail, new Transfer(TransferType.Discount, "ENT-LOTUS", "BANK-B", fen, Day(tSettle), TxId("b1001-settle"))],
            Version = 5,
            UpdateDate = Day(tSettle),
        };

        activities.Add(Activity(issued, 5, 0, "b1001-issue", tIssue, "IssueBill", BillEvents.BillIssued, By("ENT-JADE")));
        activities.Add(Activity(accepted, 6, 1, "b1001-accept", tAccept, "AcceptBill", BillEvents.BillAccepted, By("BANK-A")));
        activities.Add(Activity(endorsed, 12, 2, "b1001-endorse", tEndorse, "EndorseBill", BillEvents.BillEndorsed, By("ENT-PEARL")));
        activities.Add(new BillActivity(
            TracedBillId, 12, 3, InvalidTxId, tDouble, Day(tDouble), "EndorseBill", null, By("ENT-PEARL"), "MvccReadConflict", null, null, null));
        activities.Add(Activity(inDeal, 15, 0, "b1001-request", tRequest, "RequestDiscount", BillEvents.DealRequested, By("ENT-LOTUS")) with
        {
            Deal = deal, Terms = proposed,
        });
        activities.Add(Activity(inDeal, 16, 0, "b1001-accept-deal", tAcceptDeal, "AcceptDeal", BillEvents.DealAccepted, By("BANK-B")) with
        {
            Bill = inDeal with { Version = 4 }, Deal = acceptedDeal, Terms = computed,
        });
        activities.Add(Activity(settled, 17, 0, "b1001-settle", tSettle, "SettleDeal", BillEvents.DealSettled, By("BANK-B")) with
        {
            Deal = settledDeal, Terms = settledTerms,
        });
        bills.Add(settled);
        deals.Add(new DealView(settledDeal, settledTerms));
    }

    private static void BuildSplitBill(List<Bill> bills)
    {
        const long fen = 80_000_000_00;
        const long half = fen / 2;
        var due = new DateOnly(2027, 2, 26);
        var parent = new Bill(
            "B-1002", BillKind.Commercial, "ENT-SUMMIT", "ENT-LOTUS", "ENT-SUMMIT", fen, BillRules.Currency, _issueDay, due, true, "ENT-LOTUS",
            BillStatus.Split, [1, fen], null, [], 3, new DateOnly(2026, 11, 3), null, null, null, null);
        bills.Add(parent);
        bills.Add(parent with { Id = "B-1002.1", Amount = half, Range = [1, half], Parent = "B-1002", Status = BillStatus.Active, Holder = "ENT-PEARL", Version = 1 });
        bills.Add(parent with
        {
            Id = "B-1002.2", Amount = half, Range = [half + 1, fen], Parent = "B-1002", Status = BillStatus.InDeal, DealId = "D-3002", Version = 2,
        });
    }

    private void BuildOtherBills(List<Bill> bills, List<BillActivity> activities, List<DealView> deals)
    {
        BillStatus[] statuses =
        [
            BillStatus.Active, BillStatus.PendingAcceptance, BillStatus.Active, BillStatus.Presented, BillStatus.Active, BillStatus.Paid,
            BillStatus.Active, BillStatus.InDeal, BillStatus.Active, BillStatus.Dishonored, BillStatus.Frozen, BillStatus.Cancelled,
            BillStatus.Active, BillStatus.PendingAcceptance, BillStatus.Paid, BillStatus.Active, BillStatus.Presented, BillStatus.Active,
            BillStatus.Paid, BillStatus.Active, BillStatus.PendingAcceptance, BillStatus.Active,
        ];
        string[] enterprises = ["ENT-JADE", "ENT-PEARL", "ENT-LOTUS", "ENT-SUMMIT"];
        string[] acceptors = ["BANK-A", "BANK-B"];
        for (var i = 0; i < statuses.Length; i++)
        {
            var id = "B-" + (1003 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var fen = (long)(((i * 7919) % 97) + 3) * 1_000_000_00 / 10 + (i * 13 % 100);
            var drawer = enterprises[i % 4];
            var payee = enterprises[(i + 1) % 4];
            var holder = statuses[i] is BillStatus.Paid or BillStatus.Presented ? enterprises[(i + 2) % 4] : enterprises[(i + 1 + (i / 4)) % 4];
            var kind = i % 3 == 0 ? BillKind.Commercial : BillKind.Bank;
            var acceptor = kind == BillKind.Commercial ? drawer : acceptors[i % 2];
            var due = new DateOnly(2027, 1, 8).AddDays(i * 6);
            var bill = new Bill(
                id, kind, drawer, payee, acceptor, fen, BillRules.Currency, _issueDay.AddDays(i), due, true, holder, statuses[i], [1, fen], null, [],
                2, _issueDay.AddDays(i + 1), null, null, null, null);
            bill = id switch
            {
                "B-1007" => bill with { Holder = "ENT-JADE" },
                "B-1009" => bill with { Holder = "BANK-A" },
                "B-1010" => bill with { DealId = "D-3005" },
                "B-1013" => bill with { FrozenFrom = BillStatus.Active, Reason = "Court freezing order 2026-118" },
                "B-1008" or "B-1017" or "B-1021" => bill with { PaymentRef = "CNAPS-" + id },
                _ => bill,
            };
            bills.Add(bill);
            var tIssue = At(2026, 10, 9 + i, 1, 10 + i, 0);
            activities.Add(Activity(bill with { Status = BillStatus.PendingAcceptance }, 3 + i, 0, id + "-issue", tIssue, "IssueBill", BillEvents.BillIssued, By(drawer)));
        }

        deals.Add(new DealView(
            Deal("D-3002", DealKind.Discount, "B-1002.2", "ENT-LOTUS", "BANK-A", 40_000_000_00, DealStatus.Requested, new DateOnly(2026, 11, 24)),
            DealTerms.Proposed(310)));
        var d3 = DealTerms.Proposed(450);
        deals.Add(new DealView(
            Deal("D-3003", DealKind.Discount, "B-1005", "ENT-JADE", "BANK-B", bills.Single(b => b.Id == "B-1005").Amount, DealStatus.Cancelled, new DateOnly(2026, 11, 24)) with
            {
                Reason = "seller withdrew the request",
            },
            d3));
        var b9 = bills.Single(b => b.Id == "B-1009");
        var t4 = DealTerms.Proposed(198).ComputedFor(b9.Amount, new DateOnly(2026, 11, 25), b9.DueDate) with { PaymentRef = "CNAPS-20261125-0007" };
        deals.Add(new DealView(
            Deal("D-3004", DealKind.Rediscount, "B-1009", "BANK-B", "BANK-A", b9.Amount, DealStatus.Settled, new DateOnly(2026, 11, 25)), t4));
        var b10 = bills.Single(b => b.Id == "B-1010");
        var t5 = DealTerms.Proposed(265).ComputedFor(b10.Amount, new DateOnly(2026, 11, 26), b10.DueDate);
        deals.Add(new DealView(
            Deal("D-3005", DealKind.Discount, "B-1010", b10.Holder, "BANK-B", b10.Amount, DealStatus.Accepted, new DateOnly(2026, 11, 26)), t5));
        deals.Add(new DealView(
            Deal("D-3006", DealKind.Discount, "B-1011", "ENT-PEARL", "BANK-A", bills.Single(b => b.Id == "B-1011").Amount, DealStatus.Rejected, new DateOnly(2026, 11, 26)),
            null));
    }

    private static Deal Deal(string id, DealKind kind, string billId, string seller, string buyer, long amount, DealStatus status, DateOnly requested) =>
        new(id, kind, billId, seller, buyer, amount, status, requested, null, null, TxId(id + "-terms"), 1, requested, null);

    private static BillActivity Activity(
        Bill bill, long block, int index, string label, DateTimeOffset timestamp, string function, string eventName, Submitter creator) =>
        new(bill.Id, block, index, TxId(label), timestamp, Day(timestamp), function, eventName, creator, BillActivity.ValidCode, bill, null, null);

    private static DateOnly Day(DateTimeOffset timestamp) => BusinessCalendar.BusinessDate(timestamp);
}
