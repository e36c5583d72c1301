using FabricFinance.Bills.Tests.Support;

namespace FabricFinance.Bills.Tests.Rulebook;

/// <summary>
/// BILLS.md, "Time": the business date is the proposal timestamp in UTC+8 (so 16:00Z is midnight);
/// "A transaction whose business date is earlier than the last change to the same bill or deal is
/// refused (INVALID_STATE): time never runs backwards" — per bill and per deal, not globally. And the
/// due-date boundaries: "From dueDate on … OVERDUE"; presentment "on or after dueDate".
/// </summary>
[TestFixture]
public sealed class TimeRulebookTests
{
    private const string B1 = BillMarketHarness.StandardBillId;
    private static readonly DateOnly March4 = new(2026, 3, 4);
    private static readonly DateOnly March5 = new(2026, 3, 5);

    [Test]
    [CancelAfter(10_000)]
    public async Task EndorseBill_DatedBeforeTheBillsLastChange_InvalidState()
    {
        // Arrange: B1 accepted on 03-05.
        var market = await BillMarketHarness.StartAsync();
        await market.IssueStandardAsync();
        market.SetToday(March5);
        await market.AcceptAsync(Cast.BankA, B1);

        // Act + Assert
        await Expect.RefusedUnchangedAsync(market, Cast.SupplierA, "EndorseBill", [B1, Cast.SupplierB], "INVALID_STATE", at: BillMarketHarness.At(March4, 23));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task EndorseBill_EarlierHourOfTheSameBusinessDate_Succeeds()
    {
        // Arrange: accepted on 03-05 at 15:00 in UTC+8; an endorsement stamped 09:00 the same day is not earlier by date.
        var market = await BillMarketHarness.StartAsync();
        await market.IssueStandardAsync();
        market.SetToday(March5, 15);
        await market.AcceptAsync(Cast.BankA, B1);

        // Act
        var result = await market.SubmitAsync(Cast.SupplierA, "EndorseBill", [B1, Cast.SupplierB], null, BillMarketHarness.At(March5, 9));

        // Assert
        Expect.Success(result);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Transactions_OnOtherBillsDatedEarlier_Succeed()
    {
        // Arrange: B1 changed on 03-05; B2 last changed 03-02. Time is per bill, not a global clock.
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync("B2");
        await market.IssueStandardAsync();
        market.SetToday(March5);
        await market.AcceptAsync(Cast.BankA, B1);

        // Act
        var endorseOther = await market.SubmitAsync(Cast.SupplierA, "EndorseBill", ["B2", Cast.SupplierB], null, BillMarketHarness.At(March4));
        var issueNew = await market.SubmitAsync(Cast.CoreCorp, "IssueBill", [Args.Issue("B3", Cast.SupplierA, Cast.BankA, 100, BillMarketHarness.StandardDueDate)], null, BillMarketHarness.At(new DateOnly(2026, 3, 3)));

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(endorseOther.IsSuccess, Is.True, endorseOther.Message);
            Assert.That(issueNew.IsSuccess, Is.True, issueNew.Message);
            Assert.That(Read.Bill(issueNew).IssueDate, Is.EqualTo(new DateOnly(2026, 3, 3)));
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task CancelDeal_DatedBeforeTheDealsLastChange_InvalidState()
    {
        // Arrange: requested 03-02 (bill last changed then), accepted 03-05 (deal last changed then).
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        await market.RequestDiscountAsync(Cast.SupplierA, "D1", B1, Cast.BankC, 300);
        market.SetToday(March5);
        await market.AcceptDealAsync(Cast.BankC, "D1");

        // Act + Assert
        await Expect.RefusedUnchangedAsync(market, Cast.SupplierA, "CancelDeal", ["D1", "x"], "INVALID_STATE", at: BillMarketHarness.At(March4));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task SettleDeal_DatedBeforeAcceptance_InvalidState()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        await market.RequestDiscountAsync(Cast.SupplierA, "D1", B1, Cast.BankC, 300);
        market.SetToday(March5);
        await market.AcceptDealAsync(Cast.BankC, "D1");

        // Act + Assert
        await Expect.RefusedUnchangedAsync(market, Cast.Exchange, "SettleDeal", ["D1"], "INVALID_STATE", Args.Settlement("PAY-1"), BillMarketHarness.At(March4));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task AcceptDeal_DatedBeforeTheRequest_InvalidState()
    {
        // Arrange: requested 03-05.
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        market.SetToday(March5);
        await market.RequestDiscountAsync(Cast.SupplierA, "D1", B1, Cast.BankC, 300);

        // Act + Assert
        await Expect.RefusedUnchangedAsync(market, Cast.BankC, "AcceptDeal", ["D1"], "INVALID_STATE", at: BillMarketHarness.At(March4));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task EndorseBill_SubBillDatedBeforeItsCreation_InvalidState()
    {
        // Arrange: B1.1 and B1.2 created on 03-05.
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        market.SetToday(March5);
        await market.EndorseAsync(Cast.SupplierA, B1, Cast.SupplierB, 300_000);

        // Act + Assert
        await Expect.RefusedUnchangedAsync(market, Cast.SupplierA, "EndorseBill", ["B1.2", Cast.SupplierC], "INVALID_STATE", at: BillMarketHarness.At(March4));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task UnfreezeBill_DatedBeforeTheFreeze_InvalidState()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        market.SetToday(March5);
        await market.FreezeAsync(B1);

        // Act + Assert
        await Expect.RefusedUnchangedAsync(market, Cast.Exchange, "UnfreezeBill", [B1, "lifted"], "INVALID_STATE", at: BillMarketHarness.At(March4));
    }

    public static IEnumerable<TestCaseData> DueDateBoundary()
    {
        var lastInstantBeforeDue = new DateTimeOffset(2026, 5, 31, 15, 59, 59, 999, TimeSpan.Zero);
        var dueMidnight = new DateTimeOffset(2026, 5, 31, 16, 0, 0, 0, TimeSpan.Zero);
        yield return new TestCaseData("PresentForPayment", lastInstantBeforeDue, "NOT_DUE").SetName("PresentForPayment_At1559ZBeforeDue_NotDue");
        yield return new TestCaseData("PresentForPayment", dueMidnight, null).SetName("PresentForPayment_At1600ZDueDateBegins_Succeeds");
        yield return new TestCaseData("PresentForPayment", BillMarketHarness.At(new DateOnly(2026, 7, 15)), null).SetName("PresentForPayment_WeeksAfterDue_Succeeds");
        yield return new TestCaseData("EndorseBill", lastInstantBeforeDue, null).SetName("EndorseBill_At1559ZBeforeDue_Succeeds");
        yield return new TestCaseData("EndorseBill", dueMidnight, "OVERDUE").SetName("EndorseBill_At1600ZDueDateBegins_Overdue");
        yield return new TestCaseData("EndorsePartial", lastInstantBeforeDue, null).SetName("EndorsePartial_At1559ZBeforeDue_Succeeds");
        yield return new TestCaseData("EndorsePartial", dueMidnight, "OVERDUE").SetName("EndorsePartial_At1600ZDueDateBegins_Overdue");
        yield return new TestCaseData("RequestDiscount", lastInstantBeforeDue, null).SetName("RequestDiscount_At1559ZBeforeDue_Succeeds");
        yield return new TestCaseData("RequestDiscount", dueMidnight, "OVERDUE").SetName("RequestDiscount_At1600ZDueDateBegins_Overdue");
        yield return new TestCaseData("AcceptDeal", lastInstantBeforeDue, null).SetName("AcceptDeal_At1559ZBeforeDue_Succeeds");
        yield return new TestCaseData("AcceptDeal", dueMidnight, "OVERDUE").SetName("AcceptDeal_At1600ZDueDateBegins_Overdue");
        yield return new TestCaseData("SettleDeal", lastInstantBeforeDue, null).SetName("SettleDeal_At1559ZBeforeDue_Succeeds");
        yield return new TestCaseData("SettleDeal", dueMidnight, "OVERDUE").SetName("SettleDeal_At1600ZDueDateBegins_Overdue");
    }

    [TestCaseSource(nameof(DueDateBoundary))]
    [CancelAfter(10_000)]
    public async Task Transaction_AroundDueMidnightInUtcPlus8_Outcome(string operation, DateTimeOffset at, string? expectedCode)
    {
        // Arrange: B1 due 2026-06-01 (midnight in UTC+8 is 2026-05-31T16:00Z).
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        if (operation is "AcceptDeal" or "SettleDeal")
        {
            await market.RequestDiscountAsync(Cast.SupplierA, "D1", B1, Cast.BankC, 300);
        }

        if (operation == "SettleDeal")
        {
            await market.AcceptDealAsync(Cast.BankC, "D1");
        }

        (string Actor, string Function, string[] Arguments, IReadOnlyDictionary<string, string>? Transient) call = operation switch
        {
            "PresentForPayment" => (Cast.SupplierA, "PresentForPayment", [B1], null),
            "EndorseBill" => (Cast.SupplierA, "EndorseBill", [B1, Cast.SupplierB], null),
            "EndorsePartial" => (Cast.SupplierA, "EndorseBill", [B1, Cast.SupplierB, "1000"], null),
            "RequestDiscount" => (Cast.SupplierA, "RequestDiscount", [Args.Deal("D1", B1, Cast.BankC)], Args.Terms(300)),
            "AcceptDeal" => (Cast.BankC, "AcceptDeal", ["D1"], null),
            "SettleDeal" => (Cast.Exchange, "SettleDeal", ["D1"], Args.Settlement("PAY-1")),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };

        // Act + Assert
        if (expectedCode is not null)
        {
            await Expect.RefusedUnchangedAsync(market, call.Actor, call.Function, call.Arguments, expectedCode, call.Transient, at);
            return;
        }

        Expect.Success(await market.SubmitAsync(call.Actor, call.Function, call.Arguments, call.Transient, at));
    }
}
