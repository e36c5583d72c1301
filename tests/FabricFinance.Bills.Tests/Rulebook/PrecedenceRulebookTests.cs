using FabricFinance.Bills.Tests.Support;

namespace FabricFinance.Bills.Tests.Rulebook;

/// <summary>
/// BILLS.md, "Errors": "Where several codes apply, the first of these wins": 1 the form of the
/// arguments and transient data; 2 a named party that exists but is suspended or of the wrong kind;
/// 3 the bill or deal named not found; 4 values that contradict the record; 5 a named party that does
/// not exist; 6 FORBIDDEN; 7 ALREADY_EXISTS; 8 time running backwards; 9 the deal's own status;
/// 10 FROZEN; 11 the bill's status; 12 NOT_TRANSFERABLE, then OVERDUE, then NOT_DUE. Each case below
/// makes two of them apply; the name says which must win.
/// </summary>
[TestFixture]
public sealed class PrecedenceRulebookTests
{
    private const string B1 = BillMarketHarness.StandardBillId;
    private const string InvalidArgument = "INVALID_ARGUMENT";
    private const string NotFound = "NOT_FOUND";
    private const string Forbidden = "FORBIDDEN";
    private const string AlreadyExists = "ALREADY_EXISTS";
    private const string InvalidState = "INVALID_STATE";
    private const string Frozen = "FROZEN";
    private const string NotTransferable = "NOT_TRANSFERABLE";
    private const string Overdue = "OVERDUE";
    private const string NotDue = "NOT_DUE";
    private static readonly DateOnly Due = BillMarketHarness.StandardDueDate;

    public static IEnumerable<TestCaseData> Cases()
    {
        static Func<BillMarketHarness, Task> Bill(BillState state) => m => Scenarios.ArrangeBillAsync(m, state);
        static Func<BillMarketHarness, Task> Deal(DealState state) => m => Scenarios.ArrangeDealAsync(m, state);
        static Task Nothing(BillMarketHarness m) => Task.CompletedTask;
        const string badAmount = "{\"id\":\"B9\",\"kind\":\"bank\",\"payee\":\"SupplierA\",\"acceptor\":\"BankA\",\"amount\":\"abc\",\"dueDate\":\"2026-06-01\",\"transferable\":true}";

        // 1 beats the rest.
        yield return Case("MalformedJsonByUnregistered", new(InvalidArgument, Forbidden, Nothing, Cast.Stranger, "IssueBill", [badAmount]));
        yield return Case("MalformedIdOfUnknownBill", new(InvalidArgument, NotFound, Nothing, Cast.SupplierA, "AcceptBill", ["bad id!"]));
        yield return Case("WrongArityByRegulator", new(InvalidArgument, Forbidden, Bill(BillState.PendingAcceptance), Cast.Regulator, "AcceptBill", [B1, "extra"]));
        yield return Case("MissingTermsOnUnknownBillByNonHolder", new(InvalidArgument, NotFound, Nothing, Cast.SupplierC, "RequestDiscount", [Args.Deal("D9", "NoSuchBill", Cast.BankC)]));
        yield return Case("MissingSettlementByNonExchange", new(InvalidArgument, Forbidden, Deal(DealState.Accepted), Cast.SupplierA, "SettleDeal", [Scenarios.DealId]));

        // 2 beats 3 and later.
        yield return Case("SuspendedEndorseeOfUnknownBill", new(InvalidArgument, NotFound, Nothing, Cast.SupplierA, "EndorseBill", ["NoSuchBill", Cast.Dormant]));
        yield return Case("BankEndorseeOfUnknownBill", new(InvalidArgument, NotFound, Nothing, Cast.SupplierA, "EndorseBill", ["NoSuchBill", Cast.BankB]));
        yield return Case("EnterpriseBuyerOfUnknownBill", new(InvalidArgument, NotFound, Nothing, Cast.SupplierA, "RequestDiscount", [Args.Deal("D9", "NoSuchBill", Cast.SupplierC)], Args.Terms(300)));
        yield return Case("BankEndorseeByNonHolder", new(InvalidArgument, Forbidden, Bill(BillState.Active), Cast.SupplierC, "EndorseBill", [B1, Cast.BankB]));
        yield return Case("SuspendedEndorseeOfLockedBill", new(InvalidArgument, InvalidState, Bill(BillState.InDeal), Cast.SupplierA, "EndorseBill", [B1, Cast.Dormant]));
        yield return Case("WrongKindAcceptorOfExistingId", new(InvalidArgument, AlreadyExists, Bill(BillState.Active), Cast.CoreCorp, "IssueBill", [Args.Issue(B1, Cast.SupplierA, Cast.SupplierC, 100, Due)]));

        // 3 beats 5 and later.
        yield return Case("UnknownBillByUnregistered", new(NotFound, Forbidden, Nothing, Cast.Stranger, "AcceptBill", ["NoSuchBill"], MessageNames: "NoSuchBill"));
        yield return Case("UnknownBillByRegulator", new(NotFound, Forbidden, Nothing, Cast.Regulator, "CancelBill", ["NoSuchBill"], MessageNames: "NoSuchBill"));
        yield return Case("UnknownBillAndUnknownEndorsee", new(NotFound, NotFound, Nothing, Cast.SupplierA, "EndorseBill", ["NoSuchBill", "Ghost"], MessageNames: "NoSuchBill"));
        yield return Case("UnknownDealByBystander", new(NotFound, Forbidden, Nothing, Cast.BankB, "AcceptDeal", ["NoSuchDeal"], MessageNames: "NoSuchDeal"));

        // 4 beats 5 and later.
        yield return Case("WholeAmountAsPartialToUnknownParty", new(InvalidArgument, NotFound, Bill(BillState.Active), Cast.SupplierA, "EndorseBill", [B1, "Ghost", "1000000"]));
        yield return Case("EndorseeIsTheHolderByNonHolder", new(InvalidArgument, Forbidden, Bill(BillState.Active), Cast.SupplierC, "EndorseBill", [B1, Cast.SupplierA]));
        yield return Case("WholeAmountAsPartialByNonHolder", new(InvalidArgument, Forbidden, Bill(BillState.Active), Cast.SupplierC, "EndorseBill", [B1, Cast.SupplierB, "1000000"]));
        yield return Case("PartialAboveAmountOfLockedBill", new(InvalidArgument, InvalidState, Bill(BillState.InDeal), Cast.SupplierA, "EndorseBill", [B1, Cast.SupplierB, "2000000"]));
        yield return Case("WholeAmountAsPartialOfFrozenBill", new(InvalidArgument, Frozen, Bill(BillState.FrozenFromActive), Cast.SupplierA, "EndorseBill", [B1, Cast.SupplierB, "1000000"]));
        yield return Case("WholeAmountAsPartialOfOverdueBill", new(InvalidArgument, Overdue, Bill(BillState.Overdue), Cast.SupplierA, "EndorseBill", [B1, Cast.SupplierB, "1000000"]));
        yield return Case("BuyerIsTheSellerByNonHolderBank", new(InvalidArgument, Forbidden, BankHeld, Cast.BankB, "RequestRediscount", [Args.Deal("D9", B1, Cast.BankC)], Args.Terms(300)));

        // 5 beats 6 and later.
        yield return Case("UnknownEndorseeByNonHolder", new(NotFound, Forbidden, Bill(BillState.Active), Cast.SupplierC, "EndorseBill", [B1, "Ghost"], MessageNames: "Ghost"));
        yield return Case("UnknownBuyerByNonHolder", new(NotFound, Forbidden, Bill(BillState.Active), Cast.SupplierC, "RequestDiscount", [Args.Deal("D9", B1, "GhostBank")], Args.Terms(300), MessageNames: "GhostBank"));
        yield return Case("UnknownEndorseeOfLockedBill", new(NotFound, InvalidState, Bill(BillState.InDeal), Cast.SupplierA, "EndorseBill", [B1, "Ghost"], MessageNames: "Ghost"));
        yield return Case("UnknownPayeeWithExistingId", new(NotFound, AlreadyExists, Bill(BillState.Active), Cast.CoreCorp, "IssueBill", [Args.Issue(B1, "Ghost", Cast.BankA, 100, Due)], MessageNames: "Ghost"));

        // 6 beats 7 and later.
        yield return Case("BankIssuesExistingId", new(Forbidden, AlreadyExists, Bill(BillState.Active), Cast.BankA, "IssueBill", [Args.Issue(B1, Cast.SupplierA, Cast.BankB, 100, Due)]));
        yield return Case("BankRegistersExistingParty", new(Forbidden, AlreadyExists, Nothing, Cast.BankA, "RegisterParty", [Args.Json(Cast.Registrations[0])]));
        yield return Case("NonHolderReusesDealId", new(Forbidden, AlreadyExists, Bill(BillState.InDeal), Cast.SupplierC, "RequestDiscount", [Args.Deal(Scenarios.DealId, B1, Cast.BankC)], Args.Terms(300)));
        yield return Case("NonHolderBackdated", new(Forbidden, InvalidState, Bill(BillState.Active), Cast.SupplierC, "EndorseBill", [B1, Cast.SupplierB], At: new DateOnly(2026, 3, 1)));
        yield return Case("SellerAcceptsSettledDeal", new(Forbidden, InvalidState, Deal(DealState.Settled), Cast.SupplierA, "AcceptDeal", [Scenarios.DealId]));
        yield return Case("NonHolderEndorsesFrozenBill", new(Forbidden, Frozen, Bill(BillState.FrozenFromActive), Cast.SupplierC, "EndorseBill", [B1, Cast.SupplierB]));
        yield return Case("BuyerCancelsFrozenDeal", new(Forbidden, Frozen, Deal(DealState.RequestedFrozen), Cast.BankC, "CancelDeal", [Scenarios.DealId, "x"]));
        yield return Case("NonHolderPresentsPaidBill", new(Forbidden, InvalidState, Bill(BillState.Paid), Cast.SupplierC, "PresentForPayment", [B1]));
        yield return Case("NonHolderPresentsBeforeDue", new(Forbidden, NotDue, Bill(BillState.Active), Cast.SupplierC, "PresentForPayment", [B1]));
        yield return Case("NonHolderEndorsesNonTransferable", new(Forbidden, NotTransferable, Bill(BillState.NotTransferable), Cast.SupplierC, "EndorseBill", [B1, Cast.SupplierB]));
        yield return Case("NonAcceptorAcceptsActiveBill", new(Forbidden, InvalidState, Bill(BillState.Active), Cast.BankB, "AcceptBill", [B1]));
        yield return Case("BuyerSettlesOverdueDeal", new(Forbidden, Overdue, Deal(DealState.AcceptedOverdue), Cast.BankC, "SettleDeal", [Scenarios.DealId], Args.Settlement("PAY-1")));

        // 7 beats 8 and later.
        yield return Case("ReusedDealIdOnBillChangedLater", new(AlreadyExists, InvalidState, ReusedDealIdSetup, Cast.SupplierA, "RequestDiscount", [Args.Deal(Scenarios.DealId, "B2", Cast.BankC)], Args.Terms(300), new DateOnly(2026, 3, 4)));
        yield return Case("ReusedDealIdOnLockedBill", new(AlreadyExists, InvalidState, Bill(BillState.InDeal), Cast.SupplierA, "RequestDiscount", [Args.Deal(Scenarios.DealId, B1, Cast.BankC)], Args.Terms(300)));
        yield return Case("ReusedDealIdOnNonTransferableBill", new(AlreadyExists, NotTransferable, NonTransferableAndDealSetup, Cast.SupplierA, "RequestDiscount", [Args.Deal(Scenarios.DealId, B1, Cast.BankC)], Args.Terms(300)));

        // 8 beats 10 and later.
        yield return Case("BackdatedOnFrozenBill", new(InvalidState, Frozen, FrozenOnMarch5, Cast.SupplierA, "EndorseBill", [B1, Cast.SupplierB], At: new DateOnly(2026, 3, 4)));
        yield return Case("BackdatedPresentmentBeforeDue", new(InvalidState, NotDue, EndorsedOnMarch5, Cast.SupplierB, "PresentForPayment", [B1], At: new DateOnly(2026, 3, 4)));
        yield return Case("BackdatedOnNonTransferableBill", new(InvalidState, NotTransferable, NonTransferableAcceptedOnMarch5, Cast.SupplierA, "EndorseBill", [B1, Cast.SupplierB], At: new DateOnly(2026, 3, 4)));
        yield return Case("BackdatedRejectionOfDealAcceptedAndFrozenLater", new(InvalidState, Frozen, DealAcceptedAndFrozenOnMarch5, Cast.BankC, "RejectDeal", [Scenarios.DealId, "x"], At: new DateOnly(2026, 3, 4)));

        // 9 beats 10 and 12.
        yield return Case("ClosedDealOfFrozenBillAccepted", new(InvalidState, Frozen, Deal(DealState.RejectedFrozen), Cast.BankC, "AcceptDeal", [Scenarios.DealId]));
        yield return Case("ClosedDealOfFrozenBillCancelled", new(InvalidState, Frozen, Deal(DealState.RejectedFrozen), Cast.SupplierA, "CancelDeal", [Scenarios.DealId, "x"]));
        yield return Case("ClosedDealOfFrozenBillExpired", new(InvalidState, Frozen, Deal(DealState.RejectedFrozen), Cast.SupplierC, "ExpireDeal", [Scenarios.DealId]));
        yield return Case("AcceptedDealAcceptedAgainOfFrozenBill", new(InvalidState, Frozen, Deal(DealState.AcceptedFrozen), Cast.BankC, "AcceptDeal", [Scenarios.DealId]));
        yield return Case("AcceptedDealAcceptedAgainAfterDue", new(InvalidState, Overdue, Deal(DealState.AcceptedOverdue), Cast.BankC, "AcceptDeal", [Scenarios.DealId]));
        yield return Case("RequestedDealSettledAfterDue", new(InvalidState, Overdue, Deal(DealState.RequestedOverdue), Cast.Exchange, "SettleDeal", [Scenarios.DealId], Args.Settlement("PAY-1")));

        // 10 beats 11 and 12.
        yield return Case("DrawerCancelsFrozenActiveBill", new(Frozen, InvalidState, Bill(BillState.FrozenFromActive), Cast.CoreCorp, "CancelBill", [B1]));
        yield return Case("AcceptorPaysFrozenBill", new(Frozen, InvalidState, Bill(BillState.FrozenFromActive), Cast.BankA, "PayBill", [B1, "PAID-1"]));
        yield return Case("HolderPresentsFrozenBillBeforeDue", new(Frozen, NotDue, Bill(BillState.FrozenFromActive), Cast.SupplierA, "PresentForPayment", [B1]));
        yield return Case("HolderEndorsesFrozenNonTransferable", new(Frozen, NotTransferable, FrozenNonTransferable, Cast.SupplierA, "EndorseBill", [B1, Cast.SupplierB]));
        yield return Case("HolderEndorsesFrozenBillAfterDue", new(Frozen, Overdue, FrozenThenDue, Cast.SupplierA, "EndorseBill", [B1, Cast.SupplierB]));
        yield return Case("BuyerAcceptsOpenDealOfFrozenBillAfterDue", new(Frozen, Overdue, FrozenOpenDealThenDue, Cast.BankC, "AcceptDeal", [Scenarios.DealId]));
        yield return Case("ExchangeSettlesOpenDealOfFrozenBillAfterDue", new(Frozen, Overdue, FrozenAcceptedDealThenDue, Cast.Exchange, "SettleDeal", [Scenarios.DealId], Args.Settlement("PAY-1")));
        yield return Case("ExchangeFreezesFrozenBill", new(Frozen, InvalidState, Bill(BillState.FrozenFromActive), Cast.Exchange, "FreezeBill", [B1, "again"]));

        // 11 beats 12.
        yield return Case("DrawerEndorsesPendingNonTransferable", new(InvalidState, NotTransferable, PendingNonTransferable, Cast.CoreCorp, "EndorseBill", [B1, Cast.SupplierB]));
        yield return Case("HolderEndorsesPresentedBill", new(InvalidState, Overdue, Bill(BillState.Presented), Cast.SupplierA, "EndorseBill", [B1, Cast.SupplierB]));
        yield return Case("HolderPresentsLockedBillBeforeDue", new(InvalidState, NotDue, Bill(BillState.InDeal), Cast.SupplierA, "PresentForPayment", [B1]));
        yield return Case("HolderDiscountsLockedBillAfterDue", new(InvalidState, Overdue, LockedThenDue, Cast.SupplierA, "RequestDiscount", [Args.Deal("D2", B1, Cast.BankC)], Args.Terms(300)));

        // 12: NOT_TRANSFERABLE, then OVERDUE, then NOT_DUE.
        yield return Case("EndorseNonTransferableAfterDue", new(NotTransferable, Overdue, NonTransferableThenDue, Cast.SupplierA, "EndorseBill", [B1, Cast.SupplierB]));
        yield return Case("DiscountNonTransferableAfterDue", new(NotTransferable, Overdue, NonTransferableThenDue, Cast.SupplierA, "RequestDiscount", [Args.Deal("D2", B1, Cast.BankC)], Args.Terms(300)));
        yield return Case("SplitNonTransferableAfterDue", new(NotTransferable, Overdue, NonTransferableThenDue, Cast.SupplierA, "EndorseBill", [B1, Cast.SupplierB, "1000"]));

        static TestCaseData Case(string name, PrecedenceCase precedence) =>
            new TestCaseData(precedence).SetName($"Precedence_{name}_{precedence.Winner}Over{precedence.Loser}");
    }

    [TestCaseSource(nameof(Cases))]
    [CancelAfter(20_000)]
    public async Task Precedence_TwoCodesApply_TheEarlierWins(PrecedenceCase precedence)
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await precedence.Arrange(market);
        DateTimeOffset? at = precedence.At is { } date ? BillMarketHarness.At(date) : null;

        // Act
        var result = await Expect.RefusedUnchangedAsync(market, precedence.Actor, precedence.Function, precedence.Arguments, precedence.Winner, precedence.Transient, at);

        // Assert
        if (precedence.MessageNames is { } named)
        {
            Assert.That(result.Message, Does.Contain(named), "the sentence names the record the code is about");
        }
    }

    private static async Task BankHeld(BillMarketHarness market)
    {
        await market.IssueAcceptedAsync();
        await market.DiscountAsync(Cast.SupplierA, "D0", B1, Cast.BankC);
    }

    private static async Task ReusedDealIdSetup(BillMarketHarness market)
    {
        // D1 exists on B1; B2 was last changed on 03-05; the reuse of D1 on B2 comes dated 03-04.
        await market.IssueAcceptedAsync();
        await market.IssueStandardAsync("B2");
        await market.RequestDiscountAsync(Cast.SupplierA, Scenarios.DealId, B1, Cast.BankC, 300);
        market.SetToday(new DateOnly(2026, 3, 5));
        await market.AcceptAsync(Cast.BankA, "B2");
    }

    private static async Task NonTransferableAndDealSetup(BillMarketHarness market)
    {
        await market.IssueAcceptedAsync(transferable: false);
        await market.IssueAcceptedAsync("B2");
        await market.RequestDiscountAsync(Cast.SupplierA, Scenarios.DealId, "B2", Cast.BankC, 300);
    }

    private static async Task FrozenOnMarch5(BillMarketHarness market)
    {
        await market.IssueAcceptedAsync();
        market.SetToday(new DateOnly(2026, 3, 5));
        await market.FreezeAsync(B1);
    }

    private static async Task EndorsedOnMarch5(BillMarketHarness market)
    {
        await market.IssueAcceptedAsync();
        market.SetToday(new DateOnly(2026, 3, 5));
        await market.EndorseAsync(Cast.SupplierA, B1, Cast.SupplierB);
    }

    private static async Task NonTransferableAcceptedOnMarch5(BillMarketHarness market)
    {
        await market.IssueStandardAsync(transferable: false);
        market.SetToday(new DateOnly(2026, 3, 5));
        await market.AcceptAsync(Cast.BankA, B1);
    }

    private static async Task DealAcceptedAndFrozenOnMarch5(BillMarketHarness market)
    {
        await market.IssueAcceptedAsync();
        await market.RequestDiscountAsync(Cast.SupplierA, Scenarios.DealId, B1, Cast.BankC, 300);
        market.SetToday(new DateOnly(2026, 3, 5));
        await market.AcceptDealAsync(Cast.BankC, Scenarios.DealId);
        await market.FreezeAsync(B1);
    }

    private static async Task FrozenNonTransferable(BillMarketHarness market)
    {
        await market.IssueAcceptedAsync(transferable: false);
        await market.FreezeAsync(B1);
    }

    private static async Task FrozenThenDue(BillMarketHarness market)
    {
        await market.IssueAcceptedAsync();
        await market.FreezeAsync(B1);
        market.SetToday(Due);
    }

    private static async Task FrozenOpenDealThenDue(BillMarketHarness market)
    {
        await market.IssueAcceptedAsync();
        await market.RequestDiscountAsync(Cast.SupplierA, Scenarios.DealId, B1, Cast.BankC, 300);
        await market.FreezeAsync(B1);
        market.SetToday(Due);
    }

    private static async Task FrozenAcceptedDealThenDue(BillMarketHarness market)
    {
        await market.IssueAcceptedAsync();
        await market.RequestDiscountAsync(Cast.SupplierA, Scenarios.DealId, B1, Cast.BankC, 300);
        await market.AcceptDealAsync(Cast.BankC, Scenarios.DealId);
        await market.FreezeAsync(B1);
        market.SetToday(Due);
    }

    private static async Task PendingNonTransferable(BillMarketHarness market) => await market.IssueStandardAsync(transferable: false);

    private static async Task LockedThenDue(BillMarketHarness market)
    {
        await market.IssueAcceptedAsync();
        await market.RequestDiscountAsync(Cast.SupplierA, Scenarios.DealId, B1, Cast.BankC, 300);
        market.SetToday(Due);
    }

    private static async Task NonTransferableThenDue(BillMarketHarness market)
    {
        await market.IssueAcceptedAsync(transferable: false);
        market.SetToday(Due);
    }
}
