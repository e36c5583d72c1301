using FabricFinance.Bills.Tests.Support;
using FabricFinance.Chaincode.Testing;

namespace FabricFinance.Bills.Tests.Rulebook;

/// <summary>
/// BILLS.md, "Errors", last paragraph, and the double-selling rule (一票多賣): "Under concurrent
/// attempts on one bill, exactly one transaction commits valid; the others fail either at endorsement
/// (INVALID_STATE, the bill already moved) or at commit (MVCC read conflict)." Two transactions are
/// simulated against the same state and committed in one block.
/// </summary>
[TestFixture]
public sealed class ConcurrencyRulebookTests
{
    private const string B1 = BillMarketHarness.StandardBillId;

    public static IEnumerable<TestCaseData> Races()
    {
        yield return Race(
            "TwoDiscountsOfOneBill",
            new RaceAttempt(Cast.SupplierA, "RequestDiscount", [Args.Deal("D1", B1, Cast.BankB)], Args.Terms(300)),
            new RaceAttempt(Cast.SupplierA, "RequestDiscount", [Args.Deal("D2", B1, Cast.BankC)], Args.Terms(290)));
        yield return Race(
            "TwoEndorsementsOfOneBill",
            new RaceAttempt(Cast.SupplierA, "EndorseBill", [B1, Cast.SupplierB], null),
            new RaceAttempt(Cast.SupplierA, "EndorseBill", [B1, Cast.SupplierC], null));
        yield return Race(
            "EndorsementAndDiscountOfOneBill",
            new RaceAttempt(Cast.SupplierA, "EndorseBill", [B1, Cast.SupplierB], null),
            new RaceAttempt(Cast.SupplierA, "RequestDiscount", [Args.Deal("D1", B1, Cast.BankC)], Args.Terms(300)));
        yield return Race(
            "TwoPartialEndorsementsOfOneBill",
            new RaceAttempt(Cast.SupplierA, "EndorseBill", [B1, Cast.SupplierB, "300000"], null),
            new RaceAttempt(Cast.SupplierA, "EndorseBill", [B1, Cast.SupplierC, "600000"], null));
        yield return Race(
            "PartialDiscountAndWholeEndorsement",
            new RaceAttempt(Cast.SupplierA, "RequestDiscount", [Args.Deal("D1", B1, Cast.BankC, 250_000)], Args.Terms(300)),
            new RaceAttempt(Cast.SupplierA, "EndorseBill", [B1, Cast.SupplierB], null));
        yield return Race(
            "FreezeAndEndorsement",
            new RaceAttempt(Cast.Exchange, "FreezeBill", [B1, "court order"], null),
            new RaceAttempt(Cast.SupplierA, "EndorseBill", [B1, Cast.SupplierB], null));

        static TestCaseData Race(string name, RaceAttempt first, RaceAttempt second) =>
            new TestCaseData(first, second).SetName($"CommitBlock_{name}_ExactlyOneValid");
    }

    [TestCaseSource(nameof(Races))]
    [CancelAfter(10_000)]
    public async Task CommitBlock_TwoRaceAttemptsOnOneBill_ExactlyOneValid(RaceAttempt first, RaceAttempt second)
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        var one = market.NewTransaction(first.Actor, first.Function, first.Arguments, first.Transient);
        var two = market.NewTransaction(second.Actor, second.Function, second.Arguments, second.Transient);
        var responses = new[] { await one.InvokeAsync(), await two.InvokeAsync() };
        Assert.That(responses.All(r => r.IsSuccess), Is.True, () => "both simulate against the same state: " + string.Join("; ", responses.Select(r => r.Message)));
        var events = market.Ledger.Events.Count;

        // Act
        var results = market.Ledger.CommitBlock([one, two]);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(results[0].ValidationCode, Is.EqualTo(ValidationCode.Valid));
            Assert.That(results[1].ValidationCode, Is.AnyOf(ValidationCode.MvccReadConflict, ValidationCode.PhantomReadConflict), "the second fails at commit");
            Assert.That(market.Ledger.Events, Has.Count.EqualTo(events + 1), "only the valid transaction's event is committed");
            Assert.That(market.Ledger.Events[^1].TransactionId, Is.EqualTo(one.TransactionId));
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task CommitBlock_TwoDiscounts_OnlyTheFirstDealExistsAndLocksTheBill()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        var one = market.NewTransaction(Cast.SupplierA, "RequestDiscount", [Args.Deal("D1", B1, Cast.BankB)], Args.Terms(300));
        var two = market.NewTransaction(Cast.SupplierA, "RequestDiscount", [Args.Deal("D2", B1, Cast.BankC)], Args.Terms(290));
        await one.InvokeAsync();
        await two.InvokeAsync();

        // Act
        market.Ledger.CommitBlock([one, two]);

        // Assert
        var bill = await market.GetBillAsync(B1);
        var second = await market.EvaluateAsync(Cast.Regulator, "GetDeal", "D2");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(bill.Status, Is.EqualTo(BillStatus.InDeal));
            Assert.That(bill.DealId, Is.EqualTo("D1"));
            Assert.That((await market.GetDealAsync("D1")).Status, Is.EqualTo(DealStatus.Requested));
            Expect.Refused(second, "NOT_FOUND");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task CommitBlock_SettlementAndCancellationOfOneDeal_ExactlyOneValid()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        await market.RequestDiscountAsync(Cast.SupplierA, "D1", B1, Cast.BankC, 300);
        await market.AcceptDealAsync(Cast.BankC, "D1");
        var settle = market.NewTransaction(Cast.Exchange, "SettleDeal", ["D1"], Args.Settlement("PAY-1"));
        var cancel = market.NewTransaction(Cast.SupplierA, "CancelDeal", ["D1", "changed my mind"]);
        await settle.InvokeAsync();
        await cancel.InvokeAsync();

        // Act
        var results = market.Ledger.CommitBlock([settle, cancel]);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(results.Count(r => r.IsValid), Is.EqualTo(1));
            Assert.That((await market.GetDealAsync("D1")).Status, Is.EqualTo(DealStatus.Settled));
            Assert.That((await market.GetBillAsync(B1)).Holder, Is.EqualTo(Cast.BankC));
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task CommitBlock_TwoIssuesOfOneId_ExactlyOneValid()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        var one = market.NewTransaction(Cast.CoreCorp, "IssueBill", [Args.Issue(B1, Cast.SupplierA, Cast.BankA, 100, BillMarketHarness.StandardDueDate)]);
        var two = market.NewTransaction(Cast.SupplierC, "IssueBill", [Args.Issue(B1, Cast.SupplierB, Cast.BankB, 999, BillMarketHarness.StandardDueDate)]);
        await one.InvokeAsync();
        await two.InvokeAsync();

        // Act
        var results = market.Ledger.CommitBlock([one, two]);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(results.Select(r => r.IsValid), Is.EqualTo(new[] { true, false }));
            Assert.That((await market.GetBillAsync(B1)).Drawer, Is.EqualTo(Cast.CoreCorp));
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task CommitBlock_OneDealIdOnTwoBills_ExactlyOneValid()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        await market.IssueAcceptedAsync("B2");
        var one = market.NewTransaction(Cast.SupplierA, "RequestDiscount", [Args.Deal("D1", B1, Cast.BankC)], Args.Terms(300));
        var two = market.NewTransaction(Cast.SupplierA, "RequestDiscount", [Args.Deal("D1", "B2", Cast.BankB)], Args.Terms(300));
        await one.InvokeAsync();
        await two.InvokeAsync();

        // Act
        var results = market.Ledger.CommitBlock([one, two]);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(results.Select(r => r.IsValid), Is.EqualTo(new[] { true, false }));
            Assert.That((await market.GetDealAsync("D1")).BillId, Is.EqualTo(B1));
            Assert.That((await market.GetBillAsync("B2")).Status, Is.EqualTo(BillStatus.Active), "the invalid deal locked nothing");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task CommitBlock_TwoRegistrationsOfOneParty_ExactlyOneValid()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        var one = market.NewTransaction(Cast.Exchange, "RegisterParty", [Args.Json(new PartyRegistration("NewCo", PartyKind.Enterprise, Cast.EnterpriseMsp, "New Co", "CN=User6@enterprise.example.com,OU=client,L=San Francisco,ST=California,C=US"))]);
        var two = market.NewTransaction(Cast.Exchange, "RegisterParty", [Args.Json(new PartyRegistration("NewCo", PartyKind.Enterprise, Cast.EnterpriseMsp, "New Co", "CN=User7@enterprise.example.com,OU=client,L=San Francisco,ST=California,C=US"))]);
        await one.InvokeAsync();
        await two.InvokeAsync();

        // Act
        var results = market.Ledger.CommitBlock([one, two]);

        // Assert
        Assert.That(results.Select(r => r.IsValid), Is.EqualTo(new[] { true, false }));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task SecondDiscount_AfterTheFirstCommitted_InvalidStateAtEndorsement()
    {
        // Arrange: the first deal locked the bill; the seller tries to sell it again.
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        await market.RequestDiscountAsync(Cast.SupplierA, "D1", B1, Cast.BankB, 300);

        // Act + Assert
        await Expect.RefusedUnchangedAsync(market, Cast.SupplierA, "RequestDiscount", [Args.Deal("D2", B1, Cast.BankC)], "INVALID_STATE", Args.Terms(290));
        await Expect.RefusedUnchangedAsync(market, Cast.SupplierA, "EndorseBill", [B1, Cast.SupplierB], "INVALID_STATE");
        await Expect.RefusedUnchangedAsync(market, Cast.SupplierA, "EndorseBill", [B1, Cast.SupplierB, "1000"], "INVALID_STATE");
    }
}
