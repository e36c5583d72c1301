using FabricFinance.Chaincode.Testing;
using static FabricFinance.Bills.Tests.Contract.Infrastructure.ContractMarket;

namespace FabricFinance.Bills.Tests.Contract;

/// <summary>Business dates in UTC+8, time that never runs backwards, identical results for identical proposals, one winner under concurrency.</summary>
[TestFixture]
[CancelAfter(30_000)]
public sealed class TimeAndDeterminismTests
{
    [Test]
    public async Task IssueBill_TimestampAfter16Utc_IsNextBusinessDay()
    {
        // Arrange
        var market = await StartAsync();
        market.Now = new DateTimeOffset(2026, 3, 2, 16, 0, 0, TimeSpan.Zero); // 2026-03-03 00:00 in UTC+8

        // Act
        var bill = ReadBill(await market.MustAsync(CoreCorp, "IssueBill", Json(new IssueBillRequest("B1", BillKind.Bank, "Supplier", "BankA", 100, new DateOnly(2026, 9, 3), true))));

        // Assert: issued on 03-03, so 09-03 is exactly six months later.
        Assert.That((bill.IssueDate, bill.UpdateDate), Is.EqualTo((new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 3))));
    }

    [Test]
    public async Task BillTransaction_DatedBeforeTheLastChange_IsInvalidStateAndWritesNothing()
    {
        // Arrange
        var market = await StartAsync();
        market.Now = market.Now.AddDays(2);
        await market.IssueAcceptedAsync();
        var earlier = market.Bills.NewTransaction(Supplier, "EndorseBill", ["B1", "Supplier2"], market.Options(at: market.Now.AddDays(-1)));

        // Act
        var response = await earlier.InvokeAsync();

        // Assert
        Assert.That(response.Message, Is.EqualTo("INVALID_STATE: bill B1 was last changed on 2026-03-04; a transaction dated 2026-03-03 cannot change it (time never runs backwards)."));
        Assert.That(earlier.HasWrites, Is.False);
    }

    [Test]
    public async Task DealTransaction_DatedBeforeTheDealsLastChange_IsInvalidState()
    {
        // Arrange
        var market = await StartAsync();
        await market.IssueAcceptedAsync();
        market.Now = market.Now.AddDays(1);
        await market.MustAsync(Supplier, "RequestDiscount", [Json(new DealRequest("D1", "B1", "BankB"))], Terms(300));

        // Act
        var result = await market.Bills.SubmitAsync(BankB, "AcceptDeal", ["D1"], market.Options(at: market.Now.AddHours(-20)));

        // Assert
        Assert.That(result.Message, Does.StartWith("INVALID_STATE: deal D1 was last changed on 2026-03-03; a transaction dated 2026-03-02"));
    }

    [Test]
    public async Task SameProposal_SimulatedTwice_GivesTheSameBytes()
    {
        // Arrange
        var market = await StartAsync();
        await market.IssueAcceptedAsync();
        TransactionOptions Options()
        {
            var options = market.Options(Terms(425));
            options.TransactionId = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
            return options;
        }

        var first = market.Bills.NewTransaction(Supplier, "RequestDiscount", [Json(new DealRequest("D1", "B1", "BankB", 123_456))], Options());
        var second = market.Bills.NewTransaction(Supplier, "RequestDiscount", [Json(new DealRequest("D1", "B1", "BankB", 123_456))], Options());

        // Act
        var a = await first.InvokeAsync();
        var b = await second.InvokeAsync();

        // Assert
        Assert.That(a.Status, Is.EqualTo(200), a.Message);
        Assert.That(b.Payload.ToArray(), Is.EqualTo(a.Payload.ToArray()));
        Assert.That(second.Event!.Payload.ToArray(), Is.EqualTo(first.Event!.Payload.ToArray()));
        Assert.That(second.Writes.Select(w => (w.Key, w.Value)), Is.EqualTo(first.Writes.Select(w => (w.Key, w.Value))));
        Assert.That(second.ReadKeys, Is.EqualTo(first.ReadKeys));
    }

    [Test]
    public async Task ConcurrentEndorsements_OfOneBill_OnlyOneCommits()
    {
        // Arrange
        var market = await StartAsync();
        await market.IssueAcceptedAsync();
        var toSupplier2 = market.Bills.NewTransaction(Supplier, "EndorseBill", ["B1", "Supplier2"], market.Options());
        var toCoreCorp = market.Bills.NewTransaction(Supplier, "EndorseBill", ["B1", "CoreCorp", "10"], market.Options());
        await toSupplier2.InvokeAsync();
        await toCoreCorp.InvokeAsync();

        // Act
        var results = market.Ledger.CommitBlock([toSupplier2, toCoreCorp]);

        // Assert
        Assert.That(results.Select(r => r.ValidationCode), Is.EqualTo(new[] { ValidationCode.Valid, ValidationCode.MvccReadConflict }));
        Assert.That((await market.GetBillAsync("B1")).Holder, Is.EqualTo("Supplier2"));
        Assert.That((await market.EvaluateAsync(Regulator, "GetBill", "B1.1")).Message, Is.EqualTo("NOT_FOUND: bill B1.1 does not exist."));
    }

    [Test]
    public async Task ConcurrentDeals_OfOneBill_CannotSellItTwice()
    {
        // Arrange
        var market = await StartAsync();
        await market.IssueAcceptedAsync();
        var toBankB = market.Bills.NewTransaction(Supplier, "RequestDiscount", [Json(new DealRequest("D1", "B1", "BankB"))], market.Options(Terms(300)));
        var toBankC = market.Bills.NewTransaction(Supplier, "RequestDiscount", [Json(new DealRequest("D2", "B1", "BankC"))], market.Options(Terms(280)));
        await toBankB.InvokeAsync();
        await toBankC.InvokeAsync();

        // Act
        var results = market.Ledger.CommitBlock([toBankC, toBankB]);
        var again = await market.SubmitAsync(Supplier, "RequestDiscount", [Json(new DealRequest("D3", "B1", "BankB"))], Terms(300));

        // Assert
        Assert.That(results.Select(r => r.ValidationCode), Is.EqualTo(new[] { ValidationCode.Valid, ValidationCode.MvccReadConflict }));
        Assert.That((await market.GetBillAsync("B1")).DealId, Is.EqualTo("D2"));
        Assert.That(again.Message, Is.EqualTo("INVALID_STATE: bill B1 is InDeal; only an Active bill can be offered for discount."));
    }

    [Test]
    public async Task GetBillHistory_EveryVersion_OldestFirstWithUtcMillisecondTimestamps()
    {
        // Arrange
        var market = await StartAsync();
        market.Now = new DateTimeOffset(2026, 3, 2, 3, 6, 37, 469, TimeSpan.Zero).AddTicks(1234);
        await market.IssueAcceptedAsync();
        market.Now = market.Now.AddDays(1);
        await market.MustAsync(Supplier, "EndorseBill", "B1", "Supplier2");

        // Act
        var history = Read<List<BillHistoryEntry>>(await market.EvaluateAsync(Stranger, "GetBillHistory", "B1"));

        // Assert
        Assert.That(history.Select(h => (h.Timestamp, h.IsDelete, h.Value!.Version)), Is.EqualTo(new[]
        {
            ("2026-03-02T03:06:37.469Z", false, 1L),
            ("2026-03-02T03:06:37.469Z", false, 2L),
            ("2026-03-03T03:06:37.469Z", false, 3L),
        }));
        Assert.That(history.Select(h => h.Value!.Status), Is.EqualTo(new[] { BillStatus.PendingAcceptance, BillStatus.Active, BillStatus.Active }));
    }
}
