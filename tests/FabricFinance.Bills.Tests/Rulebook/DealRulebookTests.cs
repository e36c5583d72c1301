using FabricFinance.Bills.Tests.Support;

namespace FabricFinance.Bills.Tests.Rulebook;

/// <summary>
/// BILLS.md, rows RequestDiscount, RequestRediscount, RejectDeal, CancelDeal, ExpireDeal and "Deals":
/// the buyer, the public deal record, rediscount between banks, closing and re-dealing, and expiry
/// strictly more than three days after the request.
/// </summary>
[TestFixture]
public sealed class DealRulebookTests
{
    private const string B1 = BillMarketHarness.StandardBillId;

    public static IEnumerable<TestCaseData> DiscountBuyers()
    {
        yield return new TestCaseData(Cast.BankC, null).SetName("RequestDiscount_BuyerActiveBank_Succeeds");
        yield return new TestCaseData(Cast.BankA, null).SetName("RequestDiscount_BuyerIsTheAcceptorBank_Succeeds");
        yield return new TestCaseData(Cast.SupplierC, "INVALID_ARGUMENT").SetName("RequestDiscount_BuyerEnterprise_InvalidArgument");
        yield return new TestCaseData(Cast.SupplierA, "INVALID_ARGUMENT").SetName("RequestDiscount_BuyerIsTheSeller_InvalidArgument");
        yield return new TestCaseData(Cast.Exchange, "INVALID_ARGUMENT").SetName("RequestDiscount_BuyerExchange_InvalidArgument");
        yield return new TestCaseData(Cast.Regulator, "INVALID_ARGUMENT").SetName("RequestDiscount_BuyerRegulator_InvalidArgument");
        yield return new TestCaseData("GhostBank", "NOT_FOUND").SetName("RequestDiscount_BuyerUnknown_NotFound");
    }

    [TestCaseSource(nameof(DiscountBuyers))]
    [CancelAfter(10_000)]
    public async Task RequestDiscount_Buyer_Outcome(string buyer, string? expectedCode)
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();

        // Act + Assert
        if (expectedCode is not null)
        {
            await Expect.RefusedUnchangedAsync(market, Cast.SupplierA, "RequestDiscount", [Args.Deal("D1", B1, buyer)], expectedCode, Args.Terms(300));
            return;
        }

        Expect.Success(await market.SubmitAsync(Cast.SupplierA, "RequestDiscount", [Args.Deal("D1", B1, buyer)], Args.Terms(300)));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task RequestDiscount_SuspendedBuyer_InvalidArgument()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        await market.SuspendAsync(Cast.BankC);

        // Act + Assert
        await Expect.RefusedUnchangedAsync(market, Cast.SupplierA, "RequestDiscount", [Args.Deal("D1", B1, Cast.BankC)], "INVALID_ARGUMENT", Args.Terms(300));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task RequestDiscount_Valid_PublicDealRecordAsTheRulebookDescribes()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();

        // Act
        var result = await market.SubmitAsync(Cast.SupplierA, "RequestDiscount", [Args.Deal("D1", B1, Cast.BankC)], Args.Terms(300));

        // Assert
        Expect.Success(result);
        var deal = Read.Deal(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(deal.Id, Is.EqualTo("D1"));
            Assert.That(deal.Kind, Is.EqualTo(DealKind.Discount));
            Assert.That(deal.BillId, Is.EqualTo(B1));
            Assert.That(deal.Seller, Is.EqualTo(Cast.SupplierA));
            Assert.That(deal.Buyer, Is.EqualTo(Cast.BankC));
            Assert.That(deal.Amount, Is.EqualTo(1_000_000));
            Assert.That(deal.Status, Is.EqualTo(DealStatus.Requested));
            Assert.That(deal.RequestDate, Is.EqualTo(new DateOnly(2026, 3, 2)));
            Assert.That(deal.AcceptDate, Is.Null, "dates are null until they happen");
            Assert.That(deal.SettleDate, Is.Null);
            Assert.That(deal.Version, Is.EqualTo(1));
            Assert.That(result.PayloadText, Does.Contain("\"acceptDate\":null").And.Contain("\"settleDate\":null"));
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task RequestDiscount_ExistingDealId_AlreadyExists()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        await market.IssueAcceptedAsync("B2");
        await market.RequestDiscountAsync(Cast.SupplierA, "D1", B1, Cast.BankC, 300);

        // Act + Assert
        await Expect.RefusedUnchangedAsync(market, Cast.SupplierA, "RequestDiscount", [Args.Deal("D1", "B2", Cast.BankB)], "ALREADY_EXISTS", Args.Terms(300));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task RequestDiscount_BankHolder_Forbidden()
    {
        // Arrange: a bank holder sells by rediscount, not discount.
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        await market.DiscountAsync(Cast.SupplierA, "D1", B1, Cast.BankC);

        // Act + Assert
        await Expect.RefusedUnchangedAsync(market, Cast.BankC, "RequestDiscount", [Args.Deal("D2", B1, Cast.BankB)], "FORBIDDEN", Args.Terms(300));
    }

    public static IEnumerable<TestCaseData> RediscountBuyers()
    {
        yield return new TestCaseData(Cast.BankB, null).SetName("RequestRediscount_BuyerAnotherBank_Succeeds");
        yield return new TestCaseData(Cast.BankA, null).SetName("RequestRediscount_BuyerTheAcceptorBank_Succeeds");
        yield return new TestCaseData(Cast.BankC, "INVALID_ARGUMENT").SetName("RequestRediscount_BuyerIsTheSeller_InvalidArgument");
        yield return new TestCaseData(Cast.SupplierB, "INVALID_ARGUMENT").SetName("RequestRediscount_BuyerEnterprise_InvalidArgument");
        yield return new TestCaseData("GhostBank", "NOT_FOUND").SetName("RequestRediscount_BuyerUnknown_NotFound");
    }

    [TestCaseSource(nameof(RediscountBuyers))]
    [CancelAfter(10_000)]
    public async Task RequestRediscount_Buyer_Outcome(string buyer, string? expectedCode)
    {
        // Arrange: BankC holds the bill after a discount.
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        await market.DiscountAsync(Cast.SupplierA, "D1", B1, Cast.BankC);

        // Act + Assert
        if (expectedCode is not null)
        {
            await Expect.RefusedUnchangedAsync(market, Cast.BankC, "RequestRediscount", [Args.Deal("D2", B1, buyer)], expectedCode, Args.Terms(250));
            return;
        }

        var result = await market.SubmitAsync(Cast.BankC, "RequestRediscount", [Args.Deal("D2", B1, buyer)], Args.Terms(250));
        Expect.Success(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Read.Deal(result).Kind, Is.EqualTo(DealKind.Rediscount));
            Assert.That(Read.Deal(result).Seller, Is.EqualTo(Cast.BankC));
            Assert.That((await market.GetBillAsync(B1)).Status, Is.EqualTo(BillStatus.InDeal));
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task RequestRediscount_EnterpriseHolder_Forbidden()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();

        // Act + Assert
        await Expect.RefusedUnchangedAsync(market, Cast.SupplierA, "RequestRediscount", [Args.Deal("D1", B1, Cast.BankC)], "FORBIDDEN", Args.Terms(300));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task RequestRediscount_NotTheHolderBank_Forbidden()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        await market.DiscountAsync(Cast.SupplierA, "D1", B1, Cast.BankC);

        // Act + Assert
        await Expect.RefusedUnchangedAsync(market, Cast.BankA, "RequestRediscount", [Args.Deal("D2", B1, Cast.BankB)], "FORBIDDEN", Args.Terms(300));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task RequestRediscount_Settled_BuyerHoldsAndTrailSaysRediscount()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        await market.DiscountAsync(Cast.SupplierA, "D1", B1, Cast.BankC);
        await market.RequestRediscountAsync(Cast.BankC, "D2", B1, Cast.BankB, 250);
        await market.AcceptDealAsync(Cast.BankB, "D2");
        var events = market.Ledger.Events.Count;

        // Act
        var result = await market.SubmitAsync(Cast.Exchange, "SettleDeal", ["D2"], Args.Settlement("PAY-RD-1"));

        // Assert
        Expect.OneEvent(market, events, result, "DealSettled");
        var bill = await market.GetBillAsync(B1);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Read.Deal(result).Status, Is.EqualTo(DealStatus.Settled));
            Assert.That(bill.Holder, Is.EqualTo(Cast.BankB));
            Assert.That(bill.Trail.Select(t => t.Type), Is.EqualTo(new[] { TransferType.Accept, TransferType.Discount, TransferType.Rediscount }));
            Assert.That(bill.Trail[^1], Is.EqualTo(new Transfer(TransferType.Rediscount, Cast.BankC, Cast.BankB, 1_000_000, market.Today, result.TransactionId)));
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task RejectDeal_AfterAcceptance_BillBackToSellerAndMayBeDealtAgain()
    {
        // Arrange: "the buyer may reject at any time before settlement".
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        await market.RequestDiscountAsync(Cast.SupplierA, "D1", B1, Cast.BankC, 300);
        await market.AcceptDealAsync(Cast.BankC, "D1");

        // Act
        var rejected = await market.SubmitAsync(Cast.BankC, "RejectDeal", "D1", "credit limit reached");
        var again = await market.SubmitAsync(Cast.SupplierA, "RequestDiscount", [Args.Deal("D2", B1, Cast.BankB)], Args.Terms(320));

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Read.Deal(rejected).Status, Is.EqualTo(DealStatus.Rejected));
            Assert.That(Read.Deal(again).Status, Is.EqualTo(DealStatus.Requested));
            Assert.That((await market.GetBillAsync(B1)).Holder, Is.EqualTo(Cast.SupplierA));
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task RequestDiscount_IdOfClosedDeal_AlreadyExists()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        await market.RequestDiscountAsync(Cast.SupplierA, "D1", B1, Cast.BankC, 300);
        await market.MustAsync(Cast.SupplierA, "CancelDeal", ["D1", "changed my mind"]);

        // Act + Assert
        await Expect.RefusedUnchangedAsync(market, Cast.SupplierA, "RequestDiscount", [Args.Deal("D1", B1, Cast.BankC)], "ALREADY_EXISTS", Args.Terms(300));
    }

    public static IEnumerable<TestCaseData> ExpiryBoundary()
    {
        // Requested 2026-03-02; expirable when business date - request date > 3 days.
        yield return new TestCaseData(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero), "INVALID_STATE").SetName("ExpireDeal_SameDay_InvalidState");
        yield return new TestCaseData(BillMarketHarness.At(new DateOnly(2026, 3, 5), 10), "INVALID_STATE").SetName("ExpireDeal_ThreeDaysAfter_InvalidState");
        yield return new TestCaseData(new DateTimeOffset(2026, 3, 5, 15, 59, 59, 999, TimeSpan.Zero), "INVALID_STATE").SetName("ExpireDeal_LastInstantOfThirdDay1559Z_InvalidState");
        yield return new TestCaseData(new DateTimeOffset(2026, 3, 5, 16, 0, 0, 0, TimeSpan.Zero), null).SetName("ExpireDeal_FourthDayFrom1600Z_Succeeds");
        yield return new TestCaseData(BillMarketHarness.At(new DateOnly(2026, 3, 6), 10), null).SetName("ExpireDeal_FourDaysAfter_Succeeds");
        yield return new TestCaseData(BillMarketHarness.At(new DateOnly(2026, 4, 30), 10), null).SetName("ExpireDeal_WeeksAfter_Succeeds");
    }

    [TestCaseSource(nameof(ExpiryBoundary))]
    [CancelAfter(10_000)]
    public async Task ExpireDeal_BusinessDateAfterRequest_Outcome(DateTimeOffset at, string? expectedCode)
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        await market.RequestDiscountAsync(Cast.SupplierA, "D1", B1, Cast.BankC, 300);
        market.Now = at;

        // Act + Assert
        if (expectedCode is not null)
        {
            await Expect.RefusedUnchangedAsync(market, Cast.SupplierC, "ExpireDeal", ["D1"], expectedCode);
            return;
        }

        var events = market.Ledger.Events.Count;
        var result = await market.SubmitAsync(Cast.SupplierC, "ExpireDeal", "D1");
        Expect.OneEvent(market, events, result, "DealClosed");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Read.Deal(result).Status, Is.EqualTo(DealStatus.Expired));
            Assert.That((await market.GetBillAsync(B1)).Status, Is.EqualTo(BillStatus.Active));
            Assert.That((await market.GetBillAsync(B1)).Holder, Is.EqualTo(Cast.SupplierA));
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task ExpireDeal_AcceptedLater_CountsFromTheRequestDate()
    {
        // Arrange: requested 03-02, accepted 03-05; on 03-06 the request is four days old.
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        await market.RequestDiscountAsync(Cast.SupplierA, "D1", B1, Cast.BankC, 300);
        market.SetToday(new DateOnly(2026, 3, 5));
        await market.AcceptDealAsync(Cast.BankC, "D1");
        market.SetToday(new DateOnly(2026, 3, 6));

        // Act
        var result = await market.SubmitAsync(Cast.BankB, "ExpireDeal", "D1");

        // Assert
        Expect.Success(result);
        Assert.That(Read.Deal(result).Status, Is.EqualTo(DealStatus.Expired));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task ExpireDeal_ByBystanderBankOutsideTheTermsCollection_Succeeds()
    {
        // Arrange: BankB's MSP is not a member of terms_BankCMSP_EnterpriseMSP; expiring needs no terms.
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        await market.RequestDiscountAsync(Cast.SupplierA, "D1", B1, Cast.BankC, 300);
        market.SetToday(new DateOnly(2026, 3, 9));

        // Act
        var result = await market.SubmitAsync(Cast.BankB, "ExpireDeal", "D1");

        // Assert
        Expect.Success(result);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task CancelDeal_AfterDueDate_Succeeds()
    {
        // Arrange: from the due date a pending deal can no longer be accepted or settled, but it can be closed.
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        await market.RequestDiscountAsync(Cast.SupplierA, "D1", B1, Cast.BankC, 300);
        market.SetToday(BillMarketHarness.StandardDueDate);

        // Act
        var cancelled = await market.SubmitAsync(Cast.SupplierA, "CancelDeal", "D1", "too late");
        var presented = await market.SubmitAsync(Cast.SupplierA, "PresentForPayment", B1);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(cancelled.IsSuccess, Is.True, cancelled.Message);
            Assert.That(presented.IsSuccess, Is.True, presented.Message);
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Deal_VersionsAndDatesThroughItsLife()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        var requested = await market.RequestDiscountAsync(Cast.SupplierA, "D1", B1, Cast.BankC, 300);
        market.AdvanceDays(1);
        var accepted = await market.AcceptDealAsync(Cast.BankC, "D1");
        market.AdvanceDays(1);

        // Act
        var settled = await market.SettleAsync("D1");

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That((requested.Version, accepted.Version, settled.Version), Is.EqualTo((1L, 2L, 3L)));
            Assert.That((requested.RequestDate, requested.AcceptDate, requested.SettleDate), Is.EqualTo(((DateOnly?)new DateOnly(2026, 3, 2), (DateOnly?)null, (DateOnly?)null)));
            Assert.That((accepted.RequestDate, accepted.AcceptDate, accepted.SettleDate), Is.EqualTo(((DateOnly?)new DateOnly(2026, 3, 2), (DateOnly?)new DateOnly(2026, 3, 3), (DateOnly?)null)));
            Assert.That((settled.RequestDate, settled.AcceptDate, settled.SettleDate), Is.EqualTo(((DateOnly?)new DateOnly(2026, 3, 2), (DateOnly?)new DateOnly(2026, 3, 3), (DateOnly?)new DateOnly(2026, 3, 4))));
        }
    }
}
